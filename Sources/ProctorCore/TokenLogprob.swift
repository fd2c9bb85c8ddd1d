/// One generated token with its log-probability and the most likely alternatives at its position, as a backend
/// that computes them reports it (the log-softmax of the model's raw logits, before any sampling setting).
public struct TokenLogprob: Sendable, Codable, Hashable {
    /// An alternative token at the same position.
    public struct Alternative: Sendable, Codable, Hashable {
        /// The token's text (``TokenLogprob/text(of:)``).
        public var token: String
        /// The token's own bytes (part of a character when the token is).
        public var bytes: [UInt8]
        /// Its natural-log probability.
        public var logprob: Double

        /// Creates an alternative.
        public init(token: String, bytes: [UInt8], logprob: Double) {
            self.token = token
            self.bytes = bytes
            self.logprob = logprob
        }
    }

    /// The token's text (``TokenLogprob/text(of:)``).
    public var token: String
    /// The token's own bytes; the bytes of a completion's tokens join to its text's UTF-8.
    public var bytes: [UInt8]
    /// Its natural-log probability.
    public var logprob: Double
    /// The most likely tokens at this position, most likely first (as many as asked for).
    public var top: [Alternative]

    /// Creates a token's log-probabilities.
    public init(token: String, bytes: [UInt8], logprob: Double, top: [Alternative]) {
        self.token = token
        self.bytes = bytes
        self.logprob = logprob
        self.top = top
    }

    /// The text of a token's bytes: the UTF-8 text when they are valid UTF-8, else OpenAI's form for a piece of a
    /// character, `bytes:\xe2\x80` (the bytes in lowercase hex).
    ///
    /// - Parameter bytes: A token's bytes.
    /// - Returns: The token's text.
    public static func text(of bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return "bytes:" + bytes.map { "\\x" + ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    enum CodingKeys: String, CodingKey {
        case token, bytes, logprob, top
    }
}
