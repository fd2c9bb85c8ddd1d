import Testing
@testable import MathEquivalence

/// Exact rationals over `BigInt`: always reduced, positive denominators, exact beyond 64 bits, refused only over
/// the size budget.
struct RationalTests {
    static func big(_ text: String) -> BigInt { BigInt(text) ?? 0 }

    @Test func fractionsAreReducedWithPositiveDenominators() throws {
        let r = try #require(Rational(3, -6))
        #expect(r.numerator == -1 && r.denominator == 2)
        let p = BigInt(2).power(100)!
        let q = try #require(Rational(p * 6, -(p * 4)))
        #expect(q == Rational(-3, 2))
        #expect(Rational(0, -5) == .zero)
        #expect(Rational(0, -5)?.denominator == 1)
        #expect(Rational(1, 0) == nil)
        #expect(Rational(Int.min, Int.min) == .one)
        #expect(Rational(Int.min, -1)?.description == "9223372036854775808")
    }

    @Test func arithmeticIsExactBeyondSixtyFourBits() throws {
        let max = try #require(Rational(Int.max))
        #expect((max * Rational(2)!)?.description == "18446744073709551614")
        #expect((max + .one)?.description == "9223372036854775808")
        #expect(Rational(2)!.power(70)?.description == "1180591620717411303424")
        let third = try #require(Rational(BigInt(2).power(100)!, 3))
        #expect(third.description == "1267650600228229401496703205376/3")
        #expect((third * Rational(3)!)?.isInteger == true)
        #expect((third - third) == .zero)
        #expect((third / third) == .one)
        #expect(Rational(2)!.power(-70) == Rational.one / Rational(2)!.power(70)!)
        #expect(Rational(decimal: "0.75") == Rational(3, 4))
        #expect(Rational(decimal: "-0.1234567890123456789012345")?.description == "-246913578024691357802469/2000000000000000000000000")
        #expect(Rational(decimal: "123456789012345678901234567890.") == Rational(Self.big("123456789012345678901234567890"), 1))
        for bad in ["", ".", "1.2.3", "1e5", "--1", "1,000"] { #expect(Rational(decimal: Substring(bad)) == nil, "\(bad)") }
    }

    @Test func fieldOperationsAgreeWithTheDefinitions() throws {
        // Shared factors in the denominators make Knuth's reduced addition take its second gcd.
        let shared = BigInt(2).power(70)! * 3 * 5
        let values = BigIntTests.randomValues(count: 24, seed: 11)
        var fractions: [Rational] = []
        for (k, (n, d)) in zip(values, values.dropFirst(3)).enumerated() where d != 0 {
            let denominator: BigInt = k % 2 == 0 ? d * shared : d
            let fraction: Rational? = Rational(n, denominator)
            fractions.append(try #require(fraction))
        }
        for (x, y) in zip(fractions, fractions.reversed()) {
            let optionalSum: Rational? = x + y, optionalProduct: Rational? = x * y
            let sum = try #require(optionalSum)
            #expect(sum == Rational(x.numerator * y.denominator + y.numerator * x.denominator, x.denominator * y.denominator))
            #expect(BigInt.gcd(sum.numerator, sum.denominator) == 1 && sum.denominator.signum > 0)
            #expect((sum - y) == x)
            let product = try #require(optionalProduct)
            #expect(product == Rational(x.numerator * y.numerator, x.denominator * y.denominator))
            if y != .zero { #expect((product / y) == x) }
        }
        #expect((Rational(1, 6)! + Rational(1, 3)!) == Rational(1, 2))
        #expect((Rational(5, 12)! + Rational(7, 12)!) == .one)
        #expect((Rational(5, 12)! - Rational(5, 12)!)?.denominator == 1)
    }

    @Test func rootsAreExactForPerfectPowers() {
        #expect(Rational(27, 8)!.root(3) == Rational(3, 2))
        #expect(Rational(-27, 8)!.root(3) == Rational(-3, 2))
        #expect(Rational(-4)!.root(2) == nil)
        let big = Rational(BigInt(7).power(90)!, BigInt(2).power(300)!)!
        #expect(big.root(3) == Rational(BigInt(7).power(30)!, BigInt(2).power(100)!))
        #expect(big.root(7) == nil)
    }

    @Test func budgetRefusalIsImmediate() {
        #expect(Rational(10)!.power(1_000_000_000) == nil)
        #expect(Rational(1, 2)!.power(-99_999_999) == nil)
        #expect(Rational(-1)!.power(99_999_999) == Rational(-1))
        #expect(Rational(decimal: Substring(String(repeating: "9", count: 20_000))) == nil)
        let nearLimit = Rational(BigInt(2).power(BigInt.maxBitWidth - 1)!, 1)!
        #expect((nearLimit * Rational(2)!) == nil)
        #expect((nearLimit + nearLimit) == nil)
        // The evaluator falls back to doubles for over-budget powers and factorials: the same answer everywhere.
        #expect(MathEvaluator.evaluate(.power(.number(Rational(2)!), .number(Rational(99_999_999)!)))?.exact == nil)
        #expect(MathEvaluator.evaluate(.factorial(.number(Rational(5000)!)))?.exact == nil)
        #expect(MathEvaluator.evaluate(.factorial(.number(Rational(500)!)))?.exact?.numerator.description.count == 1135)
    }

    @Test func doublesAreCorrectlyRoundedQuotients() {
        // Expected values are Python's correctly rounded int / int.
        #expect(Rational(BigInt(2).power(100)!, 3)?.doubleValue == 4.2255020007607644e+29)
        #expect(Rational(decimal: "0.1234567890123456789012345")?.doubleValue == 0.12345678901234568)
        #expect(Rational(BigInt(10).power(400)! + 1, BigInt(10).power(399)!)?.doubleValue == 10.0)
        #expect(Rational(BigInt(2).power(1100)! + 1, BigInt(3).power(700)!)?.doubleValue == 0.0014064261301652214)
        #expect(Rational(-1, 3)?.doubleValue == -1.0 / 3.0)
    }
}
