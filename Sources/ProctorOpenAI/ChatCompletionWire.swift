import ProctorCore

/// The JSON that OpenAI-compatible servers speak (`POST /v1/chat/completions`, `GET /v1/models`).
///
/// Only the fields Proctor sends or reads are modelled. Both the client (`OpenAIBackend`) and the server in
/// `ProctorServe` use these types, so the two sides cannot drift apart.
public enum ChatCompletionWire {
    /// The body of `POST /chat/completions`.
    public struct Request: Sendable, Codable, Hashable {
        /// The served model's name.
        public var model: String
        /// The conversation.
        public var messages: [Message]
        /// Softmax temperature.
        public var temperature: Double?
        /// Nucleus sampling mass.
        public var topP: Double?
        /// The most tokens to generate.
        public var maxTokens: Int?
        /// The per-sample seed; Proctor's seeds are below 2^63 so that servers with a signed 64-bit field accept it.
        public var seed: UInt64?
        /// Strings that end generation.
        public var stop: [String]?
        /// An extra body field that vLLM, SGLang and llama.cpp's servers accept (not part of OpenAI's API).
        public var topK: Int?
        /// An extra body field that vLLM, SGLang and llama.cpp's servers accept.
        public var minP: Double?
        /// An extra body field that vLLM and SGLang accept.
        public var repetitionPenalty: Double?
        /// The same penalty under the name llama.cpp's server and llama-cpp-python's server read; Proctor sends both.
        public var repeatPenalty: Double?
        /// Whether to answer with server-sent events (Proctor sends `false` unless its configuration asks to stream).
        public var stream: Bool?
        /// `{"include_usage": true}` asks a streaming server for a last chunk with the token counts.
        public var streamOptions: StreamOptions?
        /// How many choices to generate (default 1).
        public var n: Int?
        /// The newer name of `max_tokens` (OpenAI's reasoning models accept only this one).
        public var maxCompletionTokens: Int?
        /// Whether to return each token's log-probability.
        public var logprobs: Bool?
        /// How many alternatives per token to return with their log-probabilities.
        public var topLogprobs: Int?
        /// Tools the model may call (`{"type": "function", "function": {name, description, parameters}}`).
        public var tools: [JSONValue]?

