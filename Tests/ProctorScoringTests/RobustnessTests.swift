import Foundation
import Testing
import ProctorCore
import ProctorScoring
import ProctorScoringReference

/// Every scorer, both modes, on thousands of real model outputs and on cut-off prefixes of them (unbalanced braces,
/// half-written LaTeX): no crash, and the same verdict twice.
@Suite(.enabled(if: ReferenceLocation.has("math/reference-outputs/math_cot_100.jsonl"),
                "shared/data/math/reference-outputs is absent: robustness corpus unavailable"))
struct RobustnessTests {
    static func corpus() throws -> [String] {
        let rows = try ReferenceFiles.jsonLines(ReferenceLocation.dataRoot.appendingPathComponent("math/reference-outputs/math_cot_100.jsonl"))
        var texts: [String] = []
        for row in rows { texts += (row["code"]?.arrayValue ?? []).compactMap(\.stringValue) }
        var cuts: [String] = []
        var state: UInt64 = 7
        for text in texts {
            state = StableHash.splitMix64(state)
            let cut = Int(state % UInt64(max(text.count, 1)))
            cuts.append(String(text.prefix(cut)))
            cuts.append(String(text.suffix(max(text.count - cut, 0))))
        }
        // Every fourth text keeps the test to a few seconds; the corpus still covers 600 outputs and cut-offs.
        return stride(from: 0, to: texts.count + cuts.count, by: 4).map { k in k < texts.count ? texts[k] : cuts[k - texts.count] }
    }

    static let items: [(any AnswerScorer, BenchmarkItem)] = {
        func item(_ name: String, _ answer: String, choices: [String] = [], fields: [String: JSONValue] = [:]) -> BenchmarkItem {
            BenchmarkItem(benchmark: BenchmarkName(name: name, split: "test"), id: "r", messages: [], promptTemplate: "",
                          answer: answer, choices: choices, fields: fields)
        }
        return [
            (MathAnswerScorer(id: "math", integerAnswers: false), item("math500", "\\frac{14}{3}")),
            (MathAnswerScorer(id: "aime", integerAnswers: true), item("aime24", "204")),
            (MMMUScorer(pro: false), item("mmmu", "B", choices: ["1", "2", "3", "4"], fields: ["question_type": "multiple-choice"])),
            (MMMUScorer(pro: true), item("mmmu_pro", "C", fields: ["options": "['a', 'b', 'c', 'd']"])),
            (MMMUScorer(pro: false), item("mmmu", "6.5", fields: ["question_type": "open"])),
            (MathVistaScorer(), item("mathvista", "1.2", fields: ["question_type": "free_form", "answer_type": "float", "precision": 1])),
            (MathVistaScorer(), item("mathvista", "B", choices: ["Yes", "No"], fields: ["question_type": "multi_choice", "answer_type": "text"])),
            (MathVisionScorer(), item("mathvision", "A", choices: ["$\\frac{1}{2}$", "2", "3", "4", "5"])),
            (MathVisionScorer(), item("mathvision", "\\sqrt{3}")),
            (OlympiadBenchScorer(), item("olympiadbench", "x^2+y^2=1", fields: ["error": "1e-3"])),
            (GPQAScorer(), item("gpqa", "D", choices: ["a", "b", "c", "d"])),
        ]
    }()

    @Test func everyScorerIsTotalAndDeterministic() throws {
        let texts = try Self.corpus()
        #expect(texts.count >= 500)
        var scored = 0
        for text in texts {
            for (scorer, item) in Self.items {
                for mode in ScoringMode.allCases {
                    let input = ScoringInput(response: text)
                    let first = scorer.score(input, item: item, mode: mode)
                    let second = scorer.score(input, item: item, mode: mode)
                    #expect(first == second, "\(scorer.id) \(mode) not deterministic")
                    scored += 1
                }
            }
        }
        #expect(scored == texts.count * Self.items.count * 2)
    }
}
