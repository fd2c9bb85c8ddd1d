import ProctorCore

extension ChatCompletionWire {
    /// A choice's `logprobs` (and a streamed chunk's): `{"content": [TokenLogprob], "refusal": null}`.
    public struct Logprobs: Sendable, Codable, Hashable {
        /// Per token of the content, in order.
        public var content: [TokenLogprob]?
        /// Per token of a refusal (always null from Proctor, which never refuses).
        public var refusal: [TokenLogprob]?

        /// Creates a choice's log-probabilities.
        public init(content: [TokenLogprob]?, refusal: [TokenLogprob]? = nil) {
            self.content = content
            self.refusal = refusal
        }

        /// The wire form of a backend's token log-probabilities.
        ///
        /// - Parameter tokens: The tokens of a completion or a delta.
        public init(_ tokens: [ProctorCore.TokenLogprob]) {
            self.init(content: tokens.map(TokenLogprob.init))
        }

        enum CodingKeys: String, CodingKey {
            case content, refusal
        }

        /// Encodes both fields, null when absent, as OpenAI does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(content, forKey: .content)
            try container.encode(refusal, forKey: .refusal)
        }
    }

    /// One token of `logprobs.content`: its text, log-probability, UTF-8 bytes and the most likely alternatives.
    public struct TokenLogprob: Sendable, Codable, Hashable {
        /// The token's text.
        public var token: String
        /// Its natural-log probability.
        public var logprob: Double
        /// Its bytes as integers 0…255 (the bytes of the tokens of a content join to its UTF-8).
        public var bytes: [Int]?
        /// The most likely tokens at this position, most likely first.
        public var topLogprobs: [TopLogprob]

        /// The wire form of a backend's token.
        public init(_ token: ProctorCore.TokenLogprob) {
            self.token = token.token
            logprob = token.logprob
            bytes = token.bytes.map(Int.init)
            topLogprobs = token.top.map { TopLogprob(token: $0.token, logprob: $0.logprob, bytes: $0.bytes.map(Int.init)) }
        }

        enum CodingKeys: String, CodingKey {
            case token, logprob, bytes, topLogprobs = "top_logprobs"
        }
    }

    /// An alternative of `top_logprobs`.
    public struct TopLogprob: Sendable, Codable, Hashable {
        /// The token's text.
        public var token: String
        /// Its natural-log probability.
        public var logprob: Double
        /// Its bytes as integers 0…255.
        public var bytes: [Int]?

        /// Creates an alternative.
        public init(token: String, logprob: Double, bytes: [Int]?) {
            self.token = token
            self.logprob = logprob
            self.bytes = bytes
        }
    }
}
