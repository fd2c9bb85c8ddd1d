import GRDB
import ProctorCore

/// A row of `runs`: every column as stored, and the configuration decoded from `config_json`.
struct RunRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "runs"

    enum Columns: String, ColumnExpression {
        case runID = "run_id", configHash = "config_hash", configJSON = "config_json", label, source
        case modelKind = "model_kind", modelName = "model_name", modelLocation = "model_location", weightsSHA256 = "weights_sha256"
        case preset, samples, seed, paramsJSON = "params_json", harnessVersion = "harness_version", gitCommit = "git_commit", host
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    var runID: String
    var configHash: String
    var configJSON: String
    var config: RunConfig
    var label: String?
    var source: String
    var modelKind: String
    var modelName: String
    var modelLocation: String
    var weightsSHA256: String?
    var preset: String?
    var samples: Int
    var seed: Int64
    var paramsJSON: String
    var harnessVersion: String
    var gitCommit: String?
    var host: String?
    var createdAt: String
    var updatedAt: String

    /// The row of a new run.
    init(config: RunConfig, label: String?, harnessVersion: String, gitCommit: String?, host: String?, now: String) {
        configHash = config.hash
        runID = String(configHash.prefix(12))
        configJSON = JSONCoding.canonical(config)
        self.config = config
        self.label = label
        source = config.source
        modelKind = config.model.kind
        modelName = config.model.name
        modelLocation = config.model.location
        weightsSHA256 = config.model.weightsSHA256
        preset = config.preset
        samples = config.samples
        seed = Int64(bitPattern: config.parameters.seed)
        paramsJSON = JSONCoding.canonical(config.parameters)
        self.harnessVersion = harnessVersion
        self.gitCommit = gitCommit
        self.host = host
        createdAt = now
        updatedAt = now
    }

    init(row: Row) throws {
        let read = RowReader(row: row, table: Self.databaseTableName, keyColumns: [Columns.runID.rawValue])
        runID = try read.required(Columns.runID.rawValue)
        configHash = try read.required(Columns.configHash.rawValue)
        configJSON = try read.required(Columns.configJSON.rawValue)
        config = try read.json(Columns.configJSON.rawValue, as: RunConfig.self)
        label = try read.optional(Columns.label.rawValue)
        source = try read.required(Columns.source.rawValue)
        modelKind = try read.required(Columns.modelKind.rawValue)
        modelName = try read.required(Columns.modelName.rawValue)
        modelLocation = try read.required(Columns.modelLocation.rawValue)
        weightsSHA256 = try read.optional(Columns.weightsSHA256.rawValue)
        preset = try read.optional(Columns.preset.rawValue)
        samples = try read.required(Columns.samples.rawValue)
        seed = try read.required(Columns.seed.rawValue)
        paramsJSON = try read.required(Columns.paramsJSON.rawValue)
        harnessVersion = try read.required(Columns.harnessVersion.rawValue)
        gitCommit = try read.optional(Columns.gitCommit.rawValue)
        host = try read.optional(Columns.host.rawValue)
        createdAt = try read.required(Columns.createdAt.rawValue)
        updatedAt = try read.required(Columns.updatedAt.rawValue)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.runID] = runID
        container[Columns.configHash] = configHash
        container[Columns.configJSON] = configJSON
        container[Columns.label] = label
        container[Columns.source] = source
        container[Columns.modelKind] = modelKind
        container[Columns.modelName] = modelName
        container[Columns.modelLocation] = modelLocation
        container[Columns.weightsSHA256] = weightsSHA256
        container[Columns.preset] = preset
        container[Columns.samples] = samples
        container[Columns.seed] = seed
        container[Columns.paramsJSON] = paramsJSON
        container[Columns.harnessVersion] = harnessVersion
        container[Columns.gitCommit] = gitCommit
        container[Columns.host] = host
        container[Columns.createdAt] = createdAt
        container[Columns.updatedAt] = updatedAt
    }

    /// The run as the rest of Proctor sees it.
    var record: RunRecord {
        RunRecord(
            runID: runID, config: config, label: label, harnessVersion: harnessVersion, gitCommit: gitCommit, host: host,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A row of `items`: the item as canonical JSON with its hash (decoded only when asked for).
struct ItemRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "items"

    enum Columns: String, ColumnExpression {
        case benchmark, itemID = "item_id", answer, promptTemplate = "prompt_template", contentHash = "content_hash", itemJSON = "item_json"
    }

    var benchmark: String
    var itemID: String
    var answer: String
    var promptTemplate: String
    var contentHash: String
    var itemJSON: String

    /// The row of an item, image bytes dropped.
    init(_ item: BenchmarkItem) {
        itemJSON = JSONCoding.canonical(item.strippingImageData())
        benchmark = item.benchmark.description
        itemID = item.id
        answer = item.answer
        promptTemplate = item.promptTemplate
        contentHash = SHA256.hex(itemJSON)
    }

    init(row: Row) throws {
        let read = RowReader(row: row, table: Self.databaseTableName, keyColumns: [Columns.benchmark.rawValue, Columns.itemID.rawValue])
        benchmark = try read.required(Columns.benchmark.rawValue)
        itemID = try read.required(Columns.itemID.rawValue)
        answer = try read.required(Columns.answer.rawValue)
        promptTemplate = try read.required(Columns.promptTemplate.rawValue)
        contentHash = try read.required(Columns.contentHash.rawValue)
        itemJSON = try read.required(Columns.itemJSON.rawValue)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.benchmark] = benchmark
        container[Columns.itemID] = itemID
        container[Columns.answer] = answer
        container[Columns.promptTemplate] = promptTemplate
        container[Columns.contentHash] = contentHash
        container[Columns.itemJSON] = itemJSON
    }

    /// The stored item.
    ///
    /// - Throws: `ProctorError` (`.database`) naming the row when `item_json` does not decode.
    func item() throws -> BenchmarkItem {
        do {
            return try JSONCoding.decode(BenchmarkItem.self, itemJSON, what: "items.item_json")
        } catch {
            throw ProctorError(
                .database, "table items, row (benchmark=\(benchmark), item_id=\(itemID)): column item_json is not a valid item (\(error))")
        }
    }
}
