import Foundation

/// A value while a template renders: JSON-like data plus Jinja's undefined, namespaces and callables.
enum Value {
    case undefined(String)
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object(Dictionary)
    case namespace(Namespace)
    case callable(Callable)

    /// An insertion-ordered string-keyed dictionary (Python dict semantics for the templates' purposes).
    struct Dictionary {
        var storage: [String: Value] = [:]
        var keys: [String] = []

        subscript(key: String) -> Value? {
            get { storage[key] }
            set {
                if let newValue {
                    if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
                } else if storage.removeValue(forKey: key) != nil {
                    keys.removeAll { $0 == key }
                }
            }
        }

        var pairs: [(String, Value)] { keys.compactMap { key in storage[key].map { (key, $0) } } }
    }

    /// A mutable attribute bag made by `namespace(...)`: reference semantics, so loops can update it.
    final class Namespace {
        var attributes = Dictionary()
    }

    /// A function, macro or bound method.
    final class Callable {
        let name: String
        let call: ([Value], [(String, Value)]) throws -> Value
        init(_ name: String, _ call: @escaping ([Value], [(String, Value)]) throws -> Value) {
            self.name = name
            self.call = call
        }
    }

    init(_ input: TemplateValue) {
        switch input {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(Value.init))
        case .object(let dictionary, let order):
            var result = Dictionary()
            for key in order { if let value = dictionary[key] { result[key] = Value(value) } }
            for key in dictionary.keys.sorted() where result[key] == nil { result[key] = Value(dictionary[key] ?? .null) }
            self = .object(result)
        }
    }

    var isUndefined: Bool { if case .undefined = self { true } else { false } }

    /// Python truthiness.
    var truthy: Bool {
        switch self {
        case .undefined, .none: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .double(let d): d != 0
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.keys.isEmpty
        case .namespace, .callable: true
        }
    }

    /// The type name used in error messages.
    var typeName: String {
        switch self {
        case .undefined(let name): "undefined (\(name))"
        case .none: "none"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "float"
        case .string: "string"
        case .array: "list"
        case .object: "dict"
        case .namespace: "namespace"
        case .callable: "function"
        }
    }

    /// `str(value)` as Python prints it (what `{{ value }}` outputs).
    var text: String {
        switch self {
        case .undefined: ""
        case .string(let s): s
        default: repr
        }
    }

    /// `repr(value)` as Python prints it (inside lists and dicts).
    var repr: String {
        switch self {
        case .undefined: ""
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .double(let d): Value.pythonFloat(d)
        case .string(let s): Value.pythonStringRepr(s)
        case .array(let items): "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.pairs.map { Value.pythonStringRepr($0.0) + ": " + $0.1.repr }.joined(separator: ", ") + "}"
        case .namespace: "<Namespace>"
        case .callable(let c): "<function \(c.name)>"
        }
    }

    static func pythonFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e16 { return String(format: "%.1f", d) }
        return "\(d)"
    }

    static func pythonStringRepr(_ s: String) -> String {
        let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = quote
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if String(scalar) == quote { out += "\\" + quote } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + quote
    }

    /// Python `==`.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.undefined, .undefined), (.none, .none): true
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { key in equal(x[key] ?? .none, y[key] ?? .none) }
        case (.namespace(let x), .namespace(let y)): x === y
        default:
            if let x = a.number, let y = b.number { x == y } else { false }
        }
    }

    /// The numeric value of booleans, integers and floats.
    var number: Double? {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The items a `for` loop or filter iterates: list items, dict keys, string characters.
    func iterated(line: Int) throws -> [Value] {
        switch self {
        case .array(let items): return items
        case .object(let o): return o.keys.map { .string($0) }
        case .string(let s): return s.map { .string(String($0)) }
        case .undefined, .none: return []
        default: throw ChatTemplateError.render("cannot iterate over a \(typeName)", line: line)
        }
    }
}
