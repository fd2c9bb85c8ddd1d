import MathEquivalence

/// A third reading of sympy's for AMPS_Hard: `simplify` does not prove an identity that ties the tangent or
/// cotangent of an angle to trigonometric functions of a multiple of that angle (`2 cot(u)` against
/// `sin(2u) csc²(u)`, `tan(u)` against `(1 − cos 2u)/sin 2u`, `tan 2u` against `2 tan u/(1 − tan² u)`).
///
/// Why: `simplify` first brings the difference over one denominator with `tan`, `cot`, `csc`, `sec` as opaque
/// atoms, then hands it to `trigsimp` (fu's rule chain). There the quotient is rewritten back to `1/tan(u)` (TR2i)
/// and folded into the denominator, but the sum- and double-angle rules (TR10, TR11, TR8) rewrite only `sin` and
/// `cos`, and they leave numeric angles alone (`sin(2)` is never `2 sin(1) cos(1)`), so `sin(8x − 16)` is expanded
/// while `tan(4x − 8)` stays an atom and the numerator never cancels. sympy 1.14 (the published run asks for
/// `sympy>=1.12`; 1.12 gives the same verdicts on the item and the unit cases) fails 24 of 30 such identities
/// tried for `u` ∈ {x, 4x, x + 1, 8 − 4x, 2x − 3} and proves the same-angle ones (`sin(u) cot(u) = cos(u)`).
/// Of the six it proves, two are for the plain angle `x` and four are one difference whose negation it does not
/// prove (`2 cot(x + 1) − sin(2x + 2) csc²(x + 1)` is proved, `sin(2x + 2) csc²(x + 1) − 2 cot(x + 1)` is not):
/// that depends on the order of fu's greedy search, which no rule short of running it reproduces, and this check
/// rejects both. Identities between `sin`, `cos`,
/// `csc`, `sec` at multiple angles are left to the comparator (sympy proves most of them).
///
/// The check: for each angle under `tan` or `cot` of either side for which some trigonometric argument is a
/// multiple `k·u` (`|k| ≠ 1`, `k` real), both sides are evaluated again with that one angle shifted by a fixed
/// phase, everywhere it occurs (`u` and `−u`, so that identities at that angle still hold) but not at its
/// multiples. When the sides then differ, their equality rests on the multiple-angle relation.
enum MultipleAngleCheck {
    /// Whether the equality of gold and answer (already established by the comparator) needs a relation
    /// between `tan`/`cot` of an angle and functions of a multiple of it.
    static func needsMultipleAngle(_ gold: String, _ answer: String) -> Bool {
        guard let g = ComplexCheck.scalar(gold), let p = ComplexCheck.scalar(answer) else { return false }
        let symbols = g.freeSymbols.union(p.freeSymbols)
        guard !symbols.isEmpty else { return false }
        let references = ComplexCheck.points(symbols, count: 2, seed: 0x0DDB_A11_5EED)
        func fingerprint(_ node: MathNode) -> [ComplexCheck.Complex]? {
            let values = references.compactMap { ComplexCheck.evaluate(node, $0) }
            return values.count == references.count && values.allSatisfy({ $0.isFinite && $0.magnitude > 1e-9 }) ? values : nil
        }
        var applications: [(name: String, angle: [ComplexCheck.Complex])] = []
        for node in [g, p] {
            node.visitTrigonometric { name, argument in
                if let angle = fingerprint(argument) { applications.append((name, angle)) }
            }
        }
        let quotientAngles = applications.filter { $0.name == "tan" || $0.name == "cot" }.map(\.angle)
        let samples = ComplexCheck.points(symbols, count: 6)
        for u in quotientAngles where applications.contains(where: { ratio($0.angle, u).map { abs(abs($0) - 1) > 1e-6 } ?? false }) {
            let shift = { (argument: MathNode, value: ComplexCheck.Complex) -> ComplexCheck.Complex in
                guard let angle = fingerprint(argument), let k = ratio(angle, u), abs(abs(k) - 1) < 1e-9 else { return value }
                return value + ComplexCheck.Complex(k * 0.37)
            }
            for point in samples {
                guard let a = ComplexCheck.evaluate(g, point, angle: shift), let b = ComplexCheck.evaluate(p, point, angle: shift),
                    a.isFinite, b.isFinite
                else { continue }
                if (a - b).magnitude > 1e-6 * max(1, a.magnitude) { return true }
            }
        }
        return false
    }

    /// The real `k` with `angle = k·u` at every reference point, if there is one.
    static func ratio(_ angle: [ComplexCheck.Complex], _ u: [ComplexCheck.Complex]) -> Double? {
        var k: Double?
        for (a, b) in zip(angle, u) {
            guard let q = a / b, abs(q.im) < 1e-9 * max(1, abs(q.re)) else { return nil }
            if let k, abs(k - q.re) > 1e-9 * max(1, abs(k)) { return nil }
            k = k ?? q.re
        }
        return k
    }
}

extension MathNode {
    /// Calls `body` with each trigonometric function application (name and argument) in the tree.
    func visitTrigonometric(_ body: (String, MathNode) -> Void) {
        switch self {
        case .function(let name, let args):
            if args.count == 1, ComplexCheck.trigonometric.contains(name) { body(name, args[0]) }
            for a in args { a.visitTrigonometric(body) }
        case .negate(let a), .factorial(let a): a.visitTrigonometric(body)
        case .quotient(let a, let b), .power(let a, let b):
            a.visitTrigonometric(body)
            b.visitTrigonometric(body)
        case .sum(let xs), .product(let xs), .set(let xs), .list(let xs), .union(let xs), .bracketed(_, let xs, _), .relation(let xs, _):
            for x in xs { x.visitTrigonometric(body) }
        case .matrix(let rows): for row in rows { for x in row { x.visitTrigonometric(body) } }
        case .number, .real, .symbol, .constant, .text: break
        }
    }
}