        /// Creates a request body.
        public init(
            model: String, messages: [Message], temperature: Double? = nil, topP: Double? = nil,
            maxTokens: Int? = nil, seed: UInt64? = nil, stop: [String]? = nil, topK: Int? = nil,
            minP: Double? = nil, repetitionPenalty: Double? = nil, stream: Bool? = false
        ) {
            self.model = model
            self.messages = messages
            self.temperature = temperature
            self.topP = topP
            self.maxTokens = maxTokens
            self.seed = seed
            self.stop = stop
            self.topK = topK
            self.minP = minP
            self.repetitionPenalty = repetitionPenalty
            self.repeatPenalty = repetitionPenalty
            self.stream = stream
        }

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, topP = "top_p", maxTokens = "max_tokens", seed, stop
            case topK = "top_k", minP = "min_p", repetitionPenalty = "repetition_penalty", repeatPenalty = "repeat_penalty", stream, tools
            case streamOptions = "stream_options", n, maxCompletionTokens = "max_completion_tokens", logprobs, topLogprobs = "top_logprobs"
        }
    }

    /// One chat message: `content` is either a plain string or a list of typed parts.
    public struct Message: Sendable, Codable, Hashable {
        /// `system`, `user` or `assistant`.
        public var role: String
        /// The text or the typed parts.
        public var content: Content
        /// The tools an assistant message called (`tool_calls`), sent back with the conversation.
        public var toolCalls: [ToolCall]?
        /// The call a `tool` message answers (`tool_call_id`).
        public var toolCallID: String?

        /// Creates a message.
        public init(role: String, content: Content, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
            self.role = role
            self.content = content
            self.toolCalls = toolCalls
            self.toolCallID = toolCallID
        }

        enum CodingKeys: String, CodingKey {
            case role, content, toolCalls = "tool_calls", toolCallID = "tool_call_id"
        }
    }

    /// A message's content in either of the two shapes the API allows.
    public enum Content: Sendable, Codable, Hashable {
        /// A plain string.
        case text(String)
        /// Typed parts in order.
        case parts([Part])

        /// Decodes a string or an array of parts.
        ///
        /// - Throws: `DecodingError` when the content is neither.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .parts(try container.decode([Part].self))
            }
        }

        /// Encodes the string or the array of parts.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .parts(let parts): try container.encode(parts)
            }
        }
    }

    /// A typed content part: `{"type": "text", "text": …}` or `{"type": "image_url", "image_url": {"url": …}}`.
    public struct Part: Sendable, Codable, Hashable {
        /// `text` or `image_url`.
        public var type: String
        /// The text of a text part.
        public var text: String?
        /// The image of an image part.
        public var imageURL: ImageURL?

        /// A text part.
        public static func text(_ text: String) -> Part { Part(type: "text", text: text, imageURL: nil) }
        /// An image part whose URL is usually a `data:` URL.
        public static func image(url: String) -> Part { Part(type: "image_url", text: nil, imageURL: ImageURL(url: url)) }

        enum CodingKeys: String, CodingKey {
            case type, text, imageURL = "image_url"
        }
    }

    /// The `image_url` object of an image part.
    public struct ImageURL: Sendable, Codable, Hashable {
        /// A `data:` URL (or, from other clients, a remote URL, which Proctor refuses).
        public var url: String
    }

    /// The body of a successful chat completion.
    public struct Response: Sendable, Codable, Hashable {
        /// The completion's id.
        public var id: String?
        /// `chat.completion`.
        public var object: String?
        /// Unix time of creation.
        public var created: Int?
        /// The model that answered.
        public var model: String?
        /// The answers; Proctor asks for one.
        public var choices: [Choice]
        /// Token counts.
        public var usage: Usage?

        /// Creates a response body.
        public init(id: String?, object: String? = "chat.completion", created: Int?, model: String?, choices: [Choice], usage: Usage?) {
            self.id = id
            self.object = object
            self.created = created
            self.model = model
            self.choices = choices
            self.usage = usage
        }
    }

    /// One choice of a response.
    public struct Choice: Sendable, Codable, Hashable {
        /// The choice's position.
        public var index: Int?
        /// The assistant's message.
        public var message: ResponseMessage
        /// `stop`, `length`, …
        public var finishReason: String?
        /// The tokens' log-probabilities, when the request asked for them.
        public var logprobs: Logprobs?

        /// Creates a choice.
        public init(index: Int?, message: ResponseMessage, finishReason: String?, logprobs: Logprobs? = nil) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        enum CodingKeys: String, CodingKey {
            case index, message, logprobs, finishReason = "finish_reason"
        }
    }

    /// The assistant message of a choice, with the reasoning that vLLM's and SGLang's reasoning parsers split off.
    public struct ResponseMessage: Sendable, Codable, Hashable {
        /// `assistant`.
        public var role: String?
        /// The answer text.
        public var content: String?
        /// `reasoning_content` (vLLM before 0.10, SGLang, DeepSeek's API).
        public var reasoningContent: String?
        /// `reasoning` (newer vLLM releases).
        public var reasoning: String?
        /// The tools the model called (`tool_calls`), when it called any.
        public var toolCalls: [ToolCall]?

        /// Creates a message.
        public init(role: String?, content: String?, reasoningContent: String?, reasoning: String? = nil) {
            self.role = role
            self.content = content
            self.reasoningContent = reasoningContent
            self.reasoning = reasoning
        }

        enum CodingKeys: String, CodingKey {
            case role, content, reasoningContent = "reasoning_content", reasoning, toolCalls = "tool_calls"
        }
    }

    /// One tool call of an assistant message.
    public struct ToolCall: Sendable, Codable, Hashable {
        /// The call's function: its name and its arguments as a JSON string.
        public struct Function: Sendable, Codable, Hashable {
            /// The function's name.
            public var name: String
            /// Its arguments, a JSON object as text.
            public var arguments: String
        }

        /// The call's id.
        public var id: String?
        /// `function`.
        public var type: String?
        /// What is called.
        public var function: Function

        /// Creates a tool call.
        public init(id: String?, type: String? = "function", function: Function) {
            self.id = id
            self.type = type
            self.function = function
        }
    }

    /// Token counts as the server reports them.
    public struct Usage: Sendable, Codable, Hashable {
        /// Tokens in the rendered prompt.
        public var promptTokens: Int?
        /// Tokens generated.
        public var completionTokens: Int?
        /// Their sum.
        public var totalTokens: Int?

        /// Creates token counts.
        public init(promptTokens: Int?, completionTokens: Int?, totalTokens: Int?) {
            self.promptTokens = promptTokens
            self.completionTokens = completionTokens
            self.totalTokens = totalTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalTokens = "total_tokens"
        }
    }

    /// The body of `GET /models`: each entry kept whole, because servers add their own fields (`root`,
    /// `max_model_len`, `owned_by`).
    public struct ModelList: Sendable, Codable, Hashable {
        /// `list`.
        public var object: String?
        /// The model entries.
        public var data: [JSONValue]

        /// Creates a model list.
        public init(object: String? = "list", data: [JSONValue]) {
            self.object = object
            self.data = data
        }
    }

    /// The body of an error answer: `{"error": {"message": …, "type": …, "code": …}}`.
    public struct ErrorEnvelope: Sendable, Codable, Hashable {
        /// The error.
        public var error: ErrorBody

        /// Creates an error body.
        ///
        /// - Parameters:
        ///   - message: What went wrong and what to do.
        ///   - type: `invalid_request_error`, `authentication_error`, `rate_limit_error`, `server_error`, …
        ///   - param: The request field at fault, if one is.
        ///   - code: OpenAI's machine-readable code (`model_not_found`, `invalid_api_key`,
        ///     `context_length_exceeded`, …), if one applies.
        public init(message: String, type: String, param: String? = nil, code: String? = nil) {
            self.error = ErrorBody(message: message, type: type, param: param, code: code)
        }
    }

    /// The inner object of an error answer: OpenAI always sends all four fields, `param` and `code` as null when
    /// they do not apply.
    public struct ErrorBody: Sendable, Codable, Hashable {
        /// What went wrong.
        public var message: String
        /// `invalid_request_error`, `server_error`, …
        public var type: String?
        /// The request field at fault.
        public var param: String?
        /// The machine-readable code.
        public var code: String?

        enum CodingKeys: String, CodingKey {
            case message, type, param, code
        }

        /// Creates an error.
        public init(message: String, type: String?, param: String?, code: String?) {
            self.message = message
            self.type = type
            self.param = param
            self.code = code
        }

        /// Decodes an error; a numeric `code` (some servers send the HTTP status) is kept as text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try container.decode(String.self, forKey: .message)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            param = try container.decodeIfPresent(String.self, forKey: .param)
            if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
                code = String(number)
            } else {
                code = try container.decodeIfPresent(String.self, forKey: .code)
            }
        }

        /// Encodes all four fields, absent ones as null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(type, forKey: .type)
            try container.encode(param, forKey: .param)
            try container.encode(code, forKey: .code)
        }
    }
}
