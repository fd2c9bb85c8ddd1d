import Foundation
import ProctorCore

/// An optional LLM judge: asks a model served over any backend whether an output's final answer matches the gold
/// answer. Its verdicts are stored beside the rule verdicts and never replace them; reports show how often the two
/// agree. Judging is not deterministic the way rule scoring is (it depends on the judge model and its server), so
/// the judge model's identity is stored with every judgement.
public struct LLMJudge: Sendable {
    /// What the judge said about one sample.
    public struct Judgement: Sendable, Hashable, Codable {
        /// Whether the judge called the answer correct (nil when its reply had no verdict line).
        public var correct: Bool?
        /// The final answer the judge read out of the output, if it gave one.
        public var extracted: String?
        /// The judge's whole reply.
        public var reply: String
    }

    /// The template id, stored with every judgement; bump it when the prompt changes.
    public static let promptVersion = "judge-v1"

    let backend: any InferenceBackend
    let maxTokens: Int

    /// Creates a judge.
    ///
    /// - Parameters:
    ///   - backend: The judge model (usually an OpenAI-compatible server).
    ///   - maxTokens: The judge's reply budget.
    public init(backend: any InferenceBackend, maxTokens: Int = 512) {
        self.backend = backend
        self.maxTokens = maxTokens
    }

    /// The judge's prompt for one sample: the question, the gold answer and the end of the output's answer text.
    ///
    /// - Parameters:
    ///   - output: The raw output (its reasoning is cut off; only the final answer part is shown).
    ///   - item: The item with its question and gold answer.
    /// - Returns: The messages sent to the judge.
    public static func prompt(output: String, item: BenchmarkItem) -> [ChatMessage] {
        let answerText = String(ReasoningSplit.split(output, finishReason: nil).answerText.suffix(3000))
        let question = item.messages.map(\.text).joined(separator: "\n")
        var gold = item.answer
        if let index = gold.unicodeScalars.first.flatMap({ Int($0.value) - 65 }), gold.count == 1, item.choices.indices.contains(index) {
            gold += " (\(item.choices[index]))"
        }
        let text = """
            You are grading an answer to an exam question. Decide whether the response's FINAL answer is \
            mathematically or semantically equivalent to the reference answer. Ignore the reasoning; judge only the \
            final answer. Reply with exactly two lines:
            EXTRACTED: <the response's final answer, or NONE>
            VERDICT: CORRECT or VERDICT: INCORRECT

            [Question]
            \(question.isEmpty ? "(not stored)" : String(question.prefix(4000)))

            [Reference answer]
            \(gold)

            [Response]
            \(answerText.isEmpty ? "(no final answer)" : answerText)
            """
        return [ChatMessage(role: .user, text: text)]
    }

    /// Reads the judge's reply: the last `VERDICT:` line and the last `EXTRACTED:` line.
    ///
    /// - Parameter reply: The judge's text.
    /// - Returns: The judgement (`correct` nil when there is no verdict line).
    public static func parse(_ reply: String) -> Judgement {
        let answer = String(ReasoningSplit.split(reply, finishReason: nil).answerText)
        var correct: Bool?
        var extracted: String?
        for line in answer.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "*", with: "")
            let upper = trimmed.uppercased()
            if upper.hasPrefix("VERDICT:") {
                let value = upper.dropFirst("VERDICT:".count).trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("INCORRECT") { correct = false } else if value.hasPrefix("CORRECT") { correct = true }
            } else if upper.hasPrefix("EXTRACTED:") {
                let value = trimmed.dropFirst("EXTRACTED:".count).trimmingCharacters(in: .whitespaces)
                extracted = value.uppercased() == "NONE" || value.isEmpty ? nil : value
            }
        }
        return Judgement(correct: correct, extracted: extracted, reply: reply)
    }

    /// Asks the judge about one sample (greedy, seeded).
    ///
    /// - Parameters:
    ///   - output: The raw output.
    ///   - item: The item.
    /// - Returns: The judgement.
    /// - Throws: The backend's error when the judge could not be reached.
    public func judge(output: String, item: BenchmarkItem) async throws -> Judgement {
        let request = GenerationRequest(
            messages: Self.prompt(output: output, item: item),
            parameters: GenerationParameters(temperature: 0, topP: 1, maxTokens: maxTokens, seed: 0))
        return Self.parse(try await backend.generate(request).text)
    }
}
