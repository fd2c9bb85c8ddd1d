import Foundation
import ProctorCore
import ProctorData

/// Reads LiveBench's questions: `livebench/<category>/<task>/question.jsonl` as the official runner writes them
/// (`download_questions`), or the rows of the hub dataset `livebench/<category>` (split `test`) whose `task` is the
/// split's task. Items keep every official field (the scorers read `ground_truth`, `subtask`, the dates and, for
/// instruction following, `instruction_id_list` and `kwargs`); the prompt is the question's `turns` as given, after
/// its `system_prompt` when it has one, as `gen_api_answer` sends them.
///
/// Loading gives every question of the task in the files; `LiveBenchRelease.select` keeps those of one release.
public struct LiveBenchAdapter: BenchmarkAdapter {
    public let name = "livebench"
    public let summary = "LiveBench, contamination-limited questions in 6 categories (one split per task)"
    public var splits: [String] { LiveBenchTask.all.map(\.name) }

    /// The prompt template id stored with runs.
    public static let promptTemplate = "livebench-turns"

    /// Creates the adapter.
    public init() {}

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        guard let task = LiveBenchTask.named(split) else {
            throw ProctorError(.invalidArgument, "livebench has no task \"\(split)\"; its tasks: \(splits.joined(separator: ", "))")
        }
        let hub = ["livebench/\(task.category)"]
        let path = "\(task.category)/\(task.name)/question.jsonl"
        for root in DataRoot.find(folder: "livebench", hubRepos: hub, in: location) {
            if let file = root.first([path]) {
                return try JSONLines.decode(JSONValue.self, from: file).map { line, row in
                    try item(row.objectValue ?? [:], task: task, place: "\(file.path):\(line)")
                }
            }
            let shards = HubParquet.splitFiles(in: root, split: "test")
            if !shards.isEmpty {
                var items: [BenchmarkItem] = []
                var index = 0
                try HubParquet.forEachRow(shards) { file, row in
                    index += 1
                    let fields = HubParquet.fields(row)
                    guard fields["task"]?.stringValue == task.name else { return }
                    items.append(try item(Self.officialDates(fields), task: task, place: "\(file.path) row \(index)"))
                }
                if !items.isEmpty { return items }
            }
        }
        var error = DataRoot.notFound(benchmark: "livebench:\(task.name)", folder: "livebench", localFiles: [path], hubRepos: hub, in: location)
        if let reason = task.unavailableReason { error.message += " (\(task.name): \(reason))" }
        throw error
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let task = LiveBenchTask.named(split), let items = try? load(split: split, from: location) else {
            return DataAvailability(source: nil, items: 0, images: 0)
        }
        let hub = ["livebench/\(task.category)"]
        let source = DataRoot.find(folder: "livebench", hubRepos: hub, in: location).first { root in
            root.has("\(task.category)/\(task.name)/question.jsonl") || !HubParquet.splitFiles(in: root, split: "test").isEmpty
        }
        return DataAvailability(source: source?.description ?? "found", items: items.count, images: 0)
    }

    public func item(id: String, split: String, fields: [String: JSONValue]) -> BenchmarkItem? {
        guard let task = LiveBenchTask.named(split), fields["ground_truth"] != nil || fields["instruction_id_list"] != nil else { return nil }
        var fields = fields
        fields["question_id"] = .string(id)
        return try? item(fields, task: task, place: "item \(id)")
    }

    /// Builds an item from a question's official fields.
    ///
    /// - Parameters:
    ///   - fields: The question's fields.
    ///   - task: The split's task.
    ///   - place: The file and line, for errors.
    /// - Returns: The item.
    /// - Throws: `ProctorError` naming `place` when the question lacks its id, turns or (for scored tasks) its ground truth.
    func item(_ fields: [String: JSONValue], task: LiveBenchTask, place: String) throws -> BenchmarkItem {
        guard let id = fields["question_id"]?.stringValue else {
            throw ProctorError(.invalidInput, "\(place): a LiveBench question needs \"question_id\"; fix or remove that line")
        }
        let turns = fields["turns"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard let prompt = turns.first else {
            throw ProctorError(.invalidInput, "\(place): question \(id) has no \"turns\" (its prompt); fix or remove that line")
        }
        if let other = fields["task"]?.stringValue, other != task.name {
            throw ProctorError(.invalidInput, "\(place): question \(id) belongs to task \"\(other)\", not \(task.name); the file is misplaced")
        }
        var messages: [ChatMessage] = []
        if let system = fields["system_prompt"]?.stringValue { messages.append(ChatMessage(role: .system, text: system)) }
        messages.append(ChatMessage(role: .user, text: prompt))
        var categories = ["category": task.category, "task": task.name]
        categories["subtask"] = fields["subtask"]?.stringValue
        categories["livebench_release_date"] = fields["livebench_release_date"]?.stringValue
        return BenchmarkItem(
            benchmark: BenchmarkName(name: name, split: task.name), id: id, messages: messages, promptTemplate: Self.promptTemplate,
            answer: Self.groundTruthText(fields["ground_truth"]), categories: categories, fields: fields)
    }

    /// The ground truth as text (olympiad's is a comma-separated list, tablejoin's a Python dict literal).
    static func groundTruthText(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s): s
        case .array(let a): a.last?.stringValue ?? ""
        case let other?: other.stringValue ?? ""
        case nil: ""
        }
    }

    /// A hub row's fields with its dates as the official loader leaves them: `YYYY-MM-DD` text (`load_questions`
    /// formats the dataset's timestamps so), an empty removal date for a null one.
    ///
    /// Proctor's Parquet reader gives a timestamp column its stored integers; the unit (seconds to nanoseconds since
    /// 1970) is told by the magnitude, which for dates after 1971 is unambiguous.
    ///
    /// - Parameter fields: The row's fields.
    /// - Returns: The fields with the three date fields as text.
    public static func officialDates(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        var fields = fields
        for key in ["livebench_release_date", "livebench_removal_date", "release_date"] {
            switch fields[key] {
            case .int(let n)?: fields[key] = .string(day(sinceEpoch: Int64(n)))
            case .double(let d)? where d.isFinite && abs(d) < 9e18: fields[key] = .string(day(sinceEpoch: Int64(d)))
            case .string(let text)? where text.unicodeScalars.count > 10 && text.dropFirst(4).first == "-":
                fields[key] = .string(String(text.prefix(10)))
            case .null? where key == "livebench_removal_date": fields[key] = .string("")
            default: break
            }
        }
        return fields
    }

    /// The UTC day of a timestamp in seconds, milliseconds, microseconds or nanoseconds since 1970.
    static func day(sinceEpoch value: Int64) -> String {
        var seconds = value
        for _ in 0..<3 where abs(seconds) >= 100_000_000_000 { seconds /= 1000 }
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
