import Foundation

/// A scalar value: exact when every step was exact, and always available as a double.
public struct MathValue: Hashable, Sendable {
    /// The exact value, when known.
    public var exact: Rational?
    /// The value as a double (NaN when undefined).
    public var approximate: Double

    /// An exact value.
    public init(_ r: Rational) {
        exact = r
        approximate = r.doubleValue
    }

    /// An inexact value.
    public init(_ d: Double) {
        exact = nil
        approximate = d
    }
}

/// Evaluates scalar expression trees, exactly where possible.
///
/// Variables take values from `bindings`; an unbound variable makes the result undefined (nil). Exponents above
/// `maxExponent` and factorials above `maxFactorial` are budget limits: the result is nil ("cannot decide"),
/// never a long computation.
public enum MathEvaluator {
    /// The largest integer exponent evaluated exactly.
    public static let maxExponent = 10_000
    /// The largest factorial argument evaluated.
    public static let maxFactorial = 10_000

    /// Evaluates `node` with the given variable values.
    ///
    /// - Parameters:
    ///   - node: A scalar expression.
    ///   - bindings: Values of the variables.
    /// - Returns: The value, or nil when undefined, not scalar, or over a budget.
    public static func evaluate(_ node: MathNode, bindings: [String: Double] = [:]) -> MathValue? {
        evaluate(node, bindings: bindings, logDomain: true)
    }

    /// Evaluates `node`; with `logDomain` false, overflowing quotients are not retried in the log domain (the
    /// log-domain evaluation itself passes false, so that it never re-enters itself: nested quotients of huge
    /// values then cost linear work, not exponential).
    static func evaluate(_ node: MathNode, bindings: [String: Double], logDomain: Bool) -> MathValue? {
        switch node {
        case .number(let r): return MathValue(r)
        case .real(let d): return MathValue(d)
        case .symbol(let name):
            guard let v = bindings[name] else { return nil }
            return MathValue(v)
        case .constant(let name):
            switch name {
            case "pi": return MathValue(Double.pi)
            case "e": return MathValue(M_E)
            case "infinity": return MathValue(Double.infinity)
            default: return bindings[name].map(MathValue.init)
            }
        case .negate(let a):
            guard let v = evaluate(a, bindings: bindings, logDomain: logDomain) else { return nil }
            if let r = v.exact { return MathValue(-r) }
            return MathValue(-v.approximate)
        case .sum(let terms):
            var total = MathValue(.zero)
            for t in terms {
                guard let v = evaluate(t, bindings: bindings, logDomain: logDomain) else { return nil }
                total = combine(total, v, exact: { $0 + $1 }, approximate: +)
            }
            return total
        case .product(let factors):
            var total = MathValue(.one)
            for f in factors {
                guard let v = evaluate(f, bindings: bindings, logDomain: logDomain) else { return nil }
                total = combine(total, v, exact: { $0 * $1 }, approximate: *)
            }
            return total
        case .quotient(let a, let b):
            guard let x = evaluate(a, bindings: bindings, logDomain: logDomain), let y = evaluate(b, bindings: bindings, logDomain: logDomain) else { return nil }
            if y.exact == .zero || y.approximate == 0 { return nil }
            let q = combine(x, y, exact: { $0 / $1 }, approximate: /)
            // An exact quotient carries a correctly rounded double already; an inexact one of values beyond
            // `Double` is recomputed in the log domain.
            if logDomain, q.exact == nil, !q.approximate.isFinite || (q.approximate == 0 && x.approximate != 0) || x.approximate.isInfinite {
                return logQuotient(a, b, bindings: bindings) ?? q
            }
            return q
        case .power(let a, let b):
            guard let x = evaluate(a, bindings: bindings, logDomain: logDomain), let y = evaluate(b, bindings: bindings, logDomain: logDomain) else { return nil }
            return power(x, y)
        case .factorial(let a):
            guard let x = evaluate(a, bindings: bindings, logDomain: logDomain) else { return nil }
            guard let r = x.exact, r.isInteger, let n = r.numerator.intValue, n >= 0, n <= maxFactorial else {
                // Γ(x + 1) for symbolic arguments at random points.
                let g = Foundation.tgamma(x.approximate + 1)
                return g.isFinite && x.approximate <= Double(maxFactorial) ? MathValue(g) : nil
            }
            // n! has lgamma(n + 1) / ln 2 bits: over the size budget, only the double product is computed.
            var exact = Foundation.lgamma(Double(n + 1)) / M_LN2 < Double(BigInt.maxBitWidth)
            var product: BigInt = 1
            var approximate = 1.0
            for k in stride(from: 2, through: n, by: 1) {
                approximate *= Double(k)
                if exact { product = product * BigInt(k) }
            }
            exact = exact && product.bitWidth <= BigInt.maxBitWidth
            if exact, let value = Rational(product, 1) { return MathValue(value) }
            return MathValue(approximate)
        case .function(let name, let args):
            let values = args.compactMap { evaluate($0, bindings: bindings, logDomain: logDomain) }
            guard values.count == args.count else { return nil }
            return apply(name, values)
        default:
            return nil
        }
    }

