import Foundation
import ProctorCore

/// Everything that decides what a run computes. Two invocations with equal configurations are the same run: the
/// second one resumes the first. Shard, concurrency, limit and database path are not part of it.
public struct RunConfig: Sendable, Codable, Hashable {
    /// Where the outputs come from: `inference` (a backend) or `predictions` (a file scored with `proctor score`).
    public var source: String
    /// The model.
    public var model: ModelIdentity
    /// Sampling settings; `seed` is the run seed from which each sample's seed is derived.
    public var parameters: GenerationParameters
    /// Samples per item (k).
    public var samples: Int
    /// The preset the settings came from (`r1`), if any.
    public var preset: String?
    /// The prompt variant (`vlmevalkit`) when not the benchmarks' official prompts; nil for the official ones.
    public var promptStyle: String?
    /// The published figure this run reproduces (`MODEL:BENCHMARK` of `proctor run --reproduce`), when every
    /// setting its source states was followed; nil for other runs.
    public var reproduces: String?
    /// The question release of the benchmarks that have releases (LiveBench: `--release`, else the latest one);
    /// nil for runs without such benchmarks.
    public var release: String?

    /// Creates a configuration.
    public init(
        source: String = "inference", model: ModelIdentity, parameters: GenerationParameters, samples: Int, preset: String?,
        promptStyle: String? = nil, reproduces: String? = nil, release: String? = nil
    ) {
        self.source = source
        self.model = model
        self.parameters = parameters
        self.samples = samples
        self.preset = preset
        self.promptStyle = promptStyle
        self.reproduces = reproduces
        self.release = release
    }

    /// The SHA-256 of the fields that identify the run: the model's kind, name and weights (not its location, so
    /// shards that reached the same model at different addresses are one run), the settings, k, the preset and the
    /// prompt variant (absent for the official prompts, so runs made before it existed keep their ids) and the
    /// reproduced figure and the release (absent likewise).
    public var hash: String {
        struct Identity: Encodable {
            var source: String
            var kind: String
            var name: String
            var weights: String?
            var parameters: GenerationParameters
            var samples: Int
            var preset: String?
            var promptStyle: String?
            var reproduces: String?
            var release: String?
        }
        let identity = Identity(
            source: source, kind: model.kind, name: model.name, weights: model.weightsSHA256, parameters: parameters,
            samples: samples, preset: preset, promptStyle: promptStyle, reproduces: reproduces, release: release)
        return SHA256.hex(Data(JSONCoding.canonical(identity).utf8))
    }

    enum CodingKeys: String, CodingKey {
        case source, model, parameters, samples, preset, promptStyle, reproduces, release
    }
}

/// A run as stored.
public struct RunRecord: Sendable, Codable, Hashable {
    /// The run's id: the first 12 hex digits of its configuration hash.
    public var runID: String
    /// The configuration.
    public var config: RunConfig
    /// A name given with `--label` (a checkpoint name), if any.
    public var label: String?
    /// The Proctor version that created the run.
    public var harnessVersion: String
    /// Proctor's git commit, when known.
    public var gitCommit: String?
    /// The host that created the run.
    public var host: String?
    /// When the run was created and last written (ISO 8601).
    public var createdAt: String
    public var updatedAt: String

    /// A short human name: the label, else the model name with the run id.
    public var displayName: String { label ?? "\(config.model.name) [\(runID)]" }
}

/// The key of one sample: which run, benchmark, item and sample index.
public struct SampleKey: Sendable, Codable, Hashable {
    public var benchmark: String
    public var itemID: String
    public var sampleIndex: Int

    /// Creates a key.
    public init(benchmark: String, itemID: String, sampleIndex: Int) {
        self.benchmark = benchmark
        self.itemID = itemID
        self.sampleIndex = sampleIndex
    }
}

/// One generated (or imported) output and everything known about how it was produced.
public struct SampleRecord: Sendable, Codable, Hashable {
    public var runID: String
    public var key: SampleKey
    /// The sample's seed.
    public var seed: UInt64
    /// The prompt messages as JSON (image bytes replaced by their hashes).
    public var promptJSON: String
    /// The prompt as the backend rendered it, when known.
    public var renderedPrompt: String?
    /// Content hashes of the images sent.
    public var imageHashes: [String]
    /// The raw output (nil when the request failed).
    public var output: String?
    public var reasoningContent: String?
    /// An answer extracted by another tool (imported predictions), scored as given.
    public var preExtracted: String?
    public var finishReason: FinishReason?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var latencyMs: Double?
    /// Why the request failed (nil when it succeeded).
    public var error: String?
    /// The shard that produced it (`2/3`), if sharded.
    public var shard: String?
    public var host: String?
    public var createdAt: String

    /// Creates a record.
    public init(
        runID: String, key: SampleKey, seed: UInt64, promptJSON: String, renderedPrompt: String? = nil,
        imageHashes: [String] = [], output: String?, reasoningContent: String? = nil, preExtracted: String? = nil,
        finishReason: FinishReason?,
        promptTokens: Int? = nil, completionTokens: Int? = nil, latencyMs: Double? = nil, error: String? = nil,
        shard: String? = nil, host: String? = nil, createdAt: String = Timestamp.now()
    ) {
        self.runID = runID
        self.key = key
        self.seed = seed
        self.promptJSON = promptJSON
        self.renderedPrompt = renderedPrompt
        self.imageHashes = imageHashes
        self.output = output
        self.reasoningContent = reasoningContent
        self.preExtracted = preExtracted
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencyMs = latencyMs
        self.error = error
        self.shard = shard
        self.host = host
        self.createdAt = createdAt
    }
}

/// One verdict on one sample in one mode.
public struct ScoreRecord: Sendable, Codable, Hashable {
    public var runID: String
    public var key: SampleKey
    public var mode: ScoringMode
    public var scorerID: String
    public var scorerVersion: Int
    public var verdict: Verdict

    /// Creates a record.
    public init(runID: String, key: SampleKey, mode: ScoringMode, scorerID: String, scorerVersion: Int, verdict: Verdict) {
        self.runID = runID
        self.key = key
        self.mode = mode
        self.scorerID = scorerID
        self.scorerVersion = scorerVersion
        self.verdict = verdict
    }
}
