import InstructionChecks
import ProctorCore
import Testing

/// Where the official checker would draw a random argument (or crash), the port refuses with an error that names
/// the instruction and the argument.
struct ArgumentErrorTests {
    struct Bad: Sendable, CustomTestStringConvertible {
        var id: String
        var kwargs: [String: JSONValue]
        var code: InstructionCheckError.Code
        var mentions: [String]
        var testDescription: String { "\(id) \(kwargs)" }
    }

    static let bad: [Bad] = [
        Bad(id: "keywords:nonsense", kwargs: [:], code: .unknownInstruction, mentions: ["keywords:nonsense", "punctuation:no_comma"]),
        Bad(id: "length_constraints:number_words", kwargs: ["relation": "at least"], code: .missingArgument, mentions: ["num_words"]),
        Bad(id: "length_constraints:number_words", kwargs: ["num_words": .null, "relation": "at least"], code: .missingArgument, mentions: ["num_words"]),
        Bad(id: "length_constraints:number_words", kwargs: ["num_words": 10, "relation": "at most"], code: .invalidArgument, mentions: ["relation", "at most"]),
        Bad(id: "length_constraints:number_words", kwargs: ["num_words": "ten", "relation": "at least"], code: .invalidArgument, mentions: ["num_words", "integer"]),
        Bad(id: "detectable_format:number_bullet_lists", kwargs: ["num_bullets": -1], code: .invalidArgument, mentions: ["num_bullets"]),
        Bad(id: "length_constraints:nth_paragraph_first_word", kwargs: ["num_paragraphs": 2, "nth_paragraph": 3, "first_word": "a"],
            code: .invalidArgument, mentions: ["nth_paragraph"]),
        Bad(id: "keywords:letter_frequency", kwargs: ["letter": "ab", "let_frequency": 2, "let_relation": "at least"], code: .invalidArgument, mentions: ["letter"]),
        Bad(id: "keywords:existence", kwargs: ["keywords": .array([])], code: .invalidArgument, mentions: ["keywords"]),
        Bad(id: "keywords:existence", kwargs: ["keywords": .array(["(unclosed"])], code: .invalidArgument, mentions: ["(unclosed"]),
        Bad(id: "combination:repeat_prompt", kwargs: ["prompt_to_repeat": ""], code: .invalidArgument, mentions: ["prompt_to_repeat"]),
    ]

    @Test(arguments: bad)
    func badArgumentsAreNamed(_ example: Bad) {
        #expect {
            _ = try InstructionCheck(id: example.id, kwargs: example.kwargs)
        } throws: { error in
            guard let error = error as? InstructionCheckError, error.code == example.code else { return false }
            return example.mentions.allSatisfy { error.message.contains($0) }
        }
    }

    @Test func wholeNumbersWrittenAsDecimalsAreIntegers() throws {
        let check = try InstructionCheck(id: "length_constraints:number_words", kwargs: ["num_words": .double(2), "relation": "at least"])
        #expect(check.isFollowed(by: "two words"))
        #expect(!check.isFollowed(by: "one"))
    }
}

/// The loose variants, in the official order.
struct ResponseVariantTests {
    @Test func eightVariantsInTheOfficialOrder() {
        let variants = ResponseVariants("*Title*\n body *x* \nlast")
        #expect(variants.loose == [
            "*Title*\n body *x* \nlast", "Title\n body x \nlast",
            "body *x* \nlast", "*Title*\n body *x*", "body *x*",
            "body x \nlast", "Title\n body x", "body x",
        ])
        #expect(ResponseVariants("one line").loose == ["one line", "one line", "", "", "", "", "", ""])
    }

    @Test func linesSplitOnNewlineOnly() {
        // `\r\n` keeps its `\r` with the first line, as Python's split("\n") does; the strip removes it.
        #expect(ResponseVariants("a\r\nb").loose[2] == "b")
        #expect(ResponseVariants("a\r\nb").loose[3] == "a")
        #expect(ResponseVariants("a\u{2028}b").loose[2] == "")
    }
}
