import Testing
import ProctorCore
import ProctorScoring

/// The rules that stand in for MathVista's GPT-4 extractor (docs/scoring.md, "MathVista from raw responses"),
/// one realistic response per rule: what the few-shot extractor would type, and the rule that read it.
struct MathVistaReadingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var response: String
        var choices: [String] = []
        var answerType = "integer"
        var question = ""
        var extraction: String
        var rule: String
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        // An explicit statement at the start wins over options discussed after it.
        Case(response: "The correct answer is (C).\n\nThe perimeter is 12.0π / 3 = 4.0π cm.\n\nChoice (A) is incorrect because it is the circumference of a circle with radius 2.0.\nChoice (D) is incorrect because it is the circumference of a circle with radius 5.0.",
             choices: ["2πcm", "3πcm", "4πcm", "5πcm"], answerType: "text", extraction: "C", rule: "answer-is"),
        // A bold letter after a phrase other than "answer is".
        Case(response: "The answer to the puzzle is **(E)**.\n\nAll of the other pictures have a continuous line. Option (A) is the same as option (B).",
             choices: ["A", "B", "C", "D", "E", "F"], answerType: "text", extraction: "E", rule: "answer-is"),
        // A response that opens with a letter: the letter, even where the text after it is another option's.
        Case(response: "(E) 0.33%", choices: ["0.33%", "0.31%", "0.29%", "0.32%", "0.30%"], answerType: "text", extraction: "E", rule: "leading-letter"),
        // Answer first, then a table and pleasantries; CRLF line ends.
        Case(response: "There are 3 bars below 40 in the image. They are the bars for the years 2014, 2015, and 2016. The values for these bars are 58, 59, and 63, respectively.\r\n\r\nDo you want to try other questions about the image?",
             question: "How many bars have value below 40?", extraction: "3", rule: "answer-first"),
        // Number words count, and the question's own numbers are passed over.
        Case(response: "There are two bars with values larger than 4.", question: "How many bars have values larger than 4?", extraction: "2", rule: "answer-first"),
        // A sentence restating the question's numbers is passed over for the one that answers.
        Case(response: "The model has 9 dots divided into 3 equal groups. There are 3 dots in each group.",
             question: "The model has 9 dots divided into 3 equal groups. There are (_) dots in each group.", extraction: "3", rule: "answer-first"),
        // A concluding sentence wins over code and its printed output.
        Case(response: "The cost of the oval beads is 4 * 2 = $8.\nThe star beads cost 5 * 2 = $10.\n\nTherefore, Chase will spend $18.\n\nI also wrote a Python code and got 35.\n```python\nprint(35)\n```\n```\n35\n```",
             question: "Chase wants to buy 4 kilograms of oval beads and 5 kilograms of star-shaped beads. How much will he spend?", extraction: "18", rule: "conclusion"),
        // The first bold number of the answering sentence.
        Case(response: "The maximum rating of statistical capacity in Maldives is **70**. It is reached in the year **2009**.\n\nThe other years have lower ratings, ranging from **20** in 2005 to **60** in 2008.",
             extraction: "70", rule: "answer-first"),
        // Disclaimers about the assistant are N/A; statements that information is missing are copied.
        Case(response: "As an AI, I'm unable to view or analyze images. Please provide more context.", choices: ["Yes", "No"], answerType: "text", extraction: "N/A", rule: "refusal"),
        Case(response: "The text does not provide information on the number of red rubber bicycles. Please provide it.", choices: ["Yes", "No"], answerType: "text",
             extraction: "The text does not provide information on the number of red rubber bicycles.", rule: "refusal"),
        // No option matches: the closing remark is what GPT-4 copies.
        Case(response: "Therefore, ∠C = 180° - 110° = 70°. However, this option is not available in the choices. There might be a mistake in the question or the options.",
             choices: ["125°", "120°", "105°", "90°"], answerType: "text", extraction: "There might be a mistake in the question or the options.", rule: "no-option-matches"),
        // "option (E) is the correct answer" names the letter after the text that argued for another value.
        Case(response: "The length of segment AB cannot be determined from the figure. The image only gives AC, which is 6. Therefore, option (E) is the correct answer.",
             choices: ["3", "5", "6", "7", "It cannot be determined from the information given"], answerType: "text", extraction: "E", rule: "answer-is"),
        // A comparison answered the other way round is a No.
        Case(response: "Based on the image, there are more large cyan metallic jets than blue matte school buses.", choices: ["Yes", "No"], answerType: "text",
             question: "Is the number of blue matte school buss greater than the number of large cyan metallic jets?", extraction: "No", rule: "yes-no"),
        Case(response: "Based on the image, there are more blue matte school buses than large cyan jets.", choices: ["Yes", "No"], answerType: "text",
             question: "Is the number of blue matte school buss greater than the number of large cyan metallic jets?", extraction: "Yes", rule: "yes-no"),
        // Only the question's numbers: the value after the restatement.
        Case(response: "The model has 9 dots divided into 3 equal groups, with each group containing 3 dots.",
             question: "The model has 9 dots divided into 3 equal groups. There are (_) dots in each group.", extraction: "3", rule: "answer-first"),
        // A stated option text in other words (plural, past tense).
        Case(response: "The letter has been flipped.", choices: ["slide", "flip", "turn"], answerType: "text", extraction: "flip", rule: "option-overlap"),
    ]

    @Test(arguments: cases)
    func readsAsTheFewShotExtractor(_ c: Case) {
        let (extraction, rule) = MathVistaOfficial.extract(c.response, choices: c.choices,
                                                           questionType: c.choices.isEmpty ? "free_form" : "multi_choice",
                                                           answerType: c.answerType, question: c.question)
        #expect(extraction == c.extraction)
        #expect(rule == c.rule)
    }

    @Test func strictRecordsNonAnswersAsUnparsed() {
        let item = BenchmarkItem(benchmark: BenchmarkName(name: "mathvista", split: "testmini"), id: "1", messages: [],
                                 promptTemplate: "", answer: "No", choices: ["Yes", "No"],
                                 fields: ["question_type": .string("multi_choice"), "answer_type": .string("text")])
        let input = ScoringInput(response: "As an AI, I'm unable to view images.")
        let strict = MathVistaScorer().score(input, item: item, mode: .strict)
        #expect(strict.unparsed && !strict.correct)
        // official maps GPT-4's "N/A" to the nearest option by edit distance ("No"), as calculate_score.py does.
        #expect(MathVistaScorer().score(input, item: item, mode: .official).correct)
    }
}
