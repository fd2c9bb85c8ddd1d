import InstructionChecks
import ProctorCore
import Testing

/// `keywords:letter_frequency` with a letter outside `a`–`z`: the official checker draws a random letter instead,
/// so its verdict is a draw; the expectation is the share of the 26 equally likely letters that pass.
struct RandomDrawTests {
    func check(letter: String, frequency: Int, relation: String) throws -> InstructionCheck {
        try InstructionCheck(
            id: "keywords:letter_frequency",
            kwargs: ["letter": .string(letter), "let_frequency": .int(frequency), "let_relation": .string(relation)])
    }

    @Test func aLetterOutsideAToZHasTheShareOfPassingLettersAsItsExpectation() throws {
        let hash = try check(letter: "#", frequency: 4, relation: "at least")
        #expect(hash.officialDrawsRandomArgument)
        // a and B (lower-cased) occur 4 times, c twice: 2 of 26 letters pass.
        let expectation = try #require(hash.officialExpectation(ResponseVariants("aaaa BBBB cc ####")))
        #expect(expectation.strict == 2.0 / 26 && expectation.loose == 2.0 / 26)
        // The verdict itself counts the character the prompt names.
        #expect(hash.evaluate(ResponseVariants("aaaa BBBB cc ####")).strict)
    }

    @Test func looseChecksEveryVariantWithTheSameDraw() throws {
        // "less than 5": x occurs 5 times on the first line only. Strict: 25 letters pass; loose: the variant
        // without the first line passes for x too.
        let bang = try check(letter: "!", frequency: 5, relation: "less than")
        let expectation = try #require(bang.officialExpectation(ResponseVariants("xxxxx\nhello there")))
        #expect(expectation.strict == 25.0 / 26)
        #expect(expectation.loose == 1)
    }

    @Test func aLetterTheCheckerKeepsHasNoExpectation() throws {
        let kept = try check(letter: "e", frequency: 2, relation: "at least")
        #expect(!kept.officialDrawsRandomArgument)
        #expect(kept.officialExpectation(ResponseVariants("eee")) == nil)
    }
}
