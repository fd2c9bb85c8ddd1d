
/// How close two numbers must be to count as equal.
public enum NumericTolerance: Hashable, Sendable {
    /// |a − b| ≤ tol · max(1, |gold|).
    case relative(Double)
    /// |a − b| ≤ tol.
    case absolute(Double)
    /// Both rounded half-even to this many decimals are equal (MMMU, MATH-V official).
    case decimals(Int)
}

/// What the comparator accepts; each benchmark's strict and official modes pick their own settings.
public struct EquivalenceOptions: Hashable, Sendable {
    /// Tolerance for numbers when either side is inexact (a decimal of an irrational gold, say).
    public var numeric: NumericTolerance = .relative(1e-9)
    /// Whether a plain comma list is compared in order (tuples in parentheses always are).
    public var orderedLists = false
    /// Accept `p`, `p/100` and `100p` for a percent gold (`official` OlympiadBench-style leniency).
    public var percentLeniency = false
    /// Seed of the random evaluation points used for symbolic expressions.
    public var seed: UInt64 = 0x5EED
    /// Relative tolerance of the random-point evaluation.
    public var symbolicTolerance = 1e-8

    /// The default: exact rationals, 1e-9 relative for inexact numbers, unordered lists.
    public init() {}
}

/// The comparator's decision.
public enum EquivalenceOutcome: String, Hashable, Sendable {
    /// The answers are equivalent.
    case equal
    /// They are not.
    case different
    /// A budget was exceeded or the answer could not be parsed: counted wrong, recorded as `undecided`.
    case undecided
}

/// Decides whether two parsed answers are mathematically the same, deterministically and without a CAS.
public enum MathComparator {
    /// Compares a gold tree with a predicted tree.
    ///
    /// - Parameters:
    ///   - gold: The reference answer.
    ///   - prediction: The model's answer.
    ///   - options: Tolerances and list rules.
    /// - Returns: Whether they are equivalent.
    public static func compare(_ gold: MathNode, _ prediction: MathNode, options: EquivalenceOptions = .init()) -> Bool {
        if gold == prediction { return true }
        switch (gold, prediction) {
        case (.list(let g), .list(let p)), (.set(let g), .set(let p)), (.set(let g), .list(let p)),
             (.list(let g), .set(let p)), (.union(let g), .union(let p)):
            if case .list = gold, case .list = prediction, options.orderedLists { return ordered(g, p, options) }
            return unordered(g, p, options)
        case (.bracketed(let o1, let g, let c1), .bracketed(let o2, let p, let c2)):
            return o1 == o2 && c1 == c2 && ordered(g, p, options)
        case (.matrix(let g), .matrix(let p)):
            return g.count == p.count && zip(g, p).allSatisfy { ordered($0, $1, options) }
        case (.text(let g), .text(let p)):
            return g.lowercased().filter { !$0.isWhitespace } == p.lowercased().filter { !$0.isWhitespace }
        case (.relation(let g, let gops), .relation(let p, let pops)):
            return relations(g, gops, p, pops, options)
        case (.relation(let g, let ops), _) where ops == ["="] && g.count == 2 && isNamed(g[0]):
            return compare(g[1], prediction, options: options)
        case (_, .relation(let p, let ops)) where ops.allSatisfy({ $0 == "=" }) && p.count >= 2:
            guard let last = p.last else { return false }
            return compare(gold, last, options: options)
        case (.bracketed, .relation(let p, let ops)), (.union, .relation(let p, let ops)):
            guard let interval = IntervalForm.interval(from: p, ops) else { return false }
            return compare(gold, interval, options: options)
        case (.list(let g), _) where g.count == 1:
            return compare(g[0], prediction, options: options)
        default:
            guard gold.isScalar, prediction.isScalar else { return false }
            return scalars(gold, prediction, options)
        }
    }

    static func isNamed(_ node: MathNode) -> Bool {
        if case .symbol = node { return true }
        if case .function = node { return true }
        if case .product(let xs) = node, xs.count == 2, case .symbol = xs[0] { return true }
        return false
    }

    static func ordered(_ g: [MathNode], _ p: [MathNode], _ options: EquivalenceOptions) -> Bool {
        g.count == p.count && zip(g, p).allSatisfy { compare($0, $1, options: options) }
    }

    static func unordered(_ g: [MathNode], _ p: [MathNode], _ options: EquivalenceOptions) -> Bool {
        guard g.count == p.count, g.count <= 64 else { return false }
        var remaining = p
        for item in g {
            guard let match = remaining.firstIndex(where: { compare(item, $0, options: options) }) else { return false }
            remaining.remove(at: match)
        }
        return true
    }

    static func relations(_ g: [MathNode], _ gops: [String], _ p: [MathNode], _ pops: [String],
                          _ options: EquivalenceOptions) -> Bool {
        if gops == ["="], pops == ["="], g.count == 2, p.count == 2 {
            if isNamed(g[0]), isNamed(p[0]), compare(g[0], p[0], options: options) {
                return compare(g[1], p[1], options: options)
            }
            return proportional(.sum([g[0], .negate(g[1])]), .sum([p[0], .negate(p[1])]), options)
        }
        if gops == pops, g.count == p.count { return ordered(g, p, options) }
        let flipped = pops.reversed().map(IntervalForm.flip)
        if gops == flipped, g.count == p.count { return ordered(g, p.reversed(), options) }
        return false
    }

