import Foundation
import ProctorCore

/// MATH-Vision (MATH-V): 3,040 competition problems with one image each (`test`), and a 304-item `testmini`.
///
/// Reads the authors' release (mathllm/MATH-V: `data/<split>.jsonl` and `images/<id>.jpg`) or the Hugging Face
/// dataset `MathLLMs/MathVision` once its Parquet files can be read. Ids are the benchmark's own (`"4"`); categories
/// are `subject` (16) and `level` (1–5).
public struct MathVisionAdapter: ItemwiseLoading {
    public let name = "mathvision"
    public let summary = "MATH-Vision, 3,040 visual competition-math problems in 16 subjects, 5 levels (boxed answer)"
    public let splits = ["test", "testmini"]

    static let folder = "mathvision"
    static let hubRepos = ["MathLLMs/MathVision"]

    /// Creates the adapter.
    public init() {}

    /// One line of `data/<split>.jsonl`.
    struct Row: Decodable {
        var id: String
        var question: String
        var options: [String]
        var answer: String
        var solution: String?
        var level: Int
        var subject: String
        var image: String
    }

    /// Where a split was found.
    enum Source {
        /// The authors' `data/<split>.jsonl` with image files.
        case jsonl(DataRoot, URL)
        /// The hub dataset's Parquet shards (images in `decoded_image`).
        case parquet(DataRoot, [URL])
    }

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let benchmark = BenchmarkName(name: name, split: split)
        var loaded = LoadedSplit(items: [])
        func add(_ row: Row, _ image: Result<ImageAttachment, ItemLoadProblem>) {
            switch image {
            case .success(let image): loaded.items.append(item(row, image: image, benchmark: benchmark))
            case .failure(let problem): loaded.problems.append(problem)
            }
        }
        switch try locate(split: split, in: location) {
        case .jsonl(let root, let file):
            for (_, row) in try JSONLines.decode(Row.self, from: file) {
                add(row, ImageFiles.load(root.file(row.image), name: row.image, itemID: row.id))
            }
        case .parquet(_, let files):
            try HubParquet.forEachRow(files) { file, record in
                guard let id = record["id"]?.stringValue, let question = record["question"]?.stringValue,
                    let answer = record["answer"]?.stringValue
                else { throw ProctorError(.invalidInput, "\(file.path): a row lacks id, question or answer; fetch the file again") }
                let row = Row(
                    id: id, question: question, options: record["options"]?.listValue?.compactMap(\.stringValue) ?? [],
                    answer: answer, solution: record["solution"]?.stringValue, level: record["level"]?.intValue ?? 0,
                    subject: record["subject"]?.stringValue ?? "", image: record["image"]?.stringValue ?? "images/\(id).jpg")
                guard let bytes = record["decoded_image"]?["bytes"]?.bytesValue else {
                    add(row, .failure(ItemLoadProblem(
                        itemID: id, kind: .corruptFile, files: [file.path], message: "item \(id): no decoded_image in \(file.path)")))
                    return
                }
                add(row, ImageFiles.attachment(bytes, name: row.image, itemID: id, file: "\(file.lastPathComponent): decoded_image"))
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        switch try? locate(split: split, in: location) {
        case .jsonl(let root, let file):
            guard let rows = try? JSONLines.decode(Row.self, from: file) else { return DataAvailability(source: nil, items: 0, images: 0) }
            return DataAvailability(source: root.description, items: rows.count, images: rows.filter { root.has($0.value.image) }.count)
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
            if let file = root.first(["data/\(split).jsonl", "\(split).jsonl"]) { return .jsonl(root, file) }
            let shards = HubParquet.splitFiles(in: root, split: split)
            if !shards.isEmpty { return .parquet(root, shards) }
        }
        throw DataRoot.notFound(
            benchmark: "\(name):\(split)", folder: Self.folder, localFiles: ["data/\(split).jsonl"], hubRepos: Self.hubRepos, in: location)
    }

    func item(_ row: Row, image: ImageAttachment, benchmark: BenchmarkName) -> BenchmarkItem {
        var fields: [String: JSONValue] = [
            "id": .string(row.id), "question": .string(row.question), "options": .array(row.options.map(JSONValue.string)),
            "answer": .string(row.answer), "level": .int(row.level), "subject": .string(row.subject), "image": .string(row.image),
        ]
        fields["solution"] = row.solution.map(JSONValue.string) ?? .null
        return BenchmarkItem(
            benchmark: benchmark, id: row.id,
            messages: [ChatMessage(role: .user, parts: [.image(image), .text(Self.prompt(question: row.question, options: row.options))])],
            promptTemplate: Self.templateID, answer: row.answer, choices: row.options,
            categories: ["subject": row.subject, "level": String(row.level)], fields: fields)
    }

    /// The id of the official prompt template.
    public static let templateID = "mathvision-boxed-v1"

    /// The official MATH-V prompt: an instruction to reason step by step and put the answer (one letter for multiple
    /// choice) in `\boxed{}`, the question (its `<image1>` placeholder kept), then the options as `(A) …` lines
    /// unless they are just the letters A–E (choices drawn in the image).
    ///
    /// - Parameters:
    ///   - question: The question text.
    ///   - options: The five options, or none.
    /// - Returns: The text part of the user message (the image comes before it).
    public static func prompt(question: String, options: [String]) -> String {
        var optionLines = ""
        if !options.isEmpty, options.joined() != "ABCDE" {
            for (index, option) in options.enumerated() {
                optionLines += "(\(Choices.letter(index))) \(option)\n"
            }
        }
        return "Please solve the problem step by step and put your answer in one \"\\boxed{}\". If it is a multiple "
            + "choice question, only one letter is allowed in the \"\\boxed{}\".\n\(question)\n\(optionLines)"
    }
}

/// Option letters.
public enum Choices {
    /// The letter of the option at `index` (0 → A).
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index % 26)))
    }

    /// The index of an option letter (A → 0), or nil.
    public static func index(of letter: String) -> Int? {
        guard letter.count == 1, let scalar = letter.unicodeScalars.first, (65...90).contains(scalar.value) else { return nil }
        return Int(scalar.value) - 65
    }
}
