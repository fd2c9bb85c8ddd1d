import Foundation
import ProctorCore

/// MathVista: `testmini` (1,000 problems with answers) and `test` (5,141, answers withheld), one image each.
///
/// Reads the authors' release (lupantech/MathVista `data/`: `testmini.json`, `test.json`, `query.json`,
/// `images/<pid>.jpg`; the folder may be `ROOT/mathvista/` or `ROOT/mathvista/data/`). The prompt is the
/// benchmark's own `query` (from `query.json`): the hint chosen by question and answer type, the question and the
/// lettered choices; the image comes first. Ids are the `pid`s (`"1"`). For multiple choice `answer` is the letter
/// of the right choice; the original answer text stays in `fields["answer"]`.
public struct MathVistaAdapter: ItemwiseLoading {
    public let name = "mathvista"
    public let summary = "MathVista, visual math reasoning over 31 source datasets (testmini 1,000; test 5,141 without answers)"
    public let splits = ["testmini", "test"]

    static let folder = "mathvista"
    static let hubRepos = ["AI4Math/MathVista"]

    /// The id of the official prompt template (the dataset's `query`).
    public static let templateID = "mathvista-query-v1"

    /// Creates the adapter.
    public init() {}

    /// Where a split was found.
    enum Source {
        /// The authors' JSON files in `base` (with `images/`).
        case json(DataRoot, base: URL)
        /// The hub dataset's Parquet shards (image in `decoded_image`, prompt in `query`).
        case parquet(DataRoot, [URL])
    }

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let benchmark = BenchmarkName(name: name, split: split)
        var loaded = LoadedSplit(items: [])
        func add(_ pid: String, _ problem: [String: JSONValue], _ query: String, _ image: Result<ImageAttachment, ItemLoadProblem>) throws {
            switch image {
            case .failure(let issue): loaded.problems.append(issue)
            case .success(let image): loaded.items.append(try item(pid: pid, problem: problem, query: query, image: image, benchmark: benchmark))
            }
        }
        switch try locate(split: split, in: location) {
        case .json(_, let base):
            let queries = try JSONFile.object(base.appendingPathComponent("query.json"))
            for (pid, problem) in try problemRows(split: split, base: base, queries: queries) {
                guard let query = queries[pid]?.stringValue else {
                    throw ProctorError(.invalidInput, "\(base.path)/query.json: no query for pid \(pid); use the query.json of the same release")
                }
                let imagePath = problem["image"]?.stringValue ?? "images/\(pid).jpg"
                try add(pid, problem, query, ImageFiles.load(base.appendingPathComponent(imagePath), name: imagePath, itemID: pid))
            }
        case .parquet(_, let files):
            try HubParquet.forEachRow(files) { file, row in
                guard let pid = row["pid"]?.stringValue, let query = row["query"]?.stringValue else {
                    throw ProctorError(.invalidInput, "\(file.path): a row lacks pid or query; fetch the file again")
                }
                let problem = HubParquet.fields(row, except: ["decoded_image", "query"])
                let name = problem["image"]?.stringValue ?? "images/\(pid).jpg"
                guard let bytes = row["decoded_image"]?["bytes"]?.bytesValue else {
                    throw ProctorError(.invalidInput, "\(file.path): pid \(pid) has no decoded_image; fetch the file again")
                }
                try add(pid, problem, query, ImageFiles.attachment(bytes, name: name, itemID: pid, file: "\(file.lastPathComponent): decoded_image"))
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        switch try? locate(split: split, in: location) {
        case .json(let root, let base):
            guard let queries = try? JSONFile.object(base.appendingPathComponent("query.json")),
                let rows = try? problemRows(split: split, base: base, queries: queries)
            else { return DataAvailability(source: nil, items: 0, images: 0) }
            let images = rows.filter { pid, problem in
                FileManager.default.fileExists(atPath: base.appendingPathComponent(problem["image"]?.stringValue ?? "images/\(pid).jpg").path)
            }.count
            return DataAvailability(source: root.description, items: rows.count, images: images)
        case .parquet(let root, let files):
            return HubParquet.availability(root, files: files, imageColumn: "decoded_image")
        case nil:
            return DataAvailability(source: nil, items: 0, images: 0)
        }
    }

    /// The first copy that has the split.
    func locate(split: String, in location: DataLocation) throws -> Source {
        try requireSplit(split, called: "split")
        for root in DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location) {
            for sub in ["", "data"] where root.has(sub.isEmpty ? "query.json" : "\(sub)/query.json") {
                return .json(root, base: sub.isEmpty ? root.url : root.file(sub))
            }
            let shards = HubParquet.splitFiles(in: root, split: split)
            if !shards.isEmpty { return .parquet(root, shards) }
        }
        throw DataRoot.notFound(
            benchmark: "\(name):\(split)", folder: Self.folder, localFiles: ["query.json + \(split).json"], hubRepos: Self.hubRepos,
            in: location)
    }

    /// The split's problems in pid order: `<split>.json` when present; for `test` without `test.json`, the test
    /// pids of `query.json` (1001–6141) with only their query.
    func problemRows(split: String, base: URL, queries: [String: JSONValue]) throws -> [(String, [String: JSONValue])] {
        let file = base.appendingPathComponent("\(split).json")
        let rows: [String: JSONValue]
        if FileManager.default.fileExists(atPath: file.path) {
            rows = try JSONFile.object(file)
        } else if split == "test" {
            rows = queries.filter { (Int($0.key) ?? 0) > 1000 }.mapValues { _ in JSONValue.object([:]) }
        } else {
            throw ProctorError(.notFound, "\(file.path) is missing; copy data/\(split).json of lupantech/MathVista there")
        }
        return rows.sorted { (Int($0.key) ?? .max, $0.key) < (Int($1.key) ?? .max, $1.key) }.map { pid, value in
            (pid, value.objectValue ?? [:])
        }
    }

    func item(pid: String, problem: [String: JSONValue], query: String, image: ImageAttachment, benchmark: BenchmarkName) throws -> BenchmarkItem {
        var fields = problem
        fields["pid"] = .string(pid)
        fields["query"] = .string(query)
        let choices = problem["choices"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let answerText = problem["answer"]?.stringValue ?? ""
        var answer = answerText
        if problem["question_type"]?.stringValue == "multi_choice", !answerText.isEmpty {
            guard let index = choices.firstIndex(of: answerText) else {
                throw ProctorError(.invalidInput, "mathvista pid \(pid): answer \"\(answerText)\" is not one of its choices")
            }
            answer = Choices.letter(index)
        }
        var categories: [String: String] = [:]
        if let metadata = problem["metadata"]?.objectValue {
            for key in ["task", "category", "context", "grade", "source", "language"] {
                if let value = metadata[key]?.stringValue { categories[key] = value }
            }
            if let skills = metadata["skills"]?.arrayValue?.compactMap(\.stringValue) { categories["skills"] = skills.joined(separator: ", ") }
        }
        for key in ["question_type", "answer_type"] { if let value = problem[key]?.stringValue { categories[key] = value } }
        return BenchmarkItem(
            benchmark: benchmark, id: pid, messages: [ChatMessage(role: .user, parts: [.image(image), .text(query)])],
            promptTemplate: Self.templateID, answer: answer, choices: choices, categories: categories, fields: fields)
    }
}
