import Foundation

/// An exact fraction of two 64-bit integers, always reduced and with a positive denominator.
///
/// Every operation checks for overflow and returns nil instead of trapping; callers then fall back to
/// floating-point evaluation (the comparator compares such values numerically with an explicit tolerance).
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int
    /// The denominator, always positive.
    public let denominator: Int

    /// Creates `numerator / denominator`, reduced; nil when the denominator is zero or reduction overflows.
    ///
    /// - Parameters:
    ///   - numerator: The numerator.
    ///   - denominator: The denominator (non-zero).
    public init?(_ numerator: Int, _ denominator: Int = 1) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let g = Rational.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(g, 1)
        self.denominator = abs(denominator) / max(g, 1)
    }

    /// Zero.
    public static let zero = Rational(0)!
    /// One.
    public static let one = Rational(1)!

    /// The value as a `Double`.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Parses a plain decimal (`-12`, `0.75`, `.5`, `3.`) exactly; nil for anything else or on overflow.
    ///
    /// - Parameter text: The decimal digits with an optional sign and point.
    public init?(decimal text: Substring) {
        var negative = false
        var body = text
        if body.first == "-" { negative = true; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        var numerator = 0, denominator = 1, seenPoint = false, digits = 0
        for c in body.utf8 {
            if c == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard c >= 48, c <= 57 else { return nil }
            let (m, o1) = numerator.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { return nil }
            numerator = s
            digits += 1
            if seenPoint {
                let (d, o3) = denominator.multipliedReportingOverflow(by: 10)
                if o3 { return nil }
                denominator = d
            }
        }
        guard digits > 0 else { return nil }
        self.init(negative ? -numerator : numerator, denominator)
    }

    /// The sum, or nil on overflow.
    public static func + (a: Rational, b: Rational) -> Rational? {
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (n, o3) = x.addingReportingOverflow(y)
        let (d, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        if o1 || o2 || o3 || o4 { return nil }
        return Rational(n, d)
    }

    /// The negation.
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) ?? a }

    /// The difference, or nil on overflow.
    public static func - (a: Rational, b: Rational) -> Rational? { a + (-b) }

    /// The product, or nil on overflow.
    public static func * (a: Rational, b: Rational) -> Rational? {
        let g1 = max(gcd(abs(a.numerator), b.denominator), 1), g2 = max(gcd(abs(b.numerator), a.denominator), 1)
        let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
        let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
        if o1 || o2 { return nil }
        return Rational(n, d)
    }

    /// The quotient, or nil on overflow or division by zero.
    public static func / (a: Rational, b: Rational) -> Rational? {
        guard b.numerator != 0, let inverse = Rational(b.denominator, b.numerator) else { return nil }
        return a * inverse
    }

    /// `self` raised to an integer power by repeated squaring, or nil on overflow or `0^-n`.
    ///
    /// - Parameter exponent: The power.
    public func power(_ exponent: Int) -> Rational? {
        if exponent == 0 { return .one }
        if exponent < 0 {
            guard numerator != 0, let inverse = Rational(denominator, numerator) else { return nil }
            return inverse.power(-exponent)
        }
        guard exponent <= 4096 else { return abs(numerator) == 1 && denominator == 1 ? (numerator == 1 || exponent % 2 == 0 ? .one : Rational(-1)) : nil }
        var result = Rational.one, base = self, e = exponent
        while e > 0 {
            if e & 1 == 1 { guard let r = result * base else { return nil }; result = r }
            e >>= 1
            if e > 0 { guard let b = base * base else { return nil }; base = b }
        }
        return result
    }

    /// The exact `n`-th root when numerator and denominator are perfect `n`-th powers.
    ///
    /// - Parameter n: The root degree (≥ 2).
    public func root(_ n: Int) -> Rational? {
        guard n >= 2, n <= 64 else { return nil }
        if numerator < 0 && n % 2 == 0 { return nil }
        guard let a = Rational.integerRoot(abs(numerator), n), let b = Rational.integerRoot(denominator, n) else { return nil }
        return Rational(numerator < 0 ? -a : a, b)
    }

    static func integerRoot(_ value: Int, _ n: Int) -> Int? {
        let guess = Int(Foundation.pow(Double(value), 1.0 / Double(n)).rounded())
        for candidate in max(guess - 1, 0)...(guess + 1) {
            if let p = Rational(candidate)?.power(n), p.numerator == value { return candidate }
        }
        return nil
    }
}
