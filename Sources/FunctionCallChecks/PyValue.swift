import Foundation
import OrderedJSON

/// A value as the official BFCL checker sees it after decoding: a Python object of the kinds `ast.literal_eval`,
/// `json.loads` and the Java/JavaScript type converters produce.
///
/// The checker's rules depend on Python's semantics (`type(x) == int`, `1 == 1.0 == True`, `[1] != (1,)`), so the
/// values keep Python's distinctions: integers apart from floats, tuples apart from lists, dictionaries in insertion
/// order with keys of any kind.
public indirect enum PyValue: Sendable, CustomStringConvertible {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([PyValue])
    case tuple([PyValue])
    case set([PyValue])
    case dict([(key: PyValue, value: PyValue)])

    /// Python's type, as `type(value)` compares it.
    public enum Kind: String, Sendable, Hashable {
        case none = "NoneType", bool, int, float, str, list, tuple, set, dict
    }

    /// The value's Python type.
    public var kind: Kind {
        switch self {
        case .none: .none
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .string: .str
        case .list: .list
        case .tuple: .tuple
        case .set: .set
        case .dict: .dict
        }
    }

    /// The string, if this is a `str`.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// The members, if this is a `dict`.
    public var dictValue: [(key: PyValue, value: PyValue)]? { if case .dict(let d) = self { d } else { nil } }

    /// The elements, if this is a `list` or `tuple`.
    public var elements: [PyValue]? {
        switch self {
        case .list(let a), .tuple(let a), .set(let a): a
        default: nil
        }
    }

    /// What `for x in value` visits: a list's, tuple's or set's elements, a string's characters, a dict's keys;
    /// nil for values Python cannot iterate.
    public var iterated: [PyValue]? {
        switch self {
        case .list(let a), .tuple(let a), .set(let a): a
        case .string(let s): s.map { .string(String($0)) }
        case .dict(let d): d.map(\.key)
        default: nil
        }
    }

    /// The member with key `key` (Python `d[key]`), if this is a dict that has it.
    public subscript(key: String) -> PyValue? {
        dictValue?.first { $0.key == .string(key) }?.value
    }

    /// The numeric value of a `bool`, `int` or `float` (Python compares them by value).
    public var number: Double? {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }

    /// Python's `repr`, for error messages and for `ast.unparse` of string constants.
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PyValue.floatRepr(d)
        case .string(let s): return PyValue.stringRepr(s)
        case .list(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .tuple(let a): return a.count == 1 ? "(\(a[0]),)" : "(" + a.map(\.description).joined(separator: ", ") + ")"
        case .set(let a): return a.isEmpty ? "set()" : "{" + a.map(\.description).joined(separator: ", ") + "}"
        case .dict(let d): return "{" + d.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `repr` of a float (`1.0`, `0.01`, `1e-05`, `inf`).
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e16 { return String(format: "%.1f", d) }
        let text = "\(d)"
        // Swift writes 1e-05 as "1e-05" and Python as "1e-05"; both use the shortest round-trip digits.
        return text
    }

    /// Python's `repr` of a string (single quotes unless it has a single quote and no double quote).
    static func stringRepr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "'" where quote == "'": out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(format: "%02x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }
}

extension PyValue: Equatable {
    /// Python's `==`: numbers (including booleans) by value, lists with lists, tuples with tuples, dictionaries by
    /// their key set and values regardless of order.
    public static func == (lhs: PyValue, rhs: PyValue) -> Bool {
        if let a = lhs.number, let b = rhs.number { return a == b }
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): return a == b
        case (.set(let a), .set(let b)): return a.count == b.count && a.allSatisfy { b.contains($0) }
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && $0.value == member.value } }
        default: return false
        }
    }

    /// Python's `value in list`.
    public func isIn(_ values: [PyValue]) -> Bool { values.contains(self) }
}

extension PyValue {
    /// The value `json.loads` gives for a JSON tree (integers stay `int`, other numbers become `float`).
    ///
    /// - Parameter tree: The JSON.
    public init(json tree: JSONTree) {
        switch tree {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .int(i)
        case .number(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(PyValue.init(json:)))
        case .object(let members): self = .dict(members.map { (PyValue.string($0.key), PyValue(json: $0.value)) })
        }
    }
}
