import ProctorCore

/// Steps every scorer shares: the reasoning split and the verdicts for truncated and unparsed samples.
public enum ScoringSteps {
    /// The answer text of `input`, or the verdict to return at once (a truncated sample scores 0).
    ///
    /// - Parameter input: The sample.
    /// - Returns: `.success(answerText)` or `.failure(verdict)`.
    public static func answerText(_ input: ScoringInput) -> Result<Substring, EarlyVerdict> {
        let parts = ReasoningSplit.split(input.response, finishReason: input.finishReason)
        if parts.truncated {
            return .failure(EarlyVerdict(verdict: Verdict(extracted: nil, correct: false, truncated: true, rule: "truncated")))
        }
        return .success(parts.answerText)
    }

    /// The text to extract from: a pre-extracted answer as given, else the answer text of the output.
    ///
    /// - Parameter input: The sample.
    /// - Returns: `.success(text)` or `.failure(verdict)` for a truncated sample.
    public static func textOrPreExtracted(_ input: ScoringInput) -> Result<Substring, EarlyVerdict> {
        if let given = input.preExtracted { return .success(Substring(given)) }
        return answerText(input)
    }

    /// A verdict for an output in which no answer was found.
    public static func unparsed(_ rule: String = "none", details: [String: JSONValue] = [:]) -> Verdict {
        Verdict(extracted: nil, correct: false, unparsed: true, rule: rule, details: details)
    }
}

/// A verdict decided before extraction (wrapped so that it can travel in a `Result`).
public struct EarlyVerdict: Error, Sendable {
    /// The verdict.
    public var verdict: Verdict
}
