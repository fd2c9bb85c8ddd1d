/// Arithmetic on `BigInt`: machine arithmetic while it does not overflow, limbs after.
extension BigInt {
    /// The sum.
    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (s, o) = x.addingReportingOverflow(y)
            if !o { return BigInt(s) }
        }
        let (an, am) = a.signAndMagnitude, (bn, bm) = b.signAndMagnitude
        if an == bn { return BigInt(negative: an, magnitude: BigMagnitude.add(am, bm)) }
        // Opposite signs: subtract the smaller magnitude from the larger, which lends its sign.
        if BigMagnitude.compare(am, bm) >= 0 { return BigInt(negative: an, magnitude: BigMagnitude.subtract(am, bm)) }
        return BigInt(negative: bn, magnitude: BigMagnitude.subtract(bm, am))
    }

    /// The negation.
    public static prefix func - (a: BigInt) -> BigInt {
        if case .small(let x) = a.storage, x != .min { return BigInt(-x) }
        let (n, m) = a.signAndMagnitude
        return BigInt(negative: !n, magnitude: m)
    }

    /// The difference.
    public static func - (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (d, o) = x.subtractingReportingOverflow(y)
            if !o { return BigInt(d) }
        }
        return a + (-b)
    }

    /// The product.
    public static func * (a: BigInt, b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            let (p, o) = x.multipliedReportingOverflow(by: y)
            if !o { return BigInt(p) }
        }
        let (an, am) = a.signAndMagnitude, (bn, bm) = b.signAndMagnitude
        return BigInt(negative: an != bn, magnitude: BigMagnitude.multiply(am, bm))
    }

    /// The quotient truncated toward zero and the remainder with the sign of `self` (as Swift's `Int` does),
    /// or nil when `divisor` is zero.
    ///
    /// - Parameter divisor: The divisor.
    /// - Returns: `(q, r)` with `self == q · divisor + r` and `|r| < |divisor|`.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt)? {
        if case .small(let x) = storage, case .small(let y) = divisor.storage {
            guard y != 0 else { return nil }
            if !(x == .min && y == -1) { return (BigInt(x / y), BigInt(x % y)) }
        }
        let (an, am) = signAndMagnitude, (bn, bm) = divisor.signAndMagnitude
        guard !bm.isEmpty else { return nil }
        let (q, r) = BigMagnitude.divide(am, bm)
        return (BigInt(negative: an != bn, magnitude: q), BigInt(negative: an, magnitude: r))
    }

    /// The greatest common divisor of the magnitudes (`gcd(0, 0) = 0`), always non-negative.
    ///
    /// - Parameters:
    ///   - a: One value.
    ///   - b: The other.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            var (p, q) = (x.magnitude, y.magnitude)
            while q != 0 { (p, q) = (q, p % q) }
            return BigInt(negative: false, magnitude: p == 0 ? [] : [UInt64(p)])
        }
        return BigInt(negative: false, magnitude: BigMagnitude.gcd(a.signAndMagnitude.magnitude, b.signAndMagnitude.magnitude))
    }

    /// `self` raised to a non-negative power by repeated squaring, or nil when the result would have more than
    /// `maxBitWidth` bits (decided before the large multiplications, so `10^(10^9)` is refused at once).
    ///
    /// - Parameter exponent: The power (≥ 0).
    public func power(_ exponent: Int) -> BigInt? {
        guard exponent >= 0 else { return nil }
        if exponent == 0 { return 1 }
        switch self {
        case 0, 1: return self
        case -1: return exponent % 2 == 0 ? 1 : -1
        default: break
        }
        // |self| ≥ 2^(bitWidth − 1), so the result has more than (bitWidth − 1) · exponent bits.
        let (lower, overflow) = (bitWidth - 1).multipliedReportingOverflow(by: exponent)
        guard !overflow, lower < BigInt.maxBitWidth else { return nil }
        var result: BigInt = 1, base = self, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
            // Every base computed here is multiplied into the result later, so an oversized one means an
            // oversized result.
            guard result.bitWidth <= BigInt.maxBitWidth, base.bitWidth <= BigInt.maxBitWidth else { return nil }
        }
        return result
    }

    /// The exact integer `n`-th root of a non-negative value, or nil when it is not a perfect `n`-th power.
    ///
    /// Newton's iteration `x ← ((n−1)x + v / x^(n−1)) / n` from a power of two above the root decreases
    /// monotonically to `⌊v^(1/n)⌋`.
    ///
    /// - Parameter n: The degree (≥ 2).
    public func exactRoot(_ n: Int) -> BigInt? {
        guard n >= 2, signum >= 0 else { return nil }
        if signum == 0 { return 0 }
        let bigN = BigInt(n)
        var x = BigInt(negative: false, magnitude: BigMagnitude.shiftedLeft([1], by: (bitWidth + n - 1) / n))
        while true {
            guard let p = x.power(n - 1), let (q, _) = quotientAndRemainder(dividingBy: p),
                  let (next, _) = ((bigN - 1) * x + q).quotientAndRemainder(dividingBy: bigN) else { return nil }
            if next >= x { break }
            x = next
        }
        guard let check = x.power(n), check == self else { return nil }
        return x
    }
}
