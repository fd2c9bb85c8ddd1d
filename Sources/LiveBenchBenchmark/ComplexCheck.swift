import Foundation
import MathEquivalence

/// A second opinion for AMPS_Hard where Proctor's real-valued comparator is more lenient than sympy: sympy's
/// symbols are complex, so `((5-8x^2)^2)^{1/3}` and `(5-8x^2)^{2/3}` differ for it (principal branches), and an odd
/// root of a negative number is not real. Two answers the comparator accepts are rejected when they differ at
/// complex points with principal-branch powers, roots and logarithms.
enum ComplexCheck {
    struct Complex {
        var re: Double
        var im: Double
        init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }

        static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
        static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
        static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
        static func / (a: Complex, b: Complex) -> Complex? {
            let d = b.re * b.re + b.im * b.im
            guard d > 1e-300 else { return nil }
            return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
        }
        var magnitude: Double { (re * re + im * im).squareRoot() }
        var isFinite: Bool { re.isFinite && im.isFinite }
        var log: Complex? { magnitude > 0 ? Complex(Foundation.log(magnitude), atan2(im, re)) : nil }
        var exp: Complex { Complex(Foundation.exp(re) * Foundation.cos(im), Foundation.exp(re) * Foundation.sin(im)) }
        var sin: Complex { Complex(Foundation.sin(re) * Foundation.cosh(im), Foundation.cos(re) * Foundation.sinh(im)) }
        var cos: Complex { Complex(Foundation.cos(re) * Foundation.cosh(im), -Foundation.sin(re) * Foundation.sinh(im)) }
    }

    /// The trigonometric functions the evaluator knows.
    static let trigonometric: Set<String> = ["sin", "cos", "tan", "sec", "csc", "cot"]

    /// Whether gold and answer certainly differ as sympy's complex expressions (false when either cannot be read).
    static func differ(_ gold: String, _ answer: String) -> Bool {
        guard let g = scalar(gold), let p = scalar(answer) else { return false }
        let symbols = g.freeSymbols.union(p.freeSymbols)
        var disagreeing = 0, compared = 0
        for point in points(symbols, count: symbols.isEmpty ? 1 : 8) {
            guard let a = evaluate(g, point), let b = evaluate(p, point), a.isFinite, b.isFinite else { continue }
            compared += 1
            let gap = (a - b).magnitude
            if symbols.isEmpty ? gap >= 0.001 : gap > 1e-6 * max(1, a.magnitude) { disagreeing += 1 }
        }
        return compared > 0 && disagreeing > 0
    }

    /// The answer read by Proctor's LaTeX parser, when it is a single expression.
    static func scalar(_ text: String) -> MathNode? {
        guard let node = LatexParser.parse(LatexNormalizer.normalize(text).text), node.isScalar else { return nil }
        return node
    }

    /// `count` complex points with both parts in [-1.5, 1.5), from a fixed seed (the same points on every run).
    static func points(_ symbols: Set<String>, count: Int, seed: UInt64 = 0x1234_5678_9ABC_DEF1) -> [[String: Complex]] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 3 - 1.5
        }
        return (0..<count).map { _ in
            var point: [String: Complex] = [:]
            for s in symbols.sorted() { point[s] = Complex(next(), next()) }
            return point
        }
    }

    /// The value of `node` at `point`. `angle`, when given, maps each trigonometric function's argument (node and
    /// value) to the angle it is evaluated at (`MultipleAngleCheck` shifts one angle).
    static func evaluate(_ node: MathNode, _ point: [String: Complex], angle: ((MathNode, Complex) -> Complex)? = nil) -> Complex? {
        func evaluate(_ node: MathNode, _ point: [String: Complex]) -> Complex? { Self.evaluate(node, point, angle: angle) }
        switch node {
        case .number(let r): return Complex(r.doubleValue)
        case .real(let d): return Complex(d)
        case .symbol(let name): return point[name]
        case .constant(let name):
            switch name {
            case "pi": return Complex(Double.pi)
            case "e": return Complex(M_E)
            case "i": return Complex(0, 1)
            default: return point[name]
            }
        case .negate(let a): return evaluate(a, point).map { Complex(-$0.re, -$0.im) }
        case .sum(let terms):
            var total = Complex(0)
            for t in terms {
                guard let v = evaluate(t, point) else { return nil }
                total = total + v
            }
            return total
        case .product(let factors):
            var total = Complex(1)
            for f in factors {
                guard let v = evaluate(f, point) else { return nil }
                total = total * v
            }
            return total
        case .quotient(let a, let b):
            guard let x = evaluate(a, point), let y = evaluate(b, point) else { return nil }
            return x / y
        case .power(let a, let b):
            guard let x = evaluate(a, point) else { return nil }
            if case .number(let r) = b, r.isInteger, let k = r.numerator.intValue, abs(k) <= 64 {
                var result = Complex(1)
                for _ in 0..<abs(k) { result = result * x }
                return k < 0 ? Complex(1) / result : result
            }
            guard let y = evaluate(b, point), let l = x.log else { return nil }
            return (y * l).exp
        case .function(let name, let args):
            guard args.count == 1, var x = evaluate(args[0], point) else { return nil }
            if let angle, trigonometric.contains(name) { x = angle(args[0], x) }
            switch name {
            case "sqrt": return x.log.map { (Complex(0.5) * $0).exp }
            case "exp": return x.exp
            case "ln", "log": return x.log
            case "sin": return x.sin
            case "cos": return x.cos
            case "tan": return x.sin / x.cos
            case "sec": return Complex(1) / x.cos
            case "csc": return Complex(1) / x.sin
            case "cot": return x.cos / x.sin
            case "abs": return Complex(x.magnitude)
            default: return nil
            }
        default:
            return nil
        }
    }
}
