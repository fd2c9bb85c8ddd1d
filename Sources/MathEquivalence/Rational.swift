/// An exact fraction of two arbitrary-size integers, always reduced and with a positive denominator.
///
/// Numerator and denominator are `BigInt`s, so `123456789012345678901234567890`, `2^{100}/3` and
/// `0.1234567890123456789012345` are exact. Word-sized operands take machine arithmetic (the common case costs
/// what 64-bit rationals cost). The one limit is a size budget, not a clock: an operation whose reduced numerator
/// or denominator would exceed `BigInt.maxBitWidth` bits returns nil, and callers fall back to floating point
/// (the comparator then compares numerically with an explicit tolerance).
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: BigInt
    /// The denominator, always positive.
    public let denominator: BigInt

    /// An already reduced fraction with a positive denominator.
    init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Creates `numerator / denominator`, reduced; nil when the denominator is zero.
    ///
    /// - Parameters:
    ///   - numerator: The numerator.
    ///   - denominator: The denominator (non-zero).
    public init?(_ numerator: Int, _ denominator: Int = 1) {
        guard denominator != 0 else { return nil }
        if denominator == 1 {
            self.init(reduced: BigInt(numerator), 1)
            return
        }
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// Creates `numerator / denominator`, reduced; nil when the denominator is zero or the reduced fraction is
    /// over the size budget.
    ///
    /// - Parameters:
    ///   - numerator: The numerator.
    ///   - denominator: The denominator (non-zero).
    public init?(_ numerator: BigInt, _ denominator: BigInt) {
        guard denominator.signum != 0 else { return nil }
        if case .small(let n) = numerator.storage, case .small(let d) = denominator.storage, n != .min, d != .min {
            // Machine words (the common case): no negation or division can overflow once `Int.min` is excluded.
            let g = Rational.gcd(n, d), sign = d < 0 ? -1 : 1
            self.init(reduced: BigInt(sign * n / g), BigInt(sign * d / g))
            return
        }
        var (n, d) = (numerator, denominator)
        let g = BigInt.gcd(n, d)
        if g != 1, g != 0, let qn = n.quotientAndRemainder(dividingBy: g), let qd = d.quotientAndRemainder(dividingBy: g) {
            (n, d) = (qn.quotient, qd.quotient)
        }
        if d.signum < 0 { (n, d) = (-n, -d) }
        guard n.bitWidth <= BigInt.maxBitWidth, d.bitWidth <= BigInt.maxBitWidth else { return nil }
        self.init(reduced: n, d)
    }

    /// Zero.
    public static let zero = Rational(reduced: 0, 1)
    /// One.
    public static let one = Rational(reduced: 1, 1)

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// −1, 0 or 1.
    public var signum: Int { numerator.signum }

    /// `n` for integers, `n/d` otherwise.
    public var description: String { denominator == 1 ? numerator.description : "\(numerator)/\(denominator)" }

    /// The value rounded to the nearest `Double` (ties to even), ±infinity beyond its range.
    ///
    /// One rounding of the exact quotient, as Python's `int / int` does: word-sized operands up to 2⁵³ divide in
    /// floating point (exact operands, one rounding); larger ones take a 65-bit integer quotient and a sticky bit
    /// for the remainder. Results in the subnormal range may be rounded twice.
    public var doubleValue: Double {
        if case .small(let n) = numerator.storage, case .small(let d) = denominator.storage,
           n.magnitude <= 1 << 53, d <= 1 << 53 {
            return Double(n) / Double(d)
        }
        let (negative, n) = numerator.signAndMagnitude
        let d = denominator.signAndMagnitude.magnitude
        if n.isEmpty { return 0 }
        let shift = 65 + BigMagnitude.bitWidth(d) - BigMagnitude.bitWidth(n)
        let (q, r) = shift >= 0
            ? BigMagnitude.divide(BigMagnitude.shiftedLeft(n, by: shift), d)
            : BigMagnitude.divide(n, BigMagnitude.shiftedLeft(d, by: -shift))
        var sticky = q
        if !r.isEmpty { sticky[0] |= 1 }
        let value = BigInt.roundedDouble(sticky, exponent: -shift)
        return negative ? -value : value
    }

    /// Parses a plain decimal (`-12`, `0.75`, `.5`, `3.`) exactly; nil for anything else or over the size budget.
    ///
    /// - Parameter text: The decimal digits with an optional sign and point.
    public init?(decimal text: Substring) {
        var body = text
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        if body.utf8.count <= 18 {
            // Up to 18 characters cannot overflow an `Int`: the common case stays allocation-free.
            var numerator = 0, denominator = 1, seenPoint = false, digits = 0
            for c in body.utf8 {
                if c == UInt8(ascii: ".") {
                    guard !seenPoint else { return nil }
                    seenPoint = true
                    continue
                }
                guard c >= 48, c <= 57 else { return nil }
                numerator = numerator * 10 + Int(c - 48)
                digits += 1
                if seenPoint { denominator *= 10 }
            }
            guard digits > 0 else { return nil }
            self.init(negative ? -numerator : numerator, denominator)
            return
        }
        var digits: [UInt8] = []
        var decimals = -1
        for c in body.utf8 {
            if c == UInt8(ascii: ".") {
                guard decimals < 0 else { return nil }
                decimals = 0
            } else {
                guard c >= 48, c <= 57 else { return nil }
                digits.append(c)
                if decimals >= 0 { decimals += 1 }
            }
        }
        // 10^k has more than 3.3k bits: refuse before building a number over the budget.
        guard !digits.isEmpty, digits.count * 3 <= BigInt.maxBitWidth,
              let magnitude = BigInt(String(decoding: digits, as: UTF8.self)),
              let scale = BigInt(10).power(max(decimals, 0)) else { return nil }
        self.init(negative ? -magnitude : magnitude, scale)
    }
}