    private static func combine(
        _ x: MathValue, _ y: MathValue, exact: (Rational, Rational) -> Rational?, approximate: (Double, Double) -> Double
    ) -> MathValue {
        if let a = x.exact, let b = y.exact, let r = exact(a, b) { return MathValue(r) }
        return MathValue(approximate(x.approximate, y.approximate))
    }

    private static func power(_ x: MathValue, _ y: MathValue) -> MathValue? {
        if let e = y.exact {
            let k = e.numerator.intValue.flatMap { $0.magnitude <= UInt(maxExponent) ? $0 : nil }
            if e.isInteger {
                guard let k else { return MathValue(Foundation.pow(x.approximate, y.approximate)) }
                if let b = x.exact, let r = b.power(k) { return MathValue(r) }
            } else if let b = x.exact, let k, let n = e.denominator.intValue, n <= 64, let root = b.root(n),
                      let r = root.power(k) {
                return MathValue(r)
            }
            if x.approximate < 0, !e.isInteger {
                // Odd roots of negative numbers are real.
                if e.denominator.isOdd {
                    let magnitude = Foundation.pow(-x.approximate, e.doubleValue)
                    return MathValue(e.numerator.isOdd ? -magnitude : magnitude)
                }
                return nil
            }
        }
        let result = Foundation.pow(x.approximate, y.approximate)
        return result.isNaN ? nil : MathValue(result)
    }

    private static func apply(_ name: String, _ values: [MathValue]) -> MathValue? {
        let d = values.first?.approximate ?? .nan
        let result: Double
        switch name {
        case "sqrt":
            if let r = values[0].exact, let root = r.root(2) { return MathValue(root) }
            guard d >= 0 else { return nil }
            result = d.squareRoot()
        case "abs":
            if let r = values[0].exact { return MathValue(r.signum < 0 ? -r : r) }
            result = Swift.abs(d)
        case "sin": result = Foundation.sin(d)
        case "cos": result = Foundation.cos(d)
        case "tan": result = Foundation.tan(d)
        case "sec": result = 1 / Foundation.cos(d)
        case "csc": result = 1 / Foundation.sin(d)
        case "cot": result = 1 / Foundation.tan(d)
        case "arcsin": result = Foundation.asin(d)
        case "arccos": result = Foundation.acos(d)
        case "arctan": result = Foundation.atan(d)
        case "sinh": result = Foundation.sinh(d)
        case "cosh": result = Foundation.cosh(d)
        case "tanh": result = Foundation.tanh(d)
        case "ln": result = Foundation.log(d)
        case "log": result = Foundation.log(d)
        case "log10": result = Foundation.log10(d)
        case "exp": result = Foundation.exp(d)
        case "binom":
            guard values.count == 2, let n = values[0].exact, let k = values[1].exact, n.isInteger, k.isInteger,
                  let n = n.numerator.intValue, let k = k.numerator.intValue, k >= 0, n >= k, n <= maxFactorial else { return nil }
            var r = Rational.one
            for i in 0..<k {
                guard let factor = Rational(n - i, i + 1), let next = r * factor else {
                    return MathValue(Foundation.exp(Foundation.lgamma(Double(n + 1)) - Foundation.lgamma(Double(k + 1)) - Foundation.lgamma(Double(n - k + 1))))
                }
                r = next
            }
            return MathValue(r)
        default:
            guard name.hasPrefix("applied:") else { return nil }
            // An unknown function f(x, y, …): a fixed smooth function seeded by its name, identical on both sides.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            var sum = Double(h % 97) / 97
            for (k, v) in values.enumerated() { sum += (1.3 + Double(k) * 0.71) * v.approximate }
            result = Foundation.sin(sum) + 0.5 * sum
        }
        return result.isNaN ? nil : MathValue(result)
    }
}
