import Foundation
import InstructionChecks
import ProctorCore
import Testing

/// LiveBench's instruction-following questions use the same checkers with kwargs padded with nulls: every one of
/// their instructions must build (the LiveBench definition reuses `InstructionCheck` as it is).
struct LiveBenchArgumentsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/livebench/instruction_following")

    struct Question: Decodable {
        var questionID: String
        var instructionIDs: [String]
        var kwargs: [[String: JSONValue]]
        enum CodingKeys: String, CodingKey { case questionID = "question_id", instructionIDs = "instruction_id_list", kwargs }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "needs ../shared/data/livebench/instruction_following"))
    func everyLiveBenchInstructionBuilds() throws {
        var built = 0
        for task in ["paraphrase", "simplify", "story_generation", "summarize"] {
            let file = Self.folder.appendingPathComponent("\(task)/question.jsonl")
            for (line, question) in try JSONLines.decode(Question.self, from: file) {
                #expect(question.instructionIDs.count == question.kwargs.count, "\(file.path):\(line)")
                for (id, kwargs) in zip(question.instructionIDs, question.kwargs) {
                    #expect(throws: Never.self, "\(file.lastPathComponent):\(line) \(question.questionID) \(id)") {
                        _ = try InstructionCheck(id: id, kwargs: kwargs)
                    }
                    built += 1
                }
            }
        }
        #expect(built > 1000)
    }
}
