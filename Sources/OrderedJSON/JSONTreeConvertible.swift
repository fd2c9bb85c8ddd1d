/// A JSON-shaped value that can be built from a parsed ``JSONTree``, so that every module reads JSON with the one
/// parser and converts with the one recursion.
///
/// Enums with cases named `null`, `bool`, `int`, `double`, `string` and `array` satisfy the first six
/// requirements with those cases; a conformer writes only how an object's members (in document order, duplicates
/// included) become its object representation.
public protocol JSONTreeConvertible {
    /// JSON `null`.
    static var null: Self { get }
    /// A boolean.
    static func bool(_ value: Bool) -> Self
    /// A number written without fraction or exponent that fits in `Int`.
    static func int(_ value: Int) -> Self
    /// Any other number.
    static func double(_ value: Double) -> Self
    /// A string.
    static func string(_ value: String) -> Self
    /// An array of converted items.
    static func array(_ items: [Self]) -> Self
    /// An object from its converted members, in document order.
    ///
    /// - Parameter members: Keys and values as written (a key may repeat).
    init(jsonObject members: [(key: String, value: Self)])
}

extension JSONTreeConvertible {
    /// Converts a parsed tree, depth first.
    ///
    /// - Parameter tree: The parsed JSON.
    public init(_ tree: JSONTree) {
        switch tree {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .int(value)
        case .number(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .array(items.map(Self.init))
        case .object(let members): self = Self(jsonObject: members.map { ($0.key, Self($0.value)) })
        }
    }
}
