import ProctorCore

extension ChatCompletionWire {
    /// `stream_options` of a request.
    public struct StreamOptions: Sendable, Codable, Hashable {
        /// Whether a last chunk carries the token counts (with an empty `choices`).
        public var includeUsage: Bool?

        /// Creates stream options.
        public init(includeUsage: Bool?) {
            self.includeUsage = includeUsage
        }

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    /// One server-sent event of a streamed chat completion (`object: chat.completion.chunk`).
    ///
    /// Encoded the way OpenAI sends it: `finish_reason` and `logprobs` as null until they apply, and `usage` as null
    /// on every chunk but the last when the client asked for usage (absent otherwise).
    public struct Chunk: Sendable, Codable, Hashable {
        /// The completion's id, the same on every chunk.
        public var id: String?
        /// `chat.completion.chunk`.
        public var object: String?
        /// Unix time of creation, the same on every chunk.
        public var created: Int?
        /// The model that answers.
        public var model: String?
        /// The choices this chunk adds to (empty on the usage chunk).
        public var choices: [ChunkChoice]
        /// Token counts (the last chunk, when asked for).
        public var usage: Usage?
        /// Whether `usage` is written (as null when nil); not part of the wire format.
        public var writesUsage = false

        enum CodingKeys: String, CodingKey {
            case id, object, created, model, choices, usage
        }

        /// Creates a chunk.
        public init(id: String, created: Int, model: String, choices: [ChunkChoice], usage: Usage? = nil, writesUsage: Bool = false) {
            self.id = id
            self.object = "chat.completion.chunk"
            self.created = created
            self.model = model
            self.choices = choices
            self.usage = usage
            self.writesUsage = writesUsage
        }

        /// Decodes a chunk (every field but `choices` may be missing).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            object = try container.decodeIfPresent(String.self, forKey: .object)
            created = try container.decodeIfPresent(Int.self, forKey: .created)
            model = try container.decodeIfPresent(String.self, forKey: .model)
            choices = try container.decodeIfPresent([ChunkChoice].self, forKey: .choices) ?? []
            usage = try container.decodeIfPresent(Usage.self, forKey: .usage)
        }

        /// Encodes the chunk in OpenAI's shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(object, forKey: .object)
            try container.encode(created, forKey: .created)
            try container.encode(model, forKey: .model)
            try container.encode(choices, forKey: .choices)
            if writesUsage || usage != nil { try container.encode(usage, forKey: .usage) }
        }
    }

    /// One choice's piece of a chunk.
    public struct ChunkChoice: Sendable, Codable, Hashable {
        /// Which choice (0 ..< n).
        public var index: Int
        /// What this chunk adds to the choice's message.
        public var delta: Delta
        /// Set on the choice's last chunk: `stop` or `length`.
        public var finishReason: String?
        /// The log-probabilities of the tokens this chunk adds, when the request asked for them.
        public var logprobs: Logprobs?

        enum CodingKeys: String, CodingKey {
            case index, delta, logprobs, finishReason = "finish_reason"
        }

        /// Creates a choice piece.
        public init(index: Int, delta: Delta, finishReason: String? = nil, logprobs: Logprobs? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        /// Decodes a choice piece (a missing delta is an empty one).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            index = try container.decodeIfPresent(Int.self, forKey: .index) ?? 0
            delta = try container.decodeIfPresent(Delta.self, forKey: .delta) ?? Delta()
            finishReason = try container.decodeIfPresent(String.self, forKey: .finishReason)
            logprobs = try container.decodeIfPresent(Logprobs.self, forKey: .logprobs)
        }

        /// Encodes `logprobs` and `finish_reason` as null when unset, as OpenAI does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(delta, forKey: .delta)
            try container.encode(logprobs, forKey: .logprobs)
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    /// What a chunk adds to a message: the role (first chunk), answer text, reasoning text.
    public struct Delta: Sendable, Codable, Hashable {
        /// `assistant`, on a choice's first chunk only.
        public var role: String?
        /// New answer text.
        public var content: String?
        /// New reasoning text (`reasoning_content`, as vLLM, SGLang and DeepSeek stream it).
        public var reasoningContent: String?
        /// New reasoning text under newer vLLM's name.
        public var reasoning: String?

        enum CodingKeys: String, CodingKey {
            case role, content, reasoningContent = "reasoning_content", reasoning
        }

        /// Creates a delta.
        public init(role: String? = nil, content: String? = nil, reasoningContent: String? = nil) {
            self.role = role
            self.content = content
            self.reasoningContent = reasoningContent
        }
    }
}
