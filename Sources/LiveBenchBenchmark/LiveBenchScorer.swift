import ProctorCore

/// What one task scorer found: the official score (0…1, partial credit where the task gives it) and the answer
/// it read.
struct TaskOutcome: Sendable, Hashable {
    var score: Double
    var extracted: String?
    var rule: String
}

/// LiveBench's ground-truth judge (`gen_ground_truth_judgment.py`, `play_a_match_gt`) for the tasks whose questions
/// Proctor has: every `<think>…</think>` block is removed from the answer, then the question's task (or subtask)
/// picks the task's own scorer from `livebench/process_results/**`.
///
/// Instruction-following questions are judged by IFEval's checks (the `InstructionChecks` target), with
/// one `SubResult` per instruction.
///
/// Both modes use the official extraction rules (LiveBench's judgments are deterministic string programs). They
/// differ only for AMPS_Hard's equivalence: `official` reads both sides as sympy does (an ANTLR-fallback function
/// application, complex principal branches), `strict` accepts what is mathematically equal over the reals, as a
/// careful grader would (docs/livebench.md). Where the official code raises (a failed assertion), the
/// verdict is `scorer-error` with score 0 and the reason in `details`.
public struct LiveBenchScorer: AnswerScorer {
    public let id = "livebench"
    public let version = 1

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        let answer = Self.removeThinking(input.response)
        let truncated = input.finishReason == .length
        if item.categories["category"] == "instruction_following" || item.fields["instruction_id_list"] != nil {
            return InstructionFollowing.verdict(answer, item: item, truncated: truncated)
        }
        do {
            let outcome = try Self.judge(answer, item: item, mode: mode)
            return Verdict(
                extracted: outcome.extracted, correct: outcome.score >= 1, score: outcome.score, truncated: truncated && outcome.score < 1,
                unparsed: outcome.extracted == nil && outcome.score == 0, rule: outcome.rule)
        } catch let failure as OfficialFailure {
            return Verdict(extracted: nil, correct: false, score: 0, truncated: truncated, rule: "scorer-error", details: ["error": .string(failure.reason)])
        } catch {
            return Verdict(extracted: nil, correct: false, score: 0, truncated: truncated, rule: "scorer-error", details: ["error": .string("\(error)")])
        }
    }

    /// The answer with every `<think>…</think>` block removed (non-greedy, across lines), as the official judge
    /// does before scoring.
    ///
    /// - Parameter response: The model's output.
    /// - Returns: What the task scorers read.
    public static func removeThinking(_ response: String) -> String {
        PyText.removeBlocks(response, open: "<think>", close: "</think>")
    }

    /// Scores an answer (thinking already removed) by the question's task.
    ///
    /// - Throws: `OfficialFailure` where the official code raises.
    static func judge(_ answer: String, item: BenchmarkItem, mode: ScoringMode = .official) throws -> TaskOutcome {
        let task = item.fields["task"]?.stringValue ?? item.benchmark.split
        let taskOrSubtask = item.fields["subtask"]?.stringValue ?? task
        let truth = item.answer
        let question = item.fields["turns"]?.arrayValue?.first?.stringValue ?? ""
        let releaseDate = item.fields["livebench_release_date"]?.stringValue ?? ""
        let parts = PyText.split(taskOrSubtask, "_")
        let head = parts[0]
        let second = parts.count > 1 ? parts[1] : nil
        if ["amc", "smc"].contains(head) || second == "amc" {
            return try MathCompetition.multipleChoice(truth: truth, answer: answer, question: question)
        }
        if head == "aime" { return MathCompetition.aime(truth: truth, answer: answer) }
        if ["imo", "usamo"].contains(head) { return try ProofRearrangement.score(truth: truth, answer: answer) }
        switch taskOrSubtask {
        case "cta": return try ColumnTypeAnnotation.score(truth: truth, answer: answer)
        case "tablereformat":
            return try TableReformat.score(question: question, truth: truth, answer: answer, version: releaseDate >= "2025-04-25" ? .v2 : .v1)
        case "tablejoin": return try TableJoin.score(truth: truth, answer: answer)
        case _ where PyText.contains(taskOrSubtask, "amps_hard"): return try AMPSHard.score(truth: truth, answer: answer, sympyReading: mode == .official)
        case "web_of_lies_v2": return try WebOfLies.score(truth: truth, answer: answer)
        case _ where PyText.contains(taskOrSubtask, "zebra_puzzle"):
            return releaseDate < "2024-11-25" ? ZebraPuzzle.scoreOld(truth: truth, answer: answer) : try ZebraPuzzle.score(truth: truth, answer: answer)
        case "spatial": return try Spatial.score(truth: truth, answer: answer)
        default:
            throw OfficialFailure(reason: "task \(taskOrSubtask) has no scorer in Proctor yet")
        }
    }
}
