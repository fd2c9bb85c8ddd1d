/// A signed integer of arbitrary size, with a machine-word fast path.
///
/// Values that fit in an `Int` are stored inline and computed with overflow-checked machine arithmetic; only a
/// result that overflows is promoted to a sign and a magnitude of 64-bit limbs. The representation is canonical
/// (a value that fits in an `Int` is always stored inline), so the synthesised `Hashable` is value equality.
///
/// Sizes are bounded by a budget rather than a clock: `maxBitWidth` is the largest value the exact evaluator keeps
/// (results over it make `Rational` return nil), and `power(_:)` refuses an exponent whose result would exceed it
/// before computing anything. Arithmetic on two in-budget values costs at most a few milliseconds.
public struct BigInt: Hashable, Sendable {
    enum Storage: Hashable, Sendable {
        case small(Int)
        case large(negative: Bool, magnitude: [UInt64])
    }

    var storage: Storage

    /// The largest number of bits an exact value may have (16,384 bits, about 4,930 decimal digits: `1000!`,
    /// `2^{10000}` and any 4 KB digit string fit). The worst operations on in-budget operands cost a few
    /// milliseconds (measured, optimised build on a loaded 2-core machine: gcd of consecutive 16,383-bit Fibonacci
    /// numbers ≈ 3 ms; adding two fractions with such parts, refused as over budget, ≈ 5 ms).
    public static let maxBitWidth = 16_384

    /// A machine integer.
    ///
    /// - Parameter value: The value.
    public init(_ value: Int) {
        storage = .small(value)
    }

    /// A sign and a magnitude, stored canonically.
    init(negative: Bool, magnitude: [UInt64]) {
        var m = magnitude
        BigMagnitude.normalize(&m)
        if m.isEmpty {
            storage = .small(0)
        } else if m.count == 1, !negative, m[0] <= UInt64(Int.max) {
            storage = .small(Int(m[0]))
        } else if m.count == 1, negative, m[0] <= UInt64(Int.max) + 1 {
            storage = .small(Int(truncatingIfNeeded: 0 &- m[0]))
        } else {
            storage = .large(negative: negative, magnitude: m)
        }
    }

    /// Parses an optionally signed decimal integer (`-123`, `+7`, `000`); nil for anything else.
    ///
    /// - Parameter text: ASCII digits with an optional leading `+` or `-`.
    public init?(_ text: some StringProtocol) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        if body.utf8.count <= 18 {
            guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let v = Int(body) else { return nil }
            self.init(negative ? -v : v)
            return
        }
        guard let magnitude = BigMagnitude.parseDecimal(body.utf8) else { return nil }
        self.init(negative: negative, magnitude: magnitude)
    }

    /// The sign and magnitude of any value.
    var signAndMagnitude: (negative: Bool, magnitude: [UInt64]) {
        switch storage {
        case .small(let v): return (v < 0, v == 0 ? [] : [UInt64(v.magnitude)])
        case .large(let negative, let magnitude): return (negative, magnitude)
        }
    }

    /// The value as an `Int`, or nil when it does not fit.
    public var intValue: Int? {
        if case .small(let v) = storage { return v }
        return nil
    }

    /// −1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .small(let v): return v.signum()
        case .large(let negative, _): return negative ? -1 : 1
        }
    }

    /// Whether the value is odd.
    public var isOdd: Bool {
        switch storage {
        case .small(let v): return v & 1 == 1
        case .large(_, let magnitude): return magnitude[0] & 1 == 1
        }
    }

    /// The number of bits of the magnitude (0 for zero).
    public var bitWidth: Int {
        switch storage {
        case .small(let v): return Int.bitWidth - v.magnitude.leadingZeroBitCount
        case .large(_, let magnitude): return BigMagnitude.bitWidth(magnitude)
        }
    }

    /// The absolute value.
    public var magnitude: BigInt {
        let (_, m) = signAndMagnitude
        return BigInt(negative: false, magnitude: m)
    }

    /// The value rounded to the nearest `Double` (ties to even); ±infinity beyond the `Double` range.
    ///
    /// Exactly rounded: the top 64 bits plus a sticky bit for the rest are converted in one rounding step.
    public var doubleValue: Double {
        switch storage {
        case .small(let v): return Double(v)
        case .large(let negative, let magnitude):
            let value = BigInt.roundedDouble(magnitude, exponent: 0)
            return negative ? -value : value
        }
    }

    /// `magnitude · 2^exponent` rounded once to the nearest `Double` (subnormal results may round twice).
    static func roundedDouble(_ magnitude: [UInt64], exponent: Int) -> Double {
        let width = BigMagnitude.bitWidth(magnitude)
        guard width > 64 else { return Double(sign: .plus, exponent: exponent, significand: Double(magnitude.first ?? 0)) }
        let drop = width - 64
        var top = BigMagnitude.shiftedRight(magnitude[...], by: drop).first ?? 0
        // Bit 0 of the 64-bit window lies 11 bits below the 53-bit significand, so OR-ing the sticky bit into it
        // decides ties exactly as the full value would.
        if BigMagnitude.hasBitsBelow(magnitude, drop) { top |= 1 }
        return Double(sign: .plus, exponent: exponent + drop, significand: Double(top))
    }
}

extension BigInt: Comparable {
    /// Numeric order.
    public static func < (a: BigInt, b: BigInt) -> Bool {
        if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y }
        let (an, am) = a.signAndMagnitude, (bn, bm) = b.signAndMagnitude
        if an != bn { return an }
        let order = BigMagnitude.compare(am, bm)
        return an ? order > 0 : order < 0
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    /// A literal.
    ///
    /// - Parameter value: The value.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension BigInt: CustomStringConvertible {
    /// The decimal digits, with a leading `-` for negative values.
    public var description: String {
        switch storage {
        case .small(let v): return String(v)
        case .large(let negative, let magnitude): return (negative ? "-" : "") + BigMagnitude.decimalString(magnitude)
        }
    }
}
