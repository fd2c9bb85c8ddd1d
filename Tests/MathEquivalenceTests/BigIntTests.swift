import Testing
@testable import MathEquivalence

/// `BigInt` against known values (computed with Python's integers) and algebraic identities on seeded random
/// operands of 1–40 limbs, both signs, including the word-size boundary where the inline fast path promotes.
struct BigIntTests {
    static let twoTo200 = "1606938044258990275541962092341162602522202993782792835301376"
    static let factorial100 = "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000"

    /// Deterministic operands: SplitMix64 limbs, random length and sign, some at the `Int` boundary.
    static func randomValues(count: Int, seed: UInt64) -> [BigInt] {
        var state = seed
        func next() -> UInt64 {
            state = StableMix.next(state)
            return state
        }
        var values: [BigInt] = [BigInt(Int.max), BigInt(Int.min), BigInt(Int.max) + 1, BigInt(Int.min) - 1, 1, -1]
        while values.count < count {
            let limbs = Int(next() % 40) + 1
            var magnitude = (0..<limbs).map { _ in next() }
            // Sparse limbs and top limbs with few bits exercise the division's correction steps.
            if next() % 3 == 0 { magnitude[magnitude.count - 1] >>= next() % 63 }
            if next() % 4 == 0 { magnitude[0] = 0 }
            values.append(BigInt(negative: next() % 2 == 0, magnitude: magnitude))
        }
        return values
    }

