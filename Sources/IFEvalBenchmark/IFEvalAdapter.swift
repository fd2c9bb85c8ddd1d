import Foundation
import ProctorCore
import ProctorData

/// IFEval's 541 prompts, from google-research's `input_data.jsonl` (`--data ROOT` → `ROOT/ifeval/input_data.jsonl`)
/// or the hub's `google/IFEval` (`train` split, JSON lines or Parquet, with the same fields).
///
/// The prompt is the raw `prompt` text as one user message, as lighteval's `ifeval_prompt` (query = `prompt`, no
/// instruction, no few-shot examples) and lm-evaluation-harness's `doc_to_text: prompt` give it; a chat model's
/// template is applied by the backend.
public struct IFEvalAdapter: BenchmarkAdapter {
    public let name = "ifeval"
    public let summary = "IFEval, 541 prompts with 25 kinds of verifiable instructions (google-research checker, strict and loose)"
    public let splits = ["train"]

    /// The id of the prompt template stored with runs: the raw prompt, one user turn.
    public static let promptTemplateID = "ifeval-raw-prompt"
    /// The hub dataset.
    public static let hubDataset = "google/IFEval"
    /// The local files tried, in order.
    static let localFiles = ["input_data.jsonl", "ifeval_input_data.jsonl", "data/input_data.jsonl"]
    /// The hub's JSON lines files tried before Parquet.
    static let hubJSONFiles = ["ifeval_input_data.jsonl", "input_data.jsonl", "train.jsonl", "data/train.jsonl"]

    /// Creates the adapter.
    public init() {}

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        guard splits.contains(split) else {
            throw ProctorError(.invalidArgument, "ifeval has no split \"\(split)\"; use train")
        }
        let benchmark = BenchmarkName(name: name, split: split)
        switch Self.locate(split: split, in: location) {
        case .jsonLines(let file, _):
            return try JSONLines.decode([String: JSONValue].self, from: file).map { line, row in
                try Self.item(row, benchmark: benchmark, place: "\(file.path):\(line)")
            }
        case .parquet(let shards, _):
            var items: [BenchmarkItem] = []
            try HubParquet.forEachRow(shards, columns: ["key", "prompt", "instruction_id_list", "kwargs"]) { file, row in
                items.append(try Self.item(HubParquet.fields(row), benchmark: benchmark, place: "\(file.path): row \(items.count + 1)"))
            }
            return items
        case nil:
            throw DataRoot.notFound(
                benchmark: name, folder: "ifeval", localFiles: Self.localFiles, hubRepos: [Self.hubDataset], in: location)
        }
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        switch Self.locate(split: split, in: location) {
        case .jsonLines(let file, let root):
            let lines = (try? JSONLines.decode(JSONValue.self, from: file).count) ?? 0
            return DataAvailability(source: "\(root) \(file.lastPathComponent)", items: lines, images: 0)
        case .parquet(let shards, let root):
            return DataAvailability(source: root.description, items: HubParquet.rowCount(shards), images: 0)
        case nil:
            return DataAvailability(source: nil, items: 0, images: 0)
        }
    }

    /// Where a split's rows are.
    enum Source {
        case jsonLines(URL, DataRoot)
        case parquet([URL], DataRoot)
    }

    /// The first root holding the input file (local copy first), as JSON lines or the hub's Parquet shards.
    static func locate(split: String, in location: DataLocation) -> Source? {
        for root in DataRoot.find(folder: "ifeval", hubRepos: [hubDataset], in: location) {
            if let file = root.first(root.layout == .local ? localFiles : hubJSONFiles) { return .jsonLines(file, root) }
            let shards = HubParquet.splitFiles(in: root, split: split)
            if !shards.isEmpty { return .parquet(shards, root) }
        }
        return nil
    }

    /// Builds an item from the official fields (`{key, prompt, instruction_id_list, kwargs}`), keeping null-free kwargs.
    ///
    /// - Parameters:
    ///   - row: The fields.
    ///   - benchmark: `ifeval:train`.
    ///   - place: The file and line, for messages.
    /// - Returns: The item.
    /// - Throws: `ProctorError` naming the place when a field is missing, mistyped, or the lists differ in length.
    static func item(_ row: [String: JSONValue], benchmark: BenchmarkName, place: String) throws -> BenchmarkItem {
        guard let key = row["key"], let id = key.intValue.map(String.init) ?? key.stringValue else {
            throw ProctorError(.invalidInput, "\(place): missing \"key\" (the prompt's id)")
        }
        guard case .string(let prompt)? = row["prompt"] else {
            throw ProctorError(.invalidInput, "\(place): item \(id) has no \"prompt\" string")
        }
        guard let ids = row["instruction_id_list"]?.arrayValue?.compactMap(\.stringValue), !ids.isEmpty else {
            throw ProctorError(.invalidInput, "\(place): item \(id) has no \"instruction_id_list\" of strings")
        }
        guard let kwargs = row["kwargs"]?.arrayValue, kwargs.count == ids.count else {
            throw ProctorError(
                .invalidInput, "\(place): item \(id) needs one \"kwargs\" object per instruction (\(ids.count)), in instruction_id_list order")
        }
        let cleaned = try kwargs.map { value -> JSONValue in
            if value.isNull { return .object([:]) }
            guard let object = value.objectValue else {
                throw ProctorError(.invalidInput, "\(place): item \(id): every kwargs entry must be an object, not \(value)")
            }
            return .object(object.filter { !$0.value.isNull })
        }
        var groups: [String] = []
        for instruction in ids {
            let group = String(instruction.prefix { $0 != ":" })
            if !groups.contains(group) { groups.append(group) }
        }
        return BenchmarkItem(
            benchmark: benchmark, id: id, messages: [ChatMessage(role: .user, text: prompt)], promptTemplate: promptTemplateID,
            answer: "", categories: ["instructions": String(ids.count)],
            fields: [
                "key": key, "prompt": .string(prompt), "instruction_id_list": .array(ids.map(JSONValue.string)), "kwargs": .array(cleaned),
            ])
    }

    /// Items of predictions files carry no instructions, so an item absent from the local data cannot be scored
    /// unless the line gives the official fields.
    public func item(id: String, split: String, fields: [String: JSONValue]) -> BenchmarkItem? {
        var row = fields
        row["key"] = row["key"] ?? .string(id)
        return try? Self.item(row, benchmark: BenchmarkName(name: name, split: split), place: "predictions")
    }
}
