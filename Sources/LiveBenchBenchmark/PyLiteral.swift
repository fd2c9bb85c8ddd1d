/// A Python value as `ast.literal_eval` builds it, for LiveBench's table-join answers (`{'col_a': 'col_b'}`) and
/// ground truths.
indirect enum PyLiteral: Sendable, Hashable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([PyLiteral])
    case tuple([PyLiteral])
    case set([PyLiteral])
    case dict([(key: PyLiteral, value: PyLiteral)])

    static func == (a: PyLiteral, b: PyLiteral) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)): return x == y
        case (.set(let x), .set(let y)): return x.count == y.count && x.allSatisfy { e in y.contains(e) }
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && x.allSatisfy { pair in y.first { $0.key == pair.key }.map { $0.value == pair.value } ?? false }
        default:
            if let x = a.number, let y = b.number { return x == y }
            return false
        }
    }

    func hash(into hasher: inout Hasher) {
        if let n = number { hasher.combine(n) } else if case .string(let s) = self { hasher.combine(s) }
    }

    /// Booleans, integers and floats compare as numbers in Python (`True == 1 == 1.0`).
    var number: Double? {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }

    /// Python truthiness (`not value`).
    var isTruthy: Bool {
        switch self {
        case .none: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .float(let d): d != 0
        case .string(let s): !s.isEmpty
        case .list(let a), .tuple(let a), .set(let a): !a.isEmpty
        case .dict(let d): !d.isEmpty
        }
    }

    /// The value of `key` in a dict (the last entry wins, as a dict display's duplicates do).
    func lookup(_ key: PyLiteral) -> PyLiteral? {
        guard case .dict(let pairs) = self else { return nil }
        return pairs.last { $0.key == key }?.value
    }

    /// `ast.literal_eval(text)`; nil where it raises.
    static func parse(_ text: String) -> PyLiteral? {
        var parser = PyLiteralParser(PyText.scalars(text))
        return parser.parseWhole()
    }
}
