/// A parsed mathematical answer: a small expression tree.
///
/// Numbers are exact rationals where the text is exact (`0.75` is 3/4). Containers keep their bracket kinds so
/// that intervals (`(1, 2]`), tuples and sets can be told apart by the comparator.
public indirect enum MathNode: Hashable, Sendable {
    /// An exact number.
    case number(Rational)
    /// A number too large for exact arithmetic, kept as a double.
    case real(Double)
    /// A variable, with its subscript folded into the name (`a_n`, `x_1`).
    case symbol(String)
    /// A named constant: `pi`, `e`, `i`, `infinity`.
    case constant(String)
    /// A sum of terms.
    case sum([MathNode])
    /// A product of factors.
    case product([MathNode])
    /// Negation.
    case negate(MathNode)
    /// A quotient.
    case quotient(MathNode, MathNode)
    /// A power.
    case power(MathNode, MathNode)
    /// A function applied to an argument (`sin`, `cos`, `ln`, `log`, `sqrt`, `abs`, `exp`, …).
    case function(String, [MathNode])
    /// A factorial.
    case factorial(MathNode)
    /// A bracketed list: tuples, intervals, points. `open`/`close` are `(`, `[`, `)` or `]`.
    case bracketed(open: Character, [MathNode], close: Character)
    /// A set written with `\{ … \}`.
    case set([MathNode])
    /// A top-level comma-separated list of answers.
    case list([MathNode])
    /// A union of intervals or sets.
    case union([MathNode])
    /// A relation chain: `lhs op rhs [op rhs …]` with ops `=`, `<`, `>`, `<=`, `>=`, `!=`.
    case relation([MathNode], [String])
    /// A matrix, row by row.
    case matrix([[MathNode]])
    /// Free text that is not mathematics (`\text{yes}`, `Monday`).
    case text(String)

    /// The number of nodes, for the size budget.
    public var size: Int {
        switch self {
        case .number, .real, .symbol, .constant, .text: return 1
        case .negate(let a), .factorial(let a): return 1 + a.size
        case .quotient(let a, let b), .power(let a, let b): return 1 + a.size + b.size
        case .sum(let xs), .product(let xs), .set(let xs), .list(let xs), .union(let xs), .function(_, let xs),
             .bracketed(_, let xs, _), .relation(let xs, _):
            return xs.reduce(1) { $0 + $1.size }
        case .matrix(let rows): return rows.reduce(1) { $0 + $1.reduce(0) { $0 + $1.size } }
        }
    }

    /// The variables that occur in the expression.
    public var freeSymbols: Set<String> {
        var found = Set<String>()
        collectSymbols(into: &found)
        return found
    }

    private func collectSymbols(into found: inout Set<String>) {
        switch self {
        case .symbol(let name): found.insert(name)
        case .number, .real, .constant, .text: break
        case .negate(let a), .factorial(let a): a.collectSymbols(into: &found)
        case .quotient(let a, let b), .power(let a, let b):
            a.collectSymbols(into: &found)
            b.collectSymbols(into: &found)
        case .sum(let xs), .product(let xs), .set(let xs), .list(let xs), .union(let xs), .function(_, let xs),
             .bracketed(_, let xs, _), .relation(let xs, _):
            for x in xs { x.collectSymbols(into: &found) }
        case .matrix(let rows): for row in rows { for x in row { x.collectSymbols(into: &found) } }
        }
    }

    /// Whether this is a plain scalar expression (no containers, relations or text).
    public var isScalar: Bool {
        switch self {
        case .bracketed, .set, .list, .union, .relation, .matrix, .text: return false
        default: return true
        }
    }
}
