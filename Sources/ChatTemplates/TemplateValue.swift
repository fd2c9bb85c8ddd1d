/// A value passed into a chat template: what JSON can hold (the shape of Hugging Face's `messages`, `tools` and
/// extra keyword arguments).
public indirect enum TemplateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    /// An object with its keys in insertion order (as Python dicts keep them, which `tojson` shows).
    case object([String: TemplateValue], order: [String])

    /// An object from key-value pairs, keeping their order.
    ///
    /// - Parameter pairs: The keys and values.
    /// - Returns: The object.
    public static func object(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        var dictionary: [String: TemplateValue] = [:]
        var order: [String] = []
        for (key, value) in pairs where dictionary.updateValue(value, forKey: key) == nil { order.append(key) }
        return .object(dictionary, order: order)
    }

    /// A message object `{"role": role, "content": content}`.
    ///
    /// - Parameters:
    ///   - role: `system`, `user`, `assistant` or `tool`.
    ///   - content: The text.
    /// - Returns: The message value.
    public static func message(role: String, content: String) -> TemplateValue {
        .object(["role": .string(role), "content": .string(content)])
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
}