    /// Whether two expressions are equal at shared random points (or both constant and numerically equal).
    static func scalars(_ g: MathNode, _ p: MathNode, _ options: EquivalenceOptions) -> Bool {
        let symbols = g.freeSymbols.union(p.freeSymbols)
        if symbols.isEmpty {
            guard let a = MathEvaluator.evaluate(g), let b = MathEvaluator.evaluate(p) else { return false }
            if let x = a.exact, let y = b.exact, case .relative = options.numeric { return x == y }
            // An infinity that no `\infty` produced is a value over the exact budget that overflowed `Double`
            // (`2^{99999999}`, `2000!`): it equals nothing, not even another overflow.
            if a.approximate.isInfinite && !g.mentionsInfinity || b.approximate.isInfinite && !p.mentionsInfinity { return false }
            return NumericCompare.close(a.approximate, b.approximate, options.numeric)
        }
        var agreeing = 0
        for point in RandomPoints.points(for: symbols.sorted(), seed: options.seed) {
            guard let a = MathEvaluator.evaluate(g, bindings: point), let b = MathEvaluator.evaluate(p, bindings: point),
                  a.approximate.isFinite, b.approximate.isFinite else { continue }
            if let x = a.exact, let y = b.exact { if x != y { return false } } else if !NumericCompare.close(a.approximate, b.approximate, .relative(options.symbolicTolerance)) { return false }
            agreeing += 1
        }
        return agreeing >= 3
    }

    /// The constant `f / h` when it is the same at every random point (nil when it varies or is undefined).
    ///
    /// - Parameters:
    ///   - f: The numerator expression.
    ///   - h: The denominator expression.
    public static func constantRatio(_ f: MathNode, _ h: MathNode) -> Double? {
        let symbols = f.freeSymbols.union(h.freeSymbols)
        var ratio: Double? = nil
        var agreeing = 0
        for point in RandomPoints.points(for: symbols.sorted(), seed: EquivalenceOptions().seed) {
            guard let a = MathEvaluator.evaluate(f, bindings: point)?.approximate,
                  let b = MathEvaluator.evaluate(h, bindings: point)?.approximate,
                  a.isFinite, b.isFinite, abs(b) > 1e-12 else { continue }
            let r = a / b
            if let ratio { if !NumericCompare.close(ratio, r, .relative(1e-8)) { return nil } } else { ratio = r }
            agreeing += 1
        }
        return agreeing >= 3 ? ratio : nil
    }

    /// Whether `f` is a non-zero constant multiple of `h` (equations written differently).
    static func proportional(_ f: MathNode, _ h: MathNode, _ options: EquivalenceOptions) -> Bool {
        let symbols = f.freeSymbols.union(h.freeSymbols)
        var ratio: Double? = nil
        var agreeing = 0
        for point in RandomPoints.points(for: symbols.sorted(), seed: options.seed) {
            guard let a = MathEvaluator.evaluate(f, bindings: point)?.approximate,
                  let b = MathEvaluator.evaluate(h, bindings: point)?.approximate,
                  a.isFinite, b.isFinite, abs(b) > 1e-12 else { continue }
            let r = a / b
            if let ratio { if !NumericCompare.close(ratio, r, .relative(options.symbolicTolerance)) { return false } } else { ratio = r }
            agreeing += 1
        }
        guard let ratio, ratio != 0 else { return false }
        return agreeing >= 3
    }
}

extension MathNode {
    /// Whether `\infty` occurs in the expression.
    var mentionsInfinity: Bool {
        switch self {
        case .constant(let name): return name == "infinity"
        case .number, .real, .symbol, .text: return false
        case .negate(let a), .factorial(let a): return a.mentionsInfinity
        case .quotient(let a, let b), .power(let a, let b): return a.mentionsInfinity || b.mentionsInfinity
        case .sum(let xs), .product(let xs), .set(let xs), .list(let xs), .union(let xs), .function(_, let xs),
             .bracketed(_, let xs, _), .relation(let xs, _):
            return xs.contains { $0.mentionsInfinity }
        case .matrix(let rows): return rows.contains { $0.contains { $0.mentionsInfinity } }
        }
    }
}

/// Deterministic evaluation points from SplitMix64.
enum RandomPoints {
    /// Seven assignments of values in [0.3, 2.3] (positive, so roots and logs stay defined) to `symbols`.
    static func points(for symbols: [String], seed: UInt64) -> [[String: Double]] {
        var state = seed
        var result: [[String: Double]] = []
        for _ in 0..<7 {
            var point: [String: Double] = [:]
            for s in symbols {
                state = StableMix.next(state)
                point[s] = 0.3 + Double(state >> 11) / Double(1 << 53) * 2
            }
            result.append(point)
        }
        return result
    }
}
