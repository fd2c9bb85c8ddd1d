import FunctionCallChecks
import MathEquivalence

/// `logarithm` and `square_root`, whose results are an mpmath `mpf` and a `Decimal`: `json.dumps` refuses them, so
/// the official executor records `str()` of the dictionary (`{'result': mpf('2.0')}`). These methods return that
/// text as a string, which the executor records as it is — the same text, and the state holds nothing.
extension MathAPI {
    /// The largest precision ported (digits); beyond it the exact integers would exceed `BigInt.maxBitWidth`.
    static let maximumPrecision = 1_000

    static func printed(_ value: String) -> PyValue { .string("{'result': \(value)}") }

    /// Python's `int()` of a precision argument (`mpmath.mp.dps = precision` takes `int(precision)`).
    static func integer(_ x: PyValue) -> Int? {
        switch x {
        case .int(let i): i
        case .bool(let b): b ? 1 : 0
        case .float(let d) where d.isFinite: Int(d.rounded(.towardZero))
        case .string(let s): Int(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// `mpmath.mp.dps = precision; mpmath.log(value) / mpmath.log(base)`, printed as `repr` of the `mpf`.
    static func logarithm(_ value: PyValue, base: PyValue, precision: PyValue) throws -> PyValue {
        guard let dps = integer(precision) else {
            return error("invalid literal for int() with base 10: \(precision.description)")
        }
        guard dps <= maximumPrecision else { throw MultiTurnError("logarithm with precision over \(maximumPrecision) is not ported") }
        // dps_to_prec
        let prec = max(1, Int((Double(dps + 1) * 3.3219280948873626).rounded(.toNearestOrEven)))
        guard let x = BinaryFloat(value), let b = BinaryFloat(base) else {
            throw MultiTurnError("cannot create mpf from \(value.description)")
        }
        guard !x.negative, !b.negative else {
            throw MultiTurnError("the logarithm of a negative number is an mpmath mpc (complex); not ported")
        }
        let numerator = x.log(prec: prec), denominator = b.log(prec: prec)
        // mpf division by zero raises ZeroDivisionError with no message; the method returns {"error": str(e)}.
        guard let quotient = numerator.divided(by: denominator, prec: prec) else { return error("") }
        return printed("mpf('\(quotient.mpmathString(digits: reprDigits(prec)))')")
    }

    /// `repr_dps(prec)`: the digits mpmath's `repr` shows at a binary precision.
    static func reprDigits(_ prec: Int) -> Int {
        let dps = max(1, Int((Double(prec) / 3.3219280948873626).rounded(.toNearestOrEven)) - 1)
        return dps == 15 ? 17 : dps + 3
    }

    /// `getcontext().prec = precision; Decimal(number).sqrt()`, printed as `repr` of the `Decimal`.
    static func squareRoot(_ number: PyValue, precision: PyValue) throws -> PyValue {
        let invalid = error("Input must be a number or computation resulted in an invalid operation")
        guard let n = number.number else { return invalid }
        if n < 0 { return error("Cannot calculate square root of a negative number") }
        guard precision.kind == .int || precision.kind == .bool, let digits = precision.number.map({ Int($0) }) else { return invalid }
        guard digits >= 1 else { throw MultiTurnError("valid range for prec is [1, MAX_PREC]") }
        guard digits <= maximumPrecision else { throw MultiTurnError("square_root with precision over \(maximumPrecision) is not ported") }
        if n.isInfinite { return printed("Decimal('Infinity')") }
        if n.isNaN { return printed("Decimal('NaN')") }
        guard let exact = DecimalNumber(number) else { return invalid }
        return printed("Decimal('\(exact.squareRoot(precision: digits).description)')")
    }
}

/// A binary floating-point value `mantissa · 2^exponent` (mpmath's raw `mpf`), or an infinity.
struct BinaryFloat {
    var negative: Bool
    var mantissa: BigInt
    var exponent: Int
    var infinite = false

    init(negative: Bool, mantissa: BigInt, exponent: Int, infinite: Bool = false) {
        self.negative = negative
        self.mantissa = mantissa
        self.exponent = exponent
        self.infinite = infinite
    }

    /// A Python int, bool or float, exactly; nil for other values and NaN.
    init?(_ value: PyValue) {
        switch value {
        case .int(let i): self.init(negative: i < 0, mantissa: BigInt(i).magnitude, exponent: 0)
        case .bool(let b): self.init(negative: false, mantissa: BigInt(b ? 1 : 0), exponent: 0)
        case .float(let d):
            if d.isNaN { return nil }
            if d.isInfinite { self.init(negative: d < 0, mantissa: 0, exponent: 0, infinite: true); return }
            if d == 0 { self.init(negative: false, mantissa: 0, exponent: 0); return }
            let m = abs(d).significand * 0x1p52
            self.init(negative: d < 0, mantissa: BigInt(Int(m)), exponent: Int(abs(d).exponent) - 52)
        default: return nil
        }
    }

    var isZero: Bool { !infinite && mantissa == 0 }

    static func two(_ n: Int) -> BigInt { BigInt(2).power(n) ?? 0 }

    /// `mpmath.log` of a non-negative value at `prec` bits: a fixed-point `atanh` series with 40 guard bits, then
    /// rounded to nearest (ties to even), as mpmath's correctly rounded result.
    func log(prec: Int) -> BinaryFloat {
        if infinite { return BinaryFloat(negative: false, mantissa: 0, exponent: 0, infinite: true) }
        if isZero { return BinaryFloat(negative: true, mantissa: 0, exponent: 0, infinite: true) }
        let width = prec + 40
        let one = Self.two(width)
        // value = y · 2^k with y in [1, 2); Y = y · 2^width.
        let bits = mantissa.bitWidth
        let k = exponent + bits - 1
        let shift = width - (bits - 1)
        let y = shift >= 0 ? mantissa * Self.two(shift) : (mantissa.quotientAndRemainder(dividingBy: Self.two(-shift))?.quotient ?? 0)
        let fixed = Self.atanhSeries((y - one) * one, y + one, one: one) * 2 + BigInt(k) * Self.atanhSeries(one, BigInt(3), one: one) * 2
        return Self.rounded(negative: fixed.signum < 0, fixed.magnitude, exponent: -width, prec: prec)
    }

    /// `atanh(p / q) · 2^width` for `0 ≤ p / q < 1` in fixed point (`one` = 2^width).
    static func atanhSeries(_ p: BigInt, _ q: BigInt, one: BigInt) -> BigInt {
        guard let z = p.quotientAndRemainder(dividingBy: q)?.quotient, z.signum != 0 else { return 0 }
        let z2 = (z * z).quotientAndRemainder(dividingBy: one)?.quotient ?? 0
        var term = z, sum = BigInt(0), n = 1
        while term.signum != 0 {
            sum = sum + (term.quotientAndRemainder(dividingBy: BigInt(n))?.quotient ?? 0)
            term = (term * z2).quotientAndRemainder(dividingBy: one)?.quotient ?? 0
            n += 2
        }
        return sum
    }

    /// `magnitude · 2^exponent` rounded to `prec` bits, ties to even; `sticky` says the magnitude was truncated.
    static func rounded(negative: Bool, _ magnitude: BigInt, exponent: Int, prec: Int, sticky: Bool = false) -> BinaryFloat {
        let bits = magnitude.bitWidth
        guard bits > prec else { return BinaryFloat(negative: negative, mantissa: magnitude, exponent: exponent) }
        let drop = bits - prec
        let (q, r) = magnitude.quotientAndRemainder(dividingBy: two(drop)) ?? (magnitude, 0)
        let half = two(drop - 1)
        let up = half < r || (r == half && (sticky || q.isOdd))
        return BinaryFloat(negative: negative, mantissa: up ? q + 1 : q, exponent: exponent + drop)
    }

    /// `self / other` rounded to `prec` bits; nil where mpmath raises `ZeroDivisionError`.
    func divided(by other: BinaryFloat, prec: Int) -> BinaryFloat? {
        if other.isZero { return nil }
        let negative = negative != other.negative
        if infinite { return other.infinite ? nil : BinaryFloat(negative: negative, mantissa: 0, exponent: 0, infinite: true) }
        if other.infinite || isZero { return BinaryFloat(negative: false, mantissa: 0, exponent: 0) }
        let shift = max(0, prec + 3 + other.mantissa.bitWidth - mantissa.bitWidth)
        guard let (q, r) = (mantissa * Self.two(shift)).quotientAndRemainder(dividingBy: other.mantissa) else { return nil }
        return Self.rounded(negative: negative, q, exponent: exponent - other.exponent - shift, prec: prec, sticky: r.signum != 0)
    }

    /// mpmath's `to_str(value, digits)`: `digits` significant digits (the next one rounding half up), fixed-point
    /// between the exponents `min(-(digits // 3), -5)` and `digits`, trailing zeros stripped.
    func mpmathString(digits dps: Int) -> String {
        if infinite { return negative ? "-inf" : "+inf" }
        if isZero { return "0.0" }
        let sign = negative ? "-" : ""
        // The exact decimal expansion: mantissa · 2^e = (mantissa · 5^-e) · 10^e.
        let integer = exponent >= 0 ? mantissa * Self.two(exponent) : mantissa * (BigInt(5).power(-exponent) ?? 0)
        let pointExponent = min(exponent, 0)
        var all = Array(integer.description)
        var decimalExponent = all.count - 1 + pointExponent
        if all.count < dps + 1 { all += Array(repeating: "0", count: dps + 1 - all.count) }
        var kept = Array(all[..<dps])
        if let next = all[dps].wholeNumberValue, next >= 5 {
            var i = dps - 1
            while i >= 0 && kept[i] == "9" { kept[i] = "0"; i -= 1 }
            if i >= 0 { kept[i] = Character(String((kept[i].wholeNumberValue ?? 0) + 1)) } else { kept = ["1"] + Array(repeating: "0", count: dps - 1); decimalExponent += 1 }
        }
        var text = String(kept)
        let split: Int
        if min(-(dps / 3), -5) < decimalExponent && decimalExponent < dps {
            if decimalExponent < 0 {
                text = String(repeating: "0", count: -decimalExponent) + text
                split = 1
            } else {
                split = decimalExponent + 1
            }
            decimalExponent = 0
        } else {
            split = 1
        }
        var number = String(text.prefix(split)) + "." + String(text.dropFirst(split))
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number += "0" }
        if decimalExponent == 0 { return sign + number }
        return sign + number + (decimalExponent > 0 ? "e+\(decimalExponent)" : "e\(decimalExponent)")
    }
}

/// A finite non-negative `decimal.Decimal`: `coefficient · 10^exponent`, with the coefficient's digits as Python
/// keeps them (trailing zeros are significant).
struct DecimalNumber: CustomStringConvertible {
    var coefficient: BigInt
    var exponent: Int

    init(coefficient: BigInt, exponent: Int) {
        self.coefficient = coefficient
        self.exponent = exponent
    }

    /// `Decimal(x)` of a Python int, bool or finite float, exactly (`Decimal.from_float`: `n / 2^k` becomes
    /// `n · 5^k · 10^-k`).
    init?(_ value: PyValue) {
        switch value {
        case .int(let i): self.init(coefficient: BigInt(i).magnitude, exponent: 0)
        case .bool(let b): self.init(coefficient: BigInt(b ? 1 : 0), exponent: 0)
        case .float(let d) where d.isFinite:
            guard d != 0 else { self.init(coefficient: 0, exponent: 0); return }
            var m = Int(abs(d).significand * 0x1p52), e = Int(abs(d).exponent) - 52
            while m % 2 == 0 && e < 0 { m /= 2; e += 1 }
            if e >= 0 {
                self.init(coefficient: BigInt(m) * BinaryFloat.two(e), exponent: 0)
            } else {
                guard let five = BigInt(5).power(-e) else { return nil }
                self.init(coefficient: BigInt(m) * five, exponent: e)
            }
        default: return nil
        }
    }

    static func ten(_ n: Int) -> BigInt { BigInt(10).power(n) ?? 0 }

    var digitCount: Int { coefficient.signum == 0 ? 1 : coefficient.description.count }

    /// `Decimal.sqrt()` in a context of `precision` digits rounding half to even, as `_pydecimal` computes it: the
    /// integer square root at one extra digit, an exact result brought to the ideal exponent `floor(exponent / 2)`.
    func squareRoot(precision: Int) -> DecimalNumber {
        if coefficient.signum == 0 { return DecimalNumber(coefficient: 0, exponent: exponent >> 1) }
        let prec = precision + 1
        var e = exponent >> 1
        var c: BigInt, l: Int
        if exponent & 1 != 0 {
            c = coefficient * 10
            l = (digitCount >> 1) + 1
        } else {
            c = coefficient
            l = (digitCount + 1) >> 1
        }
        let shift = prec - l
        var exact: Bool
        if shift >= 0 {
            c = c * Self.ten(2 * shift)
            exact = true
        } else {
            let (q, r) = c.quotientAndRemainder(dividingBy: Self.ten(-2 * shift)) ?? (c, 0)
            c = q
            exact = r.signum == 0
        }
        e -= shift
        var n = Self.ten(prec)
        while true {
            let q = c.quotientAndRemainder(dividingBy: n)?.quotient ?? 0
            if !(q < n) { break }
            n = (n + q).quotientAndRemainder(dividingBy: 2)?.quotient ?? 0
        }
        exact = exact && n * n == c
        if exact {
            if shift >= 0 { n = n.quotientAndRemainder(dividingBy: Self.ten(shift))?.quotient ?? 0 } else { n = n * Self.ten(-shift) }
            e += shift
        } else if (n.quotientAndRemainder(dividingBy: 5)?.remainder ?? 1).signum == 0 {
            n = n + 1
        }
        return DecimalNumber(coefficient: n, exponent: e).rounded(precision: precision)
    }

    /// `_fix`: at most `precision` digits, rounding half to even.
    func rounded(precision: Int) -> DecimalNumber {
        let drop = digitCount - precision
        guard drop > 0 else { return self }
        let unit = Self.ten(drop)
        let (q, r) = coefficient.quotientAndRemainder(dividingBy: unit) ?? (coefficient, 0)
        let twice = r * 2
        let up = unit < twice || (twice == unit && q.isOdd)
        let result = DecimalNumber(coefficient: up ? q + 1 : q, exponent: exponent + drop)
        // A carry to one more digit (999… → 1000…) drops a zero.
        return result.digitCount > precision
            ? DecimalNumber(coefficient: result.coefficient.quotientAndRemainder(dividingBy: 10)?.quotient ?? 0, exponent: result.exponent + 1)
            : result
    }

    /// `str(Decimal)`: the specification's to-scientific-string.
    var description: String {
        let digits = coefficient.signum == 0 ? "0" : coefficient.description
        let leftDigits = exponent + digits.count
        let dotPlace = exponent <= 0 && leftDigits > -6 ? leftDigits : 1
        let intPart: String, fracPart: String
        if dotPlace <= 0 {
            intPart = "0"
            fracPart = "." + String(repeating: "0", count: -dotPlace) + digits
        } else if dotPlace >= digits.count {
            intPart = digits + String(repeating: "0", count: dotPlace - digits.count)
            fracPart = ""
        } else {
            intPart = String(digits.prefix(dotPlace))
            fracPart = "." + String(digits.dropFirst(dotPlace))
        }
        let exp = leftDigits == dotPlace ? "" : "E" + (leftDigits - dotPlace >= 0 ? "+" : "") + String(leftDigits - dotPlace)
        return intPart + fracPart + exp
    }
}
