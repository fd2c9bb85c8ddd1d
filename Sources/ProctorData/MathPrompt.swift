import ProctorCore

/// The prompt templates of text-only math benchmarks.
public enum MathPrompt {
    /// The template id of the DeepSeek-R1 prompt.
    public static let r1TemplateID = "r1-boxed-v1"

    /// DeepSeek-R1's recommended prompt: the problem, then "Please reason step by step, and put your final
    /// answer within \boxed{}." in one user turn, no system prompt.
    ///
    /// - Parameter problem: The problem statement.
    /// - Returns: The messages.
    public static func r1(_ problem: String) -> [ChatMessage] {
        [ChatMessage(role: .user, text: problem + "\nPlease reason step by step, and put your final answer within \\boxed{}.")]
    }
}