    @Test func knownValuesPrintInDecimal() {
        #expect(BigInt(2).power(200)?.description == Self.twoTo200)
        var factorial: BigInt = 1
        for k in 1...100 { factorial = factorial * BigInt(k) }
        #expect(factorial.description == Self.factorial100)
        #expect(factorial.description.count == 158)
        #expect(BigInt(3).power(100)?.description == "515377520732011331036461129765621272702107522001")
        #expect((-BigInt(3).power(100)!).quotientAndRemainder(dividingBy: 7)?.quotient.description
            == "-73625360104573047290923018537945896100301074571")
    }

    @Test(arguments: [
        "0", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "-340282366920938463463374607431768211456", twoTo200, factorial100,
    ])
    func parsingAndPrintingRoundTrip(text: String) throws {
        let value = try #require(BigInt(text))
        #expect(value.description == text)
        #expect(BigInt(value.description) == value)
    }

    @Test func parsingIsStrict() {
        #expect(BigInt("-000123") == -123)
        #expect(BigInt("+0000000000000000000000000042") == 42)
        for bad in ["", "-", "+", "12a", "1.5", "+-3", "--3", "1 2", "١٢"] { #expect(BigInt(bad) == nil, "\(bad)") }
        #expect(BigInt("9223372036854775807")?.intValue == .max)
        #expect(BigInt("9223372036854775808")?.intValue == nil)
        #expect(BigInt("-9223372036854775808")?.intValue == .min)
    }

    @Test func productsDivideBackAndDivisionKeepsItsInvariant() throws {
        let values = Self.randomValues(count: 60, seed: 4)
        for (a, b) in zip(values, values.reversed()) where b != 0 {
            let product = a * b
            let (q, r) = try #require(product.quotientAndRemainder(dividingBy: b))
            #expect(q == a && r == 0, "(\(a) × \(b)) / \(b)")
            let (q2, r2) = try #require(a.quotientAndRemainder(dividingBy: b))
            #expect(q2 * b + r2 == a)
            #expect(r2.magnitude < b.magnitude)
            #expect(r2 == 0 || r2.signum == a.signum, "remainder takes the dividend's sign")
            #expect((a + b) - b == a)
            #expect(a - b == -(b - a))
            #expect(a * (b + 1) == a * b + a)
        }
        #expect(BigInt(5).quotientAndRemainder(dividingBy: 0) == nil)
        #expect(BigInt(Int.min).quotientAndRemainder(dividingBy: -1)?.quotient.description == "9223372036854775808")
    }

    @Test func smallResultsStayInline() {
        // The canonical form makes equal values equal however they were computed.
        let big = BigInt(Int.max) + 1
        #expect(big.intValue == nil)
        #expect((big - 1).intValue == .max)
        #expect(BigInt(Int.max) * 2 - BigInt(Int.max) == BigInt(Int.max))
        #expect(Set([big - 1, BigInt(Int.max)]).count == 1)
        #expect(-big == BigInt(Int.min))
    }

    @Test func comparisonOrdersSignsAndSizes() {
        let sorted = [-BigInt(2).power(200)!, BigInt(Int.min) - 1, BigInt(Int.min), -1, 0, 1, BigInt(Int.max), BigInt(2).power(64)!, BigInt(2).power(200)!]
        for (i, a) in sorted.enumerated() {
            for (j, b) in sorted.enumerated() { #expect((a < b) == (i < j), "\(a) < \(b)") }
        }
    }

    @Test func gcdDividesBothAndScales() throws {
        let values = Self.randomValues(count: 30, seed: 9)
        for (a, b) in zip(values, values.dropFirst()) {
            let g = BigInt.gcd(a, b)
            #expect(g.signum > 0)
            #expect(a.quotientAndRemainder(dividingBy: g)?.remainder == 0)
            #expect(b.quotientAndRemainder(dividingBy: g)?.remainder == 0)
            let c = BigInt(3).power(50)! * 7
            #expect(BigInt.gcd(a * c, b * c) == g * c)
            // The cofactors are coprime.
            #expect(BigInt.gcd(try #require(a.exactQuotient(g)), try #require(b.exactQuotient(g))) == 1)
        }
        // gcd(F_m, F_n) = F_gcd(m, n): Fibonacci pairs are Euclid's worst case and exercise every Lehmer pass.
        var fibonacci: [BigInt] = [0, 1]
        while fibonacci.count <= 3000 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        #expect(BigInt.gcd(fibonacci[3000], fibonacci[2400]) == fibonacci[600])
        #expect(BigInt.gcd(fibonacci[2999], fibonacci[3000]) == 1)
        #expect(BigInt.gcd(fibonacci[2048] * fibonacci[1000], fibonacci[2048]) == fibonacci[2048])
        #expect(BigInt.gcd(0, 0) == 0)
        #expect(BigInt.gcd(-BigInt(2).power(100)!, 0) == BigInt(2).power(100)!)
    }

    @Test func powersAndRoots() {
        #expect(BigInt(2).power(64)?.description == "18446744073709551616")
        #expect(BigInt(-3).power(3) == -27)
        #expect(BigInt(-1).power(1_000_000_001) == -1)
        #expect(BigInt(1).power(Int.max) == 1)
        #expect(BigInt(0).power(Int.max) == 0)
        let big = BigInt(3).power(400)!
        #expect(big.exactRoot(4) == BigInt(3).power(100))
        #expect(big.exactRoot(3) == nil)
        #expect((big + 1).exactRoot(2) == nil)
        #expect(BigInt(10).power(60)!.exactRoot(3) == BigInt(10).power(20))
    }

    @Test func sizeBudgetRefusesAtOnce() {
        // Refused from the operand sizes before any multiplication: deterministic, and no faster machine
        // gives a different answer.
        #expect(BigInt(10).power(1_000_000_000) == nil)
        #expect(BigInt(2).power(99_999_999) == nil)
        #expect(BigInt(2).power(BigInt.maxBitWidth) == nil)
        #expect(BigInt(2).power(BigInt.maxBitWidth - 1)?.bitWidth == BigInt.maxBitWidth)
        #expect(BigInt(3).power(Int.max) == nil)
    }

    @Test func doublesAreCorrectlyRounded() {
        #expect(BigInt(2).power(200)!.doubleValue == 0x1p200)
        #expect(BigInt("123456789012345678901234567890")?.doubleValue == 1.2345678901234568e29)
        #expect((-BigInt(2).power(1100)!).doubleValue == -.infinity)
        let base = BigInt(2).power(70)!, ulp = BigInt(2).power(18)!, half = BigInt(2).power(17)!
        // Exactly halfway rounds to even; one unit above halfway rounds up (the unit sits below the 64-bit window).
        #expect((base + half).doubleValue == 0x1p70)
        #expect((base + half + 1).doubleValue == 0x1p70 + 0x1p18)
        #expect((base + ulp + half).doubleValue == 0x1p70 + 0x1p19)
        #expect((base + ulp + half - 1).doubleValue == 0x1p70 + 0x1p18)
    }
}
