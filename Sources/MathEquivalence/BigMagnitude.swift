/// Unsigned arbitrary-precision arithmetic on magnitudes stored as little-endian `UInt64` limbs.
///
/// A magnitude is normalised when its last limb is non-zero (zero is the empty array). Every function takes
/// normalised magnitudes and returns a normalised one. These are the schoolbook algorithms (Knuth, TAOCP vol. 2,
/// §4.3.1): quadratic, which is fast enough for the sizes `BigInt.maxBitWidth` allows.
enum BigMagnitude {
    /// Drops high zero limbs.
    static func normalize(_ x: inout [UInt64]) {
        while x.last == 0 { x.removeLast() }
    }

    /// The number of significant bits (0 for zero).
    static func bitWidth(_ x: [UInt64]) -> Int {
        guard let top = x.last else { return 0 }
        return x.count * 64 - top.leadingZeroBitCount
    }

    /// −1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    /// `a + b`.
    static func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt64]()
        result.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let (s1, o1) = long[i].addingReportingOverflow(i < short.count ? short[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            result.append(s2)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    /// `a − b`; requires `a ≥ b`.
    static func subtract(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            if i >= b.count && borrow == 0 { break }
            let (d1, o1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            result[i] = d2
            borrow = (o1 || o2) ? 1 : 0
        }
        normalize(&result)
        return result
    }

    /// `a × b`, schoolbook.
    static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt64](repeating: 0, count: a.count + b.count)
        result.withUnsafeMutableBufferPointer { r in
            b.withUnsafeBufferPointer { bb in
                for i in 0..<a.count {
                    let ai = a[i]
                    if ai == 0 { continue }
                    var carry: UInt64 = 0
                    for j in 0..<bb.count {
                        // ai·bj + r + carry ≤ (2⁶⁴−1)² + 2(2⁶⁴−1) = 2¹²⁸ − 1: the high word never overflows.
                        let (hi, lo) = ai.multipliedFullWidth(by: bb[j])
                        let (s1, o1) = lo.addingReportingOverflow(r[i + j])
                        let (s2, o2) = s1.addingReportingOverflow(carry)
                        r[i + j] = s2
                        carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                    }
                    r[i + bb.count] = carry
                }
            }
        }
        normalize(&result)
        return result
    }

    /// `x × factor + addend` in place, for one-limb factors and addends (decimal parsing).
    static func multiplyAdd(_ x: inout [UInt64], _ factor: UInt64, _ addend: UInt64) {
        var carry = addend
        for i in 0..<x.count {
            let (hi, lo) = x[i].multipliedFullWidth(by: factor)
            let (s, o) = lo.addingReportingOverflow(carry)
            x[i] = s
            carry = hi &+ (o ? 1 : 0)
        }
        if carry != 0 { x.append(carry) }
        normalize(&x)
    }

    /// The quotient and remainder of `x` divided by a one-limb `divisor` (non-zero).
    static func divide(_ x: [UInt64], byLimb divisor: UInt64) -> (quotient: [UInt64], remainder: UInt64) {
        var quotient = [UInt64](repeating: 0, count: x.count)
        var remainder: UInt64 = 0
        var i = x.count - 1
        while i >= 0 {
            (quotient[i], remainder) = divisor.dividingFullWidth((remainder, x[i]))
            i -= 1
        }
        normalize(&quotient)
        return (quotient, remainder)
    }

    /// `x · 2^shift`, with `extraLimb` forcing one more (possibly zero) high limb (Knuth's D1 step).
    static func shiftedLeft(_ x: [UInt64], by shift: Int, extraLimb: Bool = false) -> [UInt64] {
        let limbs = shift / 64, bits = shift % 64
        var result = [UInt64](repeating: 0, count: limbs)
        result.reserveCapacity(limbs + x.count + 1)
        if bits == 0 {
            result.append(contentsOf: x)
            if extraLimb { result.append(0) }
        } else {
            var carry: UInt64 = 0
            for limb in x {
                result.append(limb << UInt64(bits) | carry)
                carry = limb >> UInt64(64 - bits)
            }
            if carry != 0 || extraLimb { result.append(carry) }
        }
        if !extraLimb { normalize(&result) }
        return result
    }

    /// `⌊x / 2^shift⌋`.
    static func shiftedRight(_ x: ArraySlice<UInt64>, by shift: Int) -> [UInt64] {
        let limbs = shift / 64, bits = shift % 64
        guard limbs < x.count else { return [] }
        let source = Array(x.dropFirst(limbs))
        var result = [UInt64](repeating: 0, count: source.count)
        for i in 0..<source.count {
            let high: UInt64 = i + 1 < source.count && bits != 0 ? source[i + 1] << UInt64(64 - bits) : 0
            result[i] = bits == 0 ? source[i] : source[i] >> UInt64(bits) | high
        }
        normalize(&result)
        return result
    }

    /// Whether any of the lowest `count` bits of `x` is set (the sticky bit of a rounding shift).
    static func hasBitsBelow(_ x: [UInt64], _ count: Int) -> Bool {
        let limbs = min(count / 64, x.count)
        for i in 0..<limbs where x[i] != 0 { return true }
        let bits = count % 64
        guard bits > 0, limbs < x.count else { return false }
        return x[limbs] & ((1 << UInt64(bits)) - 1) != 0
    }
}
