import MathEquivalence
import ProctorCore

/// Separates a reasoning trace from the answer that follows it.
public enum ReasoningSplit {
    /// The part of an output that is scored, and whether the output was truncated.
    public struct Parts: Sendable, Hashable {
        /// The text after the last `</think>`, or the whole output when it has no think tags.
        public var answerText: Substring
        /// The reasoning never closed (an opening `<think>` with no `</think>`, or a `length` stop without one).
        public var truncated: Bool
    }

    /// Splits an output: only the text after the last `</think>` is scored; an output whose reasoning never
    /// closed is truncated and has no answer.
    ///
    /// - Parameters:
    ///   - output: The raw model output.
    ///   - finishReason: Why generation stopped, when known.
    /// - Returns: The answer text and the truncation flag.
    public static func split(_ output: String, finishReason: FinishReason?) -> Parts {
        if let close = output.scanRange(of: "</think>", backwards: true) {
            return Parts(answerText: output[close.upperBound...], truncated: false)
        }
        if output.scanContains("<think>") || finishReason == .length {
            return Parts(answerText: output[output.endIndex...], truncated: true)
        }
        return Parts(answerText: output[...], truncated: false)
    }
}
