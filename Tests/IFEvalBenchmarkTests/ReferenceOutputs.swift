import Foundation
import IFEvalBenchmark
import ProctorCore
import ProctorTestSupport

/// The published checker outputs (`eval_results_{strict,loose}.jsonl`, GPT-4's responses from the IFEval paper run
/// through the official checker) and Proctor's verdicts on the same responses.
struct ReferenceOutputs {
    /// One published row.
    struct Row: Decodable {
        var prompt: String
        var response: String
        var instructionIDs: [String]
        var followed: [Bool]

        enum CodingKeys: String, CodingKey {
            case prompt, response, instructionIDs = "instruction_id_list", followed = "follow_instruction_list"
        }
    }

    /// One instruction of one row: the published verdicts and Proctor's.
    struct Instruction {
        var row: Int
        var itemID: String
        var id: String
        var referenceStrict: Bool
        var referenceLoose: Bool
        var strict: Bool
        var loose: Bool
        /// The official checker draws this instruction's argument at random (its published verdict is one draw).
        var officialRandom: Bool
    }

    /// One row's prompt-level verdicts.
    struct Prompt {
        var itemID: String
        var referenceStrict: Bool
        var referenceLoose: Bool
        var strict: Bool
        var loose: Bool
        /// Some instruction of the row has a random official verdict.
        var officialRandom: Bool
    }

    static let folder = Fixtures.sharedData.appendingPathComponent("ifeval")
    static let strictFile = folder.appendingPathComponent("reference-outputs/eval_results_strict.jsonl")
    static let looseFile = folder.appendingPathComponent("reference-outputs/eval_results_loose.jsonl")
    static var available: Bool { FileManager.default.fileExists(atPath: strictFile.path) && FileManager.default.fileExists(atPath: looseFile.path) }

    var strictRows: [Row]
    var looseRows: [Row]
    var instructions: [Instruction]
    /// Prompt-level verdicts per row.
    var prompts: [Prompt]
    /// Proctor's verdict per row's item id (official mode), for the definition's own metrics.
    var verdicts: [String: Verdict]

    /// Loads both files, reads the strict file as a predictions file through the definition's own format, and scores
    /// every row with the definition's scorer (official mode).
    static func load() async throws -> ReferenceOutputs {
        let definition = IFEvalBenchmark.definition
        let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)
        let items = Dictionary(uniqueKeysWithValues: try definition.adapter.load(split: "train", from: location).map { ($0.id, $0) })
        let strictRows = try JSONLines.decode(Row.self, from: strictFile).map(\.value)
        let looseRows = try JSONLines.decode(Row.self, from: looseFile).map(\.value)
        guard let format = definition.predictionFormats.first, let predictions = try format.read(strictFile, items: items, split: "train") else {
            throw ProctorError(.invalidInput, "the reference file was not read as \(definition.predictionFormats.first?.name ?? "a predictions file")")
        }
        let scorer = try definition.makeScorer(ScorerContext(data: location))
        var instructions: [Instruction] = []
        var prompts: [Prompt] = []
        var verdicts: [String: Verdict] = [:]
        for (index, prediction) in predictions.enumerated() {
            guard let item = items[prediction.itemID] else { continue }
            let verdict = await scorer.verdict(ScoringInput(response: prediction.response), item: item, mode: .official)
            verdicts[item.id] = verdict
            let strict = strictRows[index], loose = looseRows[index]
            for (k, part) in verdict.subResults.enumerated() where k < strict.followed.count && k < loose.followed.count {
                instructions.append(Instruction(
                    row: index + 1, itemID: item.id, id: part.id, referenceStrict: strict.followed[k], referenceLoose: loose.followed[k],
                    strict: part.passed, loose: part.values["loose"] == 1, officialRandom: part.values["official_random"] == 1))
            }
            let parts = verdict.subResults
            prompts.append(Prompt(
                itemID: item.id, referenceStrict: strict.followed.allSatisfy { $0 }, referenceLoose: loose.followed.allSatisfy { $0 },
                strict: !parts.isEmpty && parts.allSatisfy(\.passed), loose: !parts.isEmpty && parts.allSatisfy { $0.values["loose"] == 1 },
                officialRandom: parts.contains { $0.values["official_random"] == 1 }))
        }
        return ReferenceOutputs(strictRows: strictRows, looseRows: looseRows, instructions: instructions, prompts: prompts, verdicts: verdicts)
    }
}

extension ReferenceOutputs {
    /// The rows whose prompt-level verdicts satisfy `keep`, with their instructions.
    func filtered(_ keep: (Prompt) -> Bool) -> ReferenceOutputs {
        let kept = prompts.filter(keep)
        let ids = Set(kept.map(\.itemID))
        return ReferenceOutputs(
            strictRows: strictRows, looseRows: looseRows, instructions: instructions.filter { ids.contains($0.itemID) }, prompts: kept,
            verdicts: verdicts.filter { ids.contains($0.key) })
    }
}
