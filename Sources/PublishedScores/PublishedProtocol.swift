/// How a published figure was measured, as far as its source says.
///
/// Every field is optional: nil means the source does not state it. `Proctor` never fills an unstated field with a
/// guess; a reproduction records which fields were unstated so a reader can see how much of the protocol is known.
public struct PublishedProtocol: Sendable, Codable, Hashable {
    /// Samples per item (k) behind the figure (pass@1 averaged over k).
    public var samples: Int?
    /// Sampling temperature (0: greedy).
    public var temperature: Double?
    /// Nucleus sampling mass.
    public var topP: Double?
    /// Most tokens generated per sample.
    public var maxTokens: Int?
    /// The prompt: `official` (the benchmark authors' prompts), a Proctor prompt variant (`vlmevalkit`), or the
    /// source's own words when it matches neither (`zero-shot (lighteval)`).
    public var promptStyle: String?
    /// How answers were judged: `official` or `strict` (Proctor's modes), or the scorer the source names.
    public var scorerMode: String?
    /// The LLM judge or extractor, if one was used (`gpt-4-0613` for MathVista's answer extraction); `none` when the
    /// source says rules alone were used.
    public var judge: String?
    /// The split (`testmini`, `validation`).
    public var split: String?
    /// How many items the figure is over.
    public var items: Int?
    /// The weights the figure was measured with (`bf16`, `Q4_1`), when the source says.
    public var weights: String?

    enum CodingKeys: String, CodingKey {
        case samples, temperature, topP = "top_p", maxTokens = "max_tokens", promptStyle = "prompt_style"
        case scorerMode = "scorer_mode", judge, split, items, weights
    }

    /// Creates a protocol; nil fields are unstated.
    public init(
        samples: Int? = nil, temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, promptStyle: String? = nil,
        scorerMode: String? = nil, judge: String? = nil, split: String? = nil, items: Int? = nil, weights: String? = nil
    ) {
        self.samples = samples
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.promptStyle = promptStyle
        self.scorerMode = scorerMode
        self.judge = judge
        self.split = split
        self.items = items
        self.weights = weights
    }

    /// This protocol with every field that `other` states taken from `other` (a figure's own protocol over its
    /// source's).
    ///
    /// - Parameter other: The more specific protocol.
    /// - Returns: The merged protocol.
    public func overridden(by other: PublishedProtocol?) -> PublishedProtocol {
        guard let other else { return self }
        return PublishedProtocol(
            samples: other.samples ?? samples, temperature: other.temperature ?? temperature, topP: other.topP ?? topP,
            maxTokens: other.maxTokens ?? maxTokens, promptStyle: other.promptStyle ?? promptStyle,
            scorerMode: other.scorerMode ?? scorerMode, judge: other.judge ?? judge, split: other.split ?? split,
            items: other.items ?? items, weights: other.weights ?? weights)
    }

    /// The names of the generation settings the source leaves unstated (those a run must choose itself).
    public var unstatedSettings: [String] {
        var names: [String] = []
        if samples == nil { names.append("samples") }
        if temperature == nil { names.append("temperature") }
        if topP == nil { names.append("top_p") }
        if maxTokens == nil { names.append("max_tokens") }
        if promptStyle == nil { names.append("prompt_style") }
        return names
    }
}
