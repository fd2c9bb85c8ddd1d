import Foundation

/// Field operations, powers and exact roots of `Rational`; each returns nil only over the size budget (or on
/// division by zero), never traps.
extension Rational {
    /// The sum, or nil over the size budget.
    public static func + (a: Rational, b: Rational) -> Rational? {
        if case .small(let an) = a.numerator.storage, case .small(let ad) = a.denominator.storage,
           case .small(let bn) = b.numerator.storage, case .small(let bd) = b.denominator.storage {
            if ad == 1, bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o { return Rational(reduced: BigInt(s), 1) }
            } else {
                let (x, o1) = an.multipliedReportingOverflow(by: bd)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad)
                let (n, o3) = x.addingReportingOverflow(y)
                let (d, o4) = ad.multipliedReportingOverflow(by: bd)
                if !(o1 || o2 || o3 || o4) { return Rational(BigInt(n), BigInt(d)) }
            }
        }
        // Knuth, TAOCP vol. 2, §4.5.1: with d₁ = gcd(a.d, b.d), only gcds with d₁ remain, never one of the
        // full-size cross sums (the result is reduced by construction).
        let d1 = BigInt.gcd(a.denominator, b.denominator)
        guard let ad = a.denominator.exactQuotient(d1), let bd = b.denominator.exactQuotient(d1) else { return nil }
        let t = a.numerator * bd + b.numerator * ad
        let d2 = d1 == 1 ? d1 : BigInt.gcd(t, d1)
        guard let n = t.exactQuotient(d2), let scaled = b.denominator.exactQuotient(d2) else { return nil }
        let d = ad * scaled
        guard n.bitWidth <= BigInt.maxBitWidth, d.bitWidth <= BigInt.maxBitWidth else { return nil }
        return t.signum == 0 ? .zero : Rational(reduced: n, d)
    }

    /// The negation.
    public static prefix func - (a: Rational) -> Rational { Rational(reduced: -a.numerator, a.denominator) }

    /// The difference, or nil over the size budget.
    public static func - (a: Rational, b: Rational) -> Rational? { a + (-b) }

    /// The product, or nil over the size budget.
    ///
    /// Cross-cancels first (`gcd(a.n, b.d)`, `gcd(b.n, a.d)`), so the result is reduced without a final gcd.
    public static func * (a: Rational, b: Rational) -> Rational? {
        if case .small(let an) = a.numerator.storage, case .small(let ad) = a.denominator.storage,
           case .small(let bn) = b.numerator.storage, case .small(let bd) = b.denominator.storage {
            let g1 = Rational.gcd(an, bd), g2 = Rational.gcd(bn, ad)
            let (n, o1) = (an / g1).multipliedReportingOverflow(by: bn / g2)
            let (d, o2) = (ad / g2).multipliedReportingOverflow(by: bd / g1)
            if !(o1 || o2) { return Rational(reduced: BigInt(n), BigInt(d)) }
        }
        let g1 = BigInt.gcd(a.numerator, b.denominator), g2 = BigInt.gcd(b.numerator, a.denominator)
        guard let an = a.numerator.exactQuotient(g1), let bd = b.denominator.exactQuotient(g1),
              let bn = b.numerator.exactQuotient(g2), let ad = a.denominator.exactQuotient(g2) else { return nil }
        let n = an * bn, d = ad * bd
        guard n.bitWidth <= BigInt.maxBitWidth, d.bitWidth <= BigInt.maxBitWidth else { return nil }
        return Rational(reduced: n, d)
    }

    /// The quotient, or nil over the size budget or on division by zero.
    public static func / (a: Rational, b: Rational) -> Rational? {
        guard let inverse = b.inverse else { return nil }
        return a * inverse
    }

    /// `1 / self`, or nil for zero.
    public var inverse: Rational? {
        switch numerator.signum {
        case 0: return nil
        case 1: return Rational(reduced: denominator, numerator)
        default: return Rational(reduced: -denominator, -numerator)
        }
    }

    /// `self` raised to an integer power by repeated squaring, or nil over the size budget or for `0^-n`.
    ///
    /// `(±1)^n` and `0^n` are answered for any `n`; other bases are refused up front when the result cannot fit
    /// `BigInt.maxBitWidth` (so `2^{99999999}` costs nothing).
    ///
    /// - Parameter exponent: The power.
    public func power(_ exponent: Int) -> Rational? {
        if exponent == 0 { return .one }
        if exponent < 0 {
            guard exponent != .min, let inverse else { return nil }
            return inverse.power(-exponent)
        }
        // A reduced fraction's powers stay reduced.
        guard let n = numerator.power(exponent), let d = denominator.power(exponent) else { return nil }
        return Rational(reduced: n, d)
    }

    /// The exact `n`-th root when numerator and denominator are perfect `n`-th powers (odd roots of negative
    /// values included).
    ///
    /// - Parameter n: The root degree (2…64).
    public func root(_ n: Int) -> Rational? {
        guard n >= 2, n <= 64 else { return nil }
        let negative = numerator.signum < 0
        if negative && n % 2 == 0 { return nil }
        guard let a = Rational.integerRoot(numerator.magnitude, n), let b = Rational.integerRoot(denominator, n) else { return nil }
        return Rational(reduced: negative ? -a : a, b)
    }

    /// The exact `n`-th root of a non-negative integer: a floating-point guess checked exactly for word-sized
    /// values, Newton's iteration on big integers beyond.
    static func integerRoot(_ value: BigInt, _ n: Int) -> BigInt? {
        guard let small = value.intValue else { return value.exactRoot(n) }
        let guess = Int(Foundation.pow(Double(small), 1.0 / Double(n)).rounded())
        for candidate in max(guess - 1, 0)...(guess + 1) where BigInt(candidate).power(n) == value {
            return BigInt(candidate)
        }
        return nil
    }
}

extension Rational {
    /// The gcd of two machine integers with `b ≠ 0` and `b ≠ Int.min` (so it is ≥ 1 and fits an `Int`).
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int(x)
    }
}

extension BigInt {
    /// `self / divisor` for a divisor known to divide it; nil for a zero divisor.
    func exactQuotient(_ divisor: BigInt) -> BigInt? {
        if divisor == 1 { return self }
        return quotientAndRemainder(dividingBy: divisor)?.quotient
    }
}
