import Foundation
import Parquet
import ProctorCore

/// MMMU: 30 subjects, `validation` (900) and `dev` (150), up to 7 images per question interleaved with the text at
/// its `<image N>` placeholders.
///
/// Reads the Hugging Face files `<Subject>/<split>-00000-of-00001.parquet`, from a local copy (`ROOT/mmmu/`) or the
/// hub cache (`MMMU/MMMU`). Subjects whose file is absent are reported per item (ids from `answer_dict_val.json`
/// when it is there) so that `--allow-partial` can run the subjects that are present. Categories: `subject`,
/// `discipline`, `subfield`, `topic_difficulty`, `question_type`.
public struct MMMUAdapter: ItemwiseLoading {
    public let name = "mmmu"
    public let summary = "MMMU, college-level multimodal questions in 30 subjects (validation 900, dev 150)"
    public let splits = ["validation", "dev"]
    /// Which prompt to build.
    public let style: MMMUPrompt.Style

    static let folder = "mmmu"
    static let hubRepos = ["MMMU/MMMU"]
    static let columns = ["id", "question", "options", "explanation", "img_type", "answer", "topic_difficulty", "question_type", "subfield"]

    /// Creates the adapter.
    ///
    /// - Parameter style: The official prompt (default) or VLMEvalKit's.
    public init(style: MMMUPrompt.Style = .official) {
        self.style = style
    }

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let roots = try self.roots(split: split, in: location)
        let benchmark = BenchmarkName(name: name, split: split)
        let expected = expectedIDs(split: split, roots: roots)
        var loaded = LoadedSplit(items: [])
        for subject in MMMUPrompt.subjects {
            guard let file = Self.file(subject: subject, split: split, roots: roots) else {
                let path = "\(subject)/\(split)-00000-of-00001.parquet"
                if LoadPurpose.scoringOnly, let keyed = answerKeyItems(subject: subject, split: split, roots: roots, benchmark: benchmark) {
                    loaded.items += keyed
                    continue
                }
                let ids = expected[subject] ?? ["\(split)_\(subject)"]
                loaded.problems += ids.map {
                    ItemLoadProblem(itemID: $0, kind: .missingFile, files: [path], message: "item \($0): \(path) of MMMU/MMMU is missing")
                }
                continue
            }
            let parquet = try ParquetFile(path: file.path)
            let imageColumns = (1...7).map { "image_\($0)" }.filter { name in parquet.schema.fields.contains { $0.name == name } }
            try parquet.forEachRow(columns: Self.columns + imageColumns) { row in
                switch try item(row, subject: subject, file: file, benchmark: benchmark) {
                case .success(let item): loaded.items.append(item)
                case .failure(let problem): loaded.problems.append(problem)
                }
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let roots = try? roots(split: split, in: location), let first = roots.first else {
            return DataAvailability(source: nil, items: 0, images: 0)
        }
        var items = 0
        var images = 0
        for subject in MMMUPrompt.subjects {
            guard let file = Self.file(subject: subject, split: split, roots: roots) else { continue }
            items += HubParquet.rowCount([file])
            images += (1...7).reduce(0) { $0 + HubParquet.imageCount([file], column: "image_\($1)") }
        }
        return DataAvailability(source: first.description, items: items, images: images)
    }

    /// The copies that hold MMMU files.
    func roots(split: String, in location: DataLocation) throws -> [DataRoot] {
        try requireSplit(split, called: "split")
        let roots = DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location)
        guard roots.contains(where: { root in MMMUPrompt.subjects.contains { Self.file(subject: $0, split: split, roots: [root]) != nil } }) else {
            throw DataRoot.notFound(
                benchmark: "\(name):\(split)", folder: Self.folder, localFiles: ["<Subject>/\(split)-00000-of-00001.parquet"],
                hubRepos: Self.hubRepos, in: location)
        }
        return roots
    }

    /// A subject's Parquet file in the first copy that has it.
    static func file(subject: String, split: String, roots: [DataRoot]) -> URL? {
        for root in roots {
            if let file = root.files(in: subject, prefix: "\(split)-", suffix: ".parquet").first { return file }
        }
        return nil
    }

    /// Items of an absent subject built from the answer key alone (`answer_dict_val.json`: question type and
    /// ground truth), for scoring outputs made elsewhere: MMMU's own eval-only scorer needs nothing more. The items
    /// carry `answer_key_only` so that the scorer compares predictions as that scorer does (no options to parse).
    func answerKeyItems(subject: String, split: String, roots: [DataRoot], benchmark: BenchmarkName) -> [BenchmarkItem]? {
        guard split == "validation", let file = roots.lazy.compactMap({ $0.first(["answer_dict_val.json"]) }).first,
            let key = try? JSONFile.object(file)
        else { return nil }
        let prefix = "validation_\(subject)_"
        let items = key.compactMap { id, entry -> BenchmarkItem? in
            guard id.hasPrefix(prefix), Int(id.dropFirst(prefix.count)) != nil, let type = entry["question_type"]?.stringValue,
                let truth = entry["ground_truth"]
            else { return nil }
            let answer = truth.stringValue ?? truth.arrayValue?.compactMap(\.stringValue).first ?? ""
            return BenchmarkItem(
                benchmark: benchmark, id: id, messages: [], promptTemplate: "answer-key", answer: answer, choices: [],
                categories: ["subject": subject, "question_type": type, "discipline": MMMUPrompt.disciplines[subject] ?? ""],
                fields: ["subject": .string(subject), "question_type": .string(type), "answer": truth, "answer_key_only": .bool(true)])
        }
        return items.isEmpty ? nil : items.sorted { (Int($0.id.dropFirst(prefix.count)) ?? 0) < (Int($1.id.dropFirst(prefix.count)) ?? 0) }
    }

    /// The ids of each subject per the answer key (`answer_dict_val.json`, validation only), to name the items of
    /// absent subjects.
    func expectedIDs(split: String, roots: [DataRoot]) -> [String: [String]] {
        guard split == "validation", let file = roots.lazy.compactMap({ $0.first(["answer_dict_val.json"]) }).first,
            let keys = try? JSONFile.object(file).keys
        else { return [:] }
        var table: [String: [String]] = [:]
        for id in keys {
            let subject = id.dropFirst("validation_".count).split(separator: "_").dropLast().joined(separator: "_")
            table[subject, default: []].append(id)
        }
        return table.mapValues { $0.sorted { (Int($0.split(separator: "_").last ?? "") ?? 0) < (Int($1.split(separator: "_").last ?? "") ?? 0) } }
    }
}
