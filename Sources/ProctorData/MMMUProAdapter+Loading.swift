import Foundation
import ProctorCore

extension MMMUProAdapter {
    /// One question of a setting, whatever file it came from.
    struct Row {
        var id: String
        var question: String
        var options: [String]
        var answer: String
        var subject: String
        /// The dataset's fields under their official names (images left out).
        var fields: [String: JSONValue]
        /// The encoded images by number (`image_1` → 1; the vision screenshot → 1), nil when the file has none.
        var images: [Int: Data]?
        /// Where the row came from, for messages.
        var source: String
    }

    /// One line of the local text-only JSONL.
    struct TextLine: Decodable {
        var id: String
        var question: String
        var options: String
        var explanation: String?
        var imgType: String?
        var answer: String
        var topicDifficulty: String?
        var subject: String
        enum CodingKeys: String, CodingKey {
            case id, question, options, explanation, imgType = "img_type", answer, topicDifficulty = "topic_difficulty", subject
        }
    }

    public func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit {
        let (_, rows) = try read(split: split, in: location)
        let benchmark = BenchmarkName(name: name, split: split)
        var loaded = LoadedSplit(items: [])
        for row in rows {
            switch parts(row, vision: split == "vision") {
            case .failure(let problem): loaded.problems.append(problem)
            case .success(let parts):
                loaded.items.append(BenchmarkItem(
                    benchmark: benchmark, id: row.id, messages: [ChatMessage(role: .user, parts: parts)],
                    promptTemplate: templateID, answer: row.answer, choices: row.options,
                    categories: ["subject": row.subject].merging(
                        row.fields["topic_difficulty"]?.stringValue.map { ["topic_difficulty": $0] } ?? [:]) { a, _ in a },
                    fields: row.fields))
            }
        }
        return loaded
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let (root, rows) = try? read(split: split, in: location) else { return DataAvailability(source: nil, items: 0, images: 0) }
        return DataAvailability(source: root.description, items: rows.count, images: rows.reduce(0) { $0 + ($1.images?.count ?? 0) })
    }

    /// The message parts of a row, or the problem that prevents building them.
    func parts(_ row: Row, vision: Bool) -> Result<[ContentPart], ItemLoadProblem> {
        let wanted = vision ? [1] : Self.referencedImages(question: row.question, options: row.options)
        if LoadPurpose.scoringOnly, row.images == nil {
            return .success([.text(vision ? Self.instruction(mode: mode, vision: true) : Self.standardText(question: row.question, options: row.options, mode: mode))])
        }
        guard let images = row.images else {
            let config = Self.hubConfigs[vision ? "vision" : "standard10"] ?? ""
            let file = "\(Self.hubRepos[0]) \"\(config)\" test parquet (images of \(row.id))"
            return .failure(ItemLoadProblem(
                itemID: row.id, kind: .missingFile, files: [file],
                message: "item \(row.id): \(row.source) has no images; the item needs \(wanted.map { "image_\($0)" }.joined(separator: ", "))"))
        }
        // As the official code: image_1, image_2, … up to the first absent one.
        var attachments: [Int: ImageAttachment] = [:]
        for number in 1...7 {
            guard let data = images[number] else { break }
            switch ImageFiles.attachment(data, name: "image_\(number)", itemID: row.id, file: "\(row.source): image_\(number)") {
            case .success(let image): attachments[number] = image
            case .failure(let problem): return .failure(problem)
            }
        }
        if let absent = wanted.first(where: { images[$0] == nil }) {
            return .failure(ItemLoadProblem(
                itemID: row.id, kind: .corruptFile, files: [row.source],
                message: "item \(row.id): refers to <image \(absent)> but \(row.source) has no image_\(absent) for it"))
        }
        if style == .vlmevalkit {
            let text = Self.vlmevalkitText(question: row.question, options: row.options, mode: mode, vision: vision)
            return .success(vision
                ? attachments.keys.sorted().prefix(1).compactMap { attachments[$0].map(ContentPart.image) } + [.text(text)]
                : MMMUPrompt.splitLikeVLMEvalKit(text, images: attachments))
        }
        let text = vision ? Self.instruction(mode: mode, vision: true) : Self.standardText(question: row.question, options: row.options, mode: mode)
        return .success([.text(text)] + attachments.keys.sorted().compactMap { attachments[$0].map(ContentPart.image) })
    }

    /// The rows of a setting from the first copy that has it.
    func read(split: String, in location: DataLocation) throws -> (DataRoot, [Row]) {
        try requireSplit(split, called: "setting")
        for root in DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location) {
            let config = Self.hubConfigs[split] ?? split
            let shards = HubParquet.files(in: root) { $0.split(separator: "/").first.map(String.init) == config }
            if !shards.isEmpty { return (root, try parquetRows(shards, vision: split == "vision")) }
            if split == "standard10", let file = root.first(["mmmu_pro_standard10_test_text.jsonl"]) {
                return (root, try textRows(file))
            }
        }
        let config = Self.hubConfigs[split] ?? split
        throw DataRoot.notFound(
            benchmark: "\(name):\(split)", folder: Self.folder,
            localFiles: split == "standard10" ? ["mmmu_pro_standard10_test_text.jsonl"] : ["\"\(config)\"/test-*.parquet"],
            hubRepos: Self.hubRepos, in: location)
    }

    /// The rows of the hub's Parquet shards, images included.
    func parquetRows(_ files: [URL], vision: Bool) throws -> [Row] {
        var rows: [Row] = []
        try HubParquet.forEachRow(files) { file, record in
            guard let id = record["id"]?.stringValue, let answer = record["answer"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(file.path): a row lacks id or answer; fetch the file again")
            }
            let source = "\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent)"
            let options = try PythonLiteral.stringList(record["options"]?.stringValue ?? "[]", context: "\(source) (item \(id))")
            var images: [Int: Data] = [:]
            if vision {
                images[1] = record["image"]?["bytes"]?.bytesValue
            } else {
                for number in 1...7 { images[number] = record["image_\(number)"]?["bytes"]?.bytesValue }
            }
            let imageColumns = Set(record.fieldNames.filter { $0.hasPrefix("image") })
            rows.append(Row(
                id: id, question: record["question"]?.stringValue ?? "", options: options, answer: answer,
                subject: record["subject"]?.stringValue ?? "", fields: HubParquet.fields(record, except: imageColumns),
                images: images, source: source))
        }
        return rows
    }

    /// The rows of the local text-only JSONL (no images).
    func textRows(_ file: URL) throws -> [Row] {
        try JSONLines.decode(TextLine.self, from: file).map { line, row in
            let options = try PythonLiteral.stringList(row.options, context: "\(file.path):\(line) (item \(row.id))")
            // The answer must be a letter; it is not checked against the option count, because the release has an
            // item whose options are one nested list (validation_Accounting_29), kept as the official code sends it.
            guard Choices.index(of: row.answer) != nil else {
                throw ProctorError(.invalidInput, "\(file.path):\(line): answer \"\(row.answer)\" of \(row.id) is not an option letter")
            }
            var fields: [String: JSONValue] = [
                "id": .string(row.id), "question": .string(row.question), "options": .string(row.options),
                "answer": .string(row.answer), "subject": .string(row.subject),
            ]
            fields["explanation"] = row.explanation.map(JSONValue.string)
            fields["img_type"] = row.imgType.map(JSONValue.string)
            fields["topic_difficulty"] = row.topicDifficulty.map(JSONValue.string)
            return Row(
                id: row.id, question: row.question, options: options, answer: row.answer, subject: row.subject,
                fields: fields, images: nil, source: file.lastPathComponent)
        }
    }
}
