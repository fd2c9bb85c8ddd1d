/// Long division (Knuth's algorithm D) and decimal conversion of magnitudes.
extension BigMagnitude {
    /// The quotient and remainder of `a / b` for a non-zero `b`.
    static func divide(_ a: [UInt64], _ b: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        if compare(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divide(a, byLimb: b[0])
            return (q, r == 0 ? [] : [r])
        }
        // D1: normalise so that the divisor's top limb has its high bit set; the dividend gains one limb.
        let shift = b[b.count - 1].leadingZeroBitCount
        let v = shiftedLeft(b, by: shift)
        var u = shiftedLeft(a, by: shift, extraLimb: true)
        if u.count == a.count { u.append(0) }
        let n = v.count, m = u.count - n - 1
        var quotient = [UInt64](repeating: 0, count: m + 1)
        let vTop = v[n - 1], vNext = v[n - 2]
        var j = m
        while j >= 0 {
            // D3: estimate the quotient limb from the top two limbs, then correct it with the third.
            var qhat: UInt64, rhat: UInt64, rhatOverflow: Bool
            if u[j + n] >= vTop {
                qhat = .max
                (rhat, rhatOverflow) = u[j + n - 1].addingReportingOverflow(vTop)
            } else {
                (qhat, rhat) = vTop.dividingFullWidth((u[j + n], u[j + n - 1]))
                rhatOverflow = false
            }
            while !rhatOverflow {
                let (ph, pl) = qhat.multipliedFullWidth(by: vNext)
                guard ph > rhat || (ph == rhat && pl > u[j + n - 2]) else { break }
                qhat -= 1
                (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
            }
            // D4: u[j…j+n] −= qhat · v.
            var borrow: UInt64 = 0, carry: UInt64 = 0
            for i in 0..<n {
                let (ph, pl) = qhat.multipliedFullWidth(by: v[i])
                let (low, o) = pl.addingReportingOverflow(carry)
                carry = ph &+ (o ? 1 : 0)
                let (d1, o1) = u[i + j].subtractingReportingOverflow(low)
                let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                u[i + j] = d2
                borrow = (o1 || o2) ? 1 : 0
            }
            let (d1, o1) = u[j + n].subtractingReportingOverflow(carry)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            u[j + n] = d2
            if o1 || o2 {
                // D6: the estimate was one too large (probability ~2/2⁶⁴); add the divisor back.
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (s1, a1) = u[i + j].addingReportingOverflow(v[i])
                    let (s2, a2) = s1.addingReportingOverflow(c)
                    u[i + j] = s2
                    c = (a1 || a2) ? 1 : 0
                }
                u[j + n] &+= c
            }
            quotient[j] = qhat
            j -= 1
        }
        normalize(&quotient)
        return (quotient, shiftedRight(u[0..<n], by: shift))
    }

    /// 10¹⁹, the largest power of ten in one limb.
    static let decimalChunk: UInt64 = 10_000_000_000_000_000_000

    /// The decimal digits of `x` (no sign; "0" for zero).
    static func decimalString(_ x: [UInt64]) -> String {
        if x.isEmpty { return "0" }
        var chunks: [UInt64] = []
        var rest = x
        while !rest.isEmpty {
            let (q, r) = divide(rest, byLimb: decimalChunk)
            chunks.append(r)
            rest = q
        }
        var text = String(chunks[chunks.count - 1])
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    /// The magnitude of an ASCII decimal digit string; nil when it is empty or holds anything but `0`–`9`.
    static func parseDecimal(_ digits: Substring.UTF8View) -> [UInt64]? {
        guard !digits.isEmpty else { return nil }
        var result: [UInt64] = []
        var chunk: UInt64 = 0, scale: UInt64 = 1
        for c in digits {
            guard c >= 48, c <= 57 else { return nil }
            chunk = chunk * 10 + UInt64(c - 48)
            scale *= 10
            if scale == decimalChunk {
                multiplyAdd(&result, scale, chunk)
                (chunk, scale) = (0, 1)
            }
        }
        if scale > 1 { multiplyAdd(&result, scale, chunk) }
        return result
    }
}
