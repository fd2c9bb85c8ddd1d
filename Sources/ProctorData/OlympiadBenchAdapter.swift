import Foundation
import ProctorCore

/// OlympiadBench: 18 configs (open-ended or theorem proving, text-only or multimodal, maths or physics, English or
/// Chinese), each a split named after its config (`OE_TO_maths_en_COMP`, the default).
///
/// Reads the original release's JSON arrays (`<config>.json`, in `ROOT/olympiadbench/` or its `data/`, images as
/// `images/img_XXXX.jpg` next to `data/`), and for `OE_TO_maths_en_COMP` also Qwen2.5-Math's `test.jsonl` copy.
/// Messages are those of the official chat evaluators (GPT-4V, Qwen-VL): a system message naming the subject, then
/// the instruction and problem split at `<img_XXXX>` placeholders into trimmed text pieces and images. Ids are the dataset's integer ids as strings; all fields keep their official names.
public struct OlympiadBenchAdapter: ItemwiseLoading {
    public let name = "olympiadbench"
    public let summary = "OlympiadBench, olympiad maths and physics (18 configs: OE/TP, text-only/multimodal, en/zh)"
    public let splits = Self.configs

    /// Every config of the dataset, the default first.
    public static let configs = [
        "OE_TO_maths_en_COMP", "OE_MM_maths_en_COMP", "OE_TO_maths_zh_COMP", "OE_MM_maths_zh_COMP",
        "OE_TO_maths_zh_CEE", "OE_MM_maths_zh_CEE", "OE_TO_physics_en_COMP", "OE_MM_physics_en_COMP",
        "OE_TO_physics_zh_CEE", "OE_MM_physics_zh_CEE", "TP_TO_maths_en_COMP", "TP_MM_maths_en_COMP",
        "TP_TO_maths_zh_COMP", "TP_MM_maths_zh_COMP", "TP_TO_maths_zh_CEE", "TP_MM_maths_zh_CEE",
        "TP_TO_physics_en_COMP", "TP_MM_physics_en_COMP",
    ]

    static let folder = "olympiadbench"
    static let hubRepos = ["Hothan/OlympiadBench"]

    /// VLMEvalKit's prompt (its `OlympiadBench.build_prompt`) instead of the official one: no system message, the
    /// same instruction and problem in one text with the image placeholders left in it, then the images.
    public let vlmevalkit: Bool

    /// Creates the adapter.
    ///
    /// - Parameter vlmevalkit: Build VLMEvalKit's prompt rather than the official chat evaluators' one.
    public init(vlmevalkit: Bool = false) {
        self.vlmevalkit = vlmevalkit
    }

    /// One problem with where it came from.
    struct Problem {
        /// Its line (JSONL), index (JSON array) or row number (Parquet), for messages.
        var line: Int
        /// The dataset's fields.
        var fields: [String: JSONValue]
        /// The images embedded in a Parquet row by column (`image_1`), nil for the JSON release (image files).
        var embedded: [String: Data]?
    }

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let (root, file, problems) = try read(split: split, in: location)
        let config = OlympiadBenchPrompt.Config(split)
        let imageFolder = file.deletingLastPathComponent().lastPathComponent == "data"
            ? file.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("images")
            : root.file("images")
        let benchmark = BenchmarkName(name: name, split: split)
        var loaded = LoadedSplit(items: [])
        for problem in problems {
            let row = problem.fields
            guard let id = row["id"]?.stringValue, let question = row["question"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(file.path):\(problem.line): a problem needs \"id\" and \"question\"")
            }
            let instruction = OlympiadBenchPrompt.instruction(
                config: config, answerType: row["answer_type"]?.stringValue ?? "",
                multipleAnswers: row["is_multiple_answer"] == .bool(true),
                hasUnit: !(row["unit"]?.stringValue ?? "").isEmpty)
            var content = question
            if !config.maths, let context = row["context"]?.stringValue, !context.isEmpty { content = context + "\n" + question }
            let text = instruction + "\n" + content
            let images = OlympiadBenchImages(folder: imageFolder, embedded: problem.embedded, source: file.lastPathComponent)
            switch images.interleave(text, itemID: id) {
            case .failure(let issue): loaded.problems.append(issue)
            case .success(let parts):
                let answers = row["final_answer"]?.arrayValue?.compactMap(\.stringValue) ?? []
                var categories: [String: String] = [:]
                for key in ["subfield", "subject", "language", "answer_type", "difficulty", "modality"] {
                    if let value = row[key]?.stringValue { categories[key] = value }
                }
                let messages = vlmevalkit
                    ? [ChatMessage(role: .user, parts: [.text(text)] + parts.filter { if case .image = $0 { true } else { false } })]
                    : [ChatMessage(role: .system, text: OlympiadBenchPrompt.system(config: config)), ChatMessage(role: .user, parts: parts)]
                loaded.items.append(BenchmarkItem(
                    benchmark: benchmark, id: id, messages: messages,
                    promptTemplate: vlmevalkit ? OlympiadBenchPrompt.vlmevalkitTemplateID : OlympiadBenchPrompt.templateID,
                    answer: answers.joined(separator: ","),
                    categories: categories, fields: row))
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let (root, _, problems) = try? read(split: split, in: location) else { return DataAvailability(source: nil, items: 0, images: 0) }
        let images = problems.reduce(0) { count, problem in
            if let embedded = problem.embedded { return count + embedded.count }
            let names = OlympiadBenchImages.placeholders(in: problem.fields["question"]?.stringValue ?? "")
            return count + names.filter { root.has("images/\($0).jpg") }.count
        }
        return DataAvailability(source: root.description, items: problems.count, images: images)
    }

    /// The problems of a config from the first copy that has it.
    func read(split: String, in location: DataLocation) throws -> (DataRoot, URL, [Problem]) {
        try requireSplit(split, called: "config")
        for root in DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location) {
            if let file = root.first(["\(split).json", "data/\(split).json"]) {
                let array = try JSONFile.array(file)
                return (root, file, array.enumerated().map { Problem(line: $0.offset + 1, fields: $0.element.objectValue ?? [:]) })
            }
            if split == "OE_TO_maths_en_COMP", let file = root.first(["test.jsonl", "\(split).jsonl"]) {
                let lines = try JSONLines.decode([String: JSONValue].self, from: file)
                return (root, file, lines.map { Problem(line: $0.line, fields: $0.value) })
            }
            let shards = HubParquet.files(in: root) { $0.split(separator: "/").contains { $0 == split } }
            if let first = shards.first {
                var problems: [Problem] = []
                try HubParquet.forEachRow(shards) { _, row in
                    let imageColumns = row.fieldNames.filter { $0.hasPrefix("image_") }
                    var embedded: [String: Data] = [:]
                    for column in imageColumns { embedded[column] = row[column]?["bytes"]?.bytesValue }
                    problems.append(Problem(
                        line: problems.count + 1, fields: HubParquet.fields(row, except: Set(imageColumns)), embedded: embedded))
                }
                return (root, first, problems)
            }
        }
        throw DataRoot.notFound(
            benchmark: "\(name):\(split)", folder: Self.folder, localFiles: ["\(split).json", "data/\(split).json"],
            hubRepos: Self.hubRepos, in: location)
    }
}
