import Foundation
import ProctorCore

/// OlympiadBench: 18 configs (open-ended or theorem proving, text-only or multimodal, maths or physics, English or
/// Chinese), each a split named after its config (`OE_TO_maths_en_COMP`, the default).
///
/// Reads the original release's JSON arrays (`<config>.json`, in `ROOT/olympiadbench/` or its `data/`, images as
/// `images/img_XXXX.jpg` next to `data/`), and for `OE_TO_maths_en_COMP` also Qwen2.5-Math's `test.jsonl` copy.
/// Multimodal problems interleave their `<img_XXXX>` placeholders with the images, as the official GPT-4V
/// evaluator does. Ids are the dataset's integer ids as strings; all fields keep their official names.
public struct OlympiadBenchAdapter: ItemwiseLoading {
    public let name = "olympiadbench"
    public let summary = "OlympiadBench, olympiad maths and physics (18 configs: OE/TP, text-only/multimodal, en/zh)"
    public let splits = Self.configs
    public let scorerID = "olympiadbench"

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

    /// Creates the adapter.
    public init() {}

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let (root, file, rows) = try read(split: split, in: location)
        let config = OlympiadBenchPrompt.Config(split)
        let imageFolder = file.deletingLastPathComponent().lastPathComponent == "data"
            ? file.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("images")
            : root.file("images")
        let benchmark = BenchmarkName(name: name, split: split)
        var loaded = LoadedSplit(items: [])
        for (line, row) in rows {
            guard let id = row["id"]?.stringValue, let question = row["question"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(file.path):\(line): a problem needs \"id\" and \"question\"")
            }
            let instruction = OlympiadBenchPrompt.instruction(
                config: config, answerType: row["answer_type"]?.stringValue ?? "",
                multipleAnswers: row["is_multiple_answer"] == .bool(true),
                hasUnit: !(row["unit"]?.stringValue ?? "").isEmpty)
            var content = question
            if !config.maths, let context = row["context"]?.stringValue, !context.isEmpty { content = context + "\n" + question }
            let text = instruction + "\n" + content
            switch parts(text, imageFolder: imageFolder, itemID: id, interleave: config.multimodal) {
            case .failure(let problem): loaded.problems.append(problem)
            case .success(let parts):
                let answers = row["final_answer"]?.arrayValue?.compactMap(\.stringValue) ?? []
                var categories: [String: String] = [:]
                for key in ["subfield", "subject", "language", "answer_type", "difficulty", "modality"] {
                    if let value = row[key]?.stringValue { categories[key] = value }
                }
                loaded.items.append(BenchmarkItem(
                    benchmark: benchmark, id: id, messages: [ChatMessage(role: .user, parts: parts)],
                    promptTemplate: OlympiadBenchPrompt.templateID, answer: answers.joined(separator: ","),
                    categories: categories, fields: row))
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let (root, _, rows) = try? read(split: split, in: location) else { return DataAvailability(source: nil, items: 0, images: 0) }
        let images = rows.reduce(0) { $0 + Self.placeholders(in: $1.1["question"]?.stringValue ?? "").filter { root.has("images/\($0).jpg") }.count }
        return DataAvailability(source: root.description, items: rows.count, images: images)
    }

    /// The problems of a config with their line (JSONL) or index (JSON array) numbers.
    func read(split: String, in location: DataLocation) throws -> (DataRoot, URL, [(Int, [String: JSONValue])]) {
        guard splits.contains(split) else {
            throw ProctorError(.invalidArgument, "olympiadbench has no config \"\(split)\"; use one of \(splits.joined(separator: ", "))")
        }
        for root in DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location) {
            if let file = root.first(["\(split).json", "data/\(split).json"]) {
                let array = try JSONFile.array(file)
                return (root, file, array.enumerated().map { ($0.offset + 1, $0.element.objectValue ?? [:]) })
            }
            if split == "OE_TO_maths_en_COMP", let file = root.first(["test.jsonl", "\(split).jsonl"]) {
                return (root, file, try JSONLines.decode([String: JSONValue].self, from: file).map { ($0.line, $0.value) })
            }
        }
        throw DataRoot.notFound(
            benchmark: "\(name):\(split)", folder: Self.folder, localFiles: ["\(split).json", "data/\(split).json"],
            hubRepos: Self.hubRepos, in: location)
    }

    /// The `img_XXXX` names of the placeholders in a text, in order.
    static func placeholders(in text: String) -> [String] {
        text.matches(of: /<(img_\d+)>/).map { String($0.output.1) }
    }

    /// The message parts: the text alone, or (multimodal) text pieces and images in placeholder order, each text
    /// piece trimmed and blank pieces dropped as the official evaluator does.
    func parts(_ text: String, imageFolder: URL, itemID: String, interleave: Bool) -> Result<[ContentPart], ItemLoadProblem> {
        guard interleave else { return .success([.text(text)]) }
        var parts: [ContentPart] = []
        var missing: [String] = []
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /<(img_\d+)>/) {
            let before = rest[..<match.range.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !before.isEmpty { parts.append(.text(before)) }
            let name = "images/\(match.output.1).jpg"
            switch ImageFiles.load(imageFolder.appendingPathComponent("\(match.output.1).jpg"), name: name, itemID: itemID) {
            case .success(let image): parts.append(.image(image))
            case .failure(let problem) where problem.kind == .missingFile: missing += problem.files
            case .failure(let problem): return .failure(problem)
            }
            rest = rest[match.range.upperBound...]
        }
        let after = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if !after.isEmpty { parts.append(.text(after)) }
        if !missing.isEmpty {
            return .failure(ItemLoadProblem(
                itemID: itemID, kind: .missingFile, files: missing,
                message: "item \(itemID): images \(missing.joined(separator: ", ")) are missing"))
        }
        return .success(parts)
    }
}
