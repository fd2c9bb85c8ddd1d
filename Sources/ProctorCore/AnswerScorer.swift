/// Which rules decide a verdict.
public enum ScoringMode: String, Sendable, Codable, Hashable, CaseIterable {
    /// A faithful port of the benchmark's official scorer, its random and LLM parts made deterministic.
    case official
    /// What a careful human grader accepts.
    case strict
}

/// What a scorer reads: the model's output and how it ended.
public struct ScoringInput: Sendable, Codable, Hashable {
    /// The raw output text.
    public var response: String
    /// Why generation stopped, when known (a `length` stop with no closing `</think>` is truncated).
    public var finishReason: FinishReason?
    /// An answer already extracted by another tool: scored as given, with no extraction.
    public var preExtracted: String?
    /// Which of the k samples this is (feeds the deterministic random fallback of official scorers).
    public var sampleIndex: Int

    /// Creates an input.
    public init(response: String, finishReason: FinishReason? = nil, preExtracted: String? = nil, sampleIndex: Int = 0) {
        self.response = response
        self.finishReason = finishReason
        self.preExtracted = preExtracted
        self.sampleIndex = sampleIndex
    }
}

/// The outcome of scoring one sample.
public struct Verdict: Sendable, Codable, Hashable {
    /// The answer the extractor found (nil when none).
    public var extracted: String?
    /// Whether it is right.
    public var correct: Bool
    /// Partial credit in 0…1 (1 or 0 for all-or-nothing benchmarks).
    public var score: Double
    /// The output never finished its reasoning (no closing `</think>`, or it hit the token limit without one).
    public var truncated: Bool
    /// The output finished but no answer could be found in it.
    public var unparsed: Bool
    /// Which extraction rule fired (`boxed`, `answer-is`, `random-fallback`, …).
    public var rule: String
    /// Anything else the scorer wants kept (normalised forms, random fallback, the official error type).
    public var details: [String: JSONValue]
    /// The parts judged on their own (instructions, test cases, calls), in the benchmark's order; empty for
    /// benchmarks judged as a whole.
    public var subResults: [SubResult]

    /// Creates a verdict.
    public init(
        extracted: String?, correct: Bool, score: Double? = nil, truncated: Bool = false, unparsed: Bool = false,
        rule: String, details: [String: JSONValue] = [:], subResults: [SubResult] = []
    ) {
        self.extracted = extracted
        self.correct = correct
        self.score = score ?? (correct ? 1 : 0)
        self.truncated = truncated
        self.unparsed = unparsed
        self.rule = rule
        self.details = details
        self.subResults = subResults
    }

    enum CodingKeys: String, CodingKey {
        case extracted, correct, score, truncated, unparsed, rule, details, subResults = "sub_results"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        extracted = try container.decodeIfPresent(String.self, forKey: .extracted)
        correct = try container.decode(Bool.self, forKey: .correct)
        score = try container.decode(Double.self, forKey: .score)
        truncated = try container.decode(Bool.self, forKey: .truncated)
        unparsed = try container.decode(Bool.self, forKey: .unparsed)
        rule = try container.decode(String.self, forKey: .rule)
        details = try container.decode([String: JSONValue].self, forKey: .details)
        // Verdicts written before sub-results existed have none.
        subResults = try container.decodeIfPresent([SubResult].self, forKey: .subResults) ?? []
    }
}

/// Extracts an answer from a model output and decides whether it is right, synchronously: the common case of an
/// `ItemScorer`.
///
/// Scorers are pure functions of (input, item, mode): no clocks, no unseeded randomness, no network, so that
/// `proctor rescore` and another machine give the same verdicts.
public protocol AnswerScorer: ItemScorer {
    /// Scores one sample.
    ///
    /// - Parameters:
    ///   - input: The output and how it ended.
    ///   - item: The benchmark item with its gold answer.
    ///   - mode: Official or strict rules.
    /// - Returns: The verdict.
    func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict
}
