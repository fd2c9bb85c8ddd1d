import InstructionChecks
import ProctorCore

/// LiveBench's instruction-following scorer (`instruction_following_process_results` over
/// `evaluation_main.test_instruction_following_strict`): IFEval's checks, strict, on the answer with its thinking
/// removed and stripped; the score is half for following every instruction plus half the fraction followed.
enum InstructionFollowing {
    static let kind = "instruction"

    static func verdict(_ answer: String, item: BenchmarkItem, truncated: Bool) -> Verdict {
        let response = PyText.strip(answer)
        let ids = item.fields["instruction_id_list"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let kwargs = item.fields["kwargs"]?.arrayValue ?? []
        let hasText = response.unicodeScalars.contains { !PyText.isSpace($0) }
        var parts: [SubResult] = []
        var errors: [String] = []
        for (index, id) in ids.enumerated() {
            let arguments = index < kwargs.count ? kwargs[index].objectValue ?? [:] : [:]
            do {
                let check = try InstructionCheck(id: id, kwargs: arguments)
                let followed = hasText && check.isFollowed(by: response)
                parts.append(SubResult(kind: kind, index: index, id: id, passed: followed, reason: followed ? nil : "not followed"))
            } catch {
                errors.append("\(id): \(error)")
                parts.append(SubResult(kind: kind, index: index, id: id, passed: false, reason: "scorer-error: \(error)"))
            }
        }
        guard !parts.isEmpty else {
            return Verdict(extracted: nil, correct: false, score: 0, truncated: truncated, rule: "scorer-error",
                details: ["error": "the question lists no instructions"])
        }
        let followed = parts.count { $0.passed }
        let all = followed == parts.count
        let score = ((all ? 1.0 : 0.0) + Double(followed) / Double(parts.count)) / 2
        var details: [String: JSONValue] = ["followed": .int(followed), "instructions": .int(parts.count)]
        if !errors.isEmpty { details["error"] = .string(errors.joined(separator: "; ")) }
        return Verdict(
            extracted: nil, correct: all, score: score, truncated: truncated && !all, unparsed: !hasText,
            rule: errors.isEmpty ? "instructions" : "scorer-error", details: details, subResults: parts)
    }
}
