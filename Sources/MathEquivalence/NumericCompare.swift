import Foundation

/// Numeric closeness under an explicit tolerance.
public enum NumericCompare {
    /// Whether `a` and `b` are equal under `tolerance` (infinities equal only to themselves).
    ///
    /// - Parameters:
    ///   - a: The gold value.
    ///   - b: The predicted value.
    ///   - tolerance: The rule.
    public static func close(_ a: Double, _ b: Double, _ tolerance: NumericTolerance) -> Bool {
        if a.isNaN || b.isNaN { return false }
        if a.isInfinite || b.isInfinite { return a == b }
        switch tolerance {
        case .relative(let t): return a == b || abs(a - b) <= t * max(abs(a), abs(b))
        case .absolute(let t): return abs(a - b) <= t
        case .decimals(let n): return PythonNumbers.round(a, n) == PythonNumbers.round(b, n)
        }
    }
}

/// Python's number conversions, reproduced exactly where official scorers depend on them.
public enum PythonNumbers {
    /// Python's `round(x, n)` on a float: the decimal nearest to the exact binary value, ties to even.
    ///
    /// - Parameters:
    ///   - x: The value.
    ///   - n: Decimals (≥ 0).
    public static func round(_ x: Double, _ n: Int) -> Double {
        guard x.isFinite, n >= 0, n <= 20 else { return x }
        return Double(String(format: "%.\(n)f", x)) ?? x
    }

    /// Python's `float(s)`: surrounding whitespace allowed, `_` between digits, `inf`/`nan`, exponents.
    ///
    /// - Parameter text: The text.
    /// - Returns: The value, or nil where Python raises `ValueError`.
    public static func float(_ text: some StringProtocol) -> Double? {
        var s = text.trimmingSpaces()
        if s.isEmpty { return nil }
        if s.scanContains("_") {
            let chars = Array(s)
            for (k, c) in chars.enumerated() where c == "_" {
                guard k > 0, k + 1 < chars.count, chars[k - 1].isNumber, chars[k + 1].isNumber else { return nil }
            }
            s.removeAll { $0 == "_" }
        }
        let lower = s.lowercased()
        var body = Substring(lower)
        var sign = 1.0
        if body.first == "+" || body.first == "-" { if body.first == "-" { sign = -1 }; body = body.dropFirst() }
        if body == "inf" || body == "infinity" { return sign * .infinity }
        if body == "nan" { return .nan }
        // Only digits, one point, and an exponent: Swift's Double(String) also takes hex and other forms.
        var seenDigit = false, seenPoint = false, seenExponent = false, previous: Character = " "
        for c in body {
            if c.isASCII, c.isNumber { seenDigit = true } else if c == "." { if seenPoint || seenExponent { return nil }; seenPoint = true } else if c == "e" {
                if seenExponent || !seenDigit { return nil }
                seenExponent = true
                seenDigit = false
            } else if c == "+" || c == "-" { if previous != "e" { return nil } } else { return nil }
            previous = c
        }
        guard seenDigit else { return nil }
        return Double(lower)
    }

    /// Python's `str(x)` for a float (`1.0`, `0.5`, `1e-05`, `1e+16`).
    ///
    /// - Parameter x: The value.
    public static func string(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        var s = "\(x)"
        if s.scanContains("e") {
            // Swift writes 1e-05 as "1e-05" and 1e+16 as "1e+16", as Python does.
            return s
        }
        if !s.scanContains(".") { s += ".0" }
        return s
    }
}

/// Turns relation chains into intervals (`1 < x \le 3` → `(1, 3]`).
enum IntervalForm {
    static func flip(_ op: String) -> String {
        switch op {
        case "<": return ">"
        case ">": return "<"
        case "<=": return ">="
        case ">=": return "<="
        default: return op
        }
    }

    static func interval(from operands: [MathNode], _ ops: [String]) -> MathNode? {
        let infinity = MathNode.constant("infinity"), minusInfinity = MathNode.negate(.constant("infinity"))
        if operands.count == 3, ops.count == 2, ops[0].hasPrefix("<"), ops[1].hasPrefix("<") {
            return .bracketed(open: ops[0] == "<" ? "(" : "[", [operands[0], operands[2]], close: ops[1] == "<" ? ")" : "]")
        }
        if operands.count == 3, ops.count == 2, ops[0].hasPrefix(">"), ops[1].hasPrefix(">") {
            return .bracketed(open: ops[1] == ">" ? "(" : "[", [operands[2], operands[0]], close: ops[0] == ">" ? ")" : "]")
        }
        guard operands.count == 2, ops.count == 1 else { return nil }
        var (op, bound) = (ops[0], operands[1])
        if operands[0].freeSymbols.isEmpty, !operands[1].freeSymbols.isEmpty { (op, bound) = (flip(ops[0]), operands[0]) }
        switch op {
        case "<": return .bracketed(open: "(", [minusInfinity, bound], close: ")")
        case "<=": return .bracketed(open: "(", [minusInfinity, bound], close: "]")
        case ">": return .bracketed(open: "(", [bound, infinity], close: ")")
        case ">=": return .bracketed(open: "[", [bound, infinity], close: ")")
        default: return nil
        }
    }
}

/// SplitMix64, the same mixer as `ProctorCore.StableHash` (this module has no dependencies).
enum StableMix {
    static func next(_ state: UInt64) -> UInt64 {
        var z = state &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
