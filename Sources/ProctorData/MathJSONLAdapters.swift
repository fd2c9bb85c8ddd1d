import Foundation
import ProctorCore

/// AIME 2024 (30 problems, ids 60–89 as in HuggingFaceH4/aime_2024 and Qwen2.5-Math's copy).
public struct AIME2024Adapter: BenchmarkAdapter {
    public let name = "aime24"
    public let summary = "AIME 2024 I+II, 30 integer-answer problems (R1 prompt, boxed answer)"
    public let splits = ["test"]

    /// Creates the adapter.
    public init() {}

    struct Row: Decodable {
        var id: JSONValue
        var problem: String
        var answer: JSONValue
        var url: String?
    }

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let hub = ["HuggingFaceH4/aime_2024"]
        var rows: [(line: Int, value: Row)] = []
        var url: URL?
        for root in DataRoot.find(folder: "aime2024", hubRepos: hub, in: location) {
            if let file = root.first(["test.jsonl"]) {
                rows = try JSONLines.decode(Row.self, from: file)
                url = file
                break
            }
            let shards = HubParquet.splitFiles(in: root, split: "train")
            if let first = shards.first {
                try HubParquet.forEachRow(shards, columns: ["id", "problem", "answer", "url"]) { file, record in
                    rows.append((rows.count + 1, Row(
                        id: record["id"]?.jsonValue ?? .null, problem: record["problem"]?.stringValue ?? "",
                        answer: record["answer"]?.jsonValue ?? .null, url: record["url"]?.stringValue)))
                }
                url = first
                break
            }
        }
        guard let url else {
            throw DataRoot.notFound(benchmark: name, folder: "aime2024", localFiles: ["test.jsonl"], hubRepos: hub, in: location)
        }
        let benchmark = BenchmarkName(name: name, split: split)
        return try rows.map { line, row in
            guard let id = row.id.stringValue, let answer = row.answer.stringValue else {
                throw ProctorError(.invalidInput, "\(url.path):\(line): id and answer must be strings or numbers")
            }
            let part = row.url.map { $0.contains("_II_") ? "II" : "I" } ?? ""
            return BenchmarkItem(
                benchmark: benchmark, id: id, messages: MathPrompt.r1(row.problem), promptTemplate: MathPrompt.r1TemplateID,
                answer: answer, categories: part.isEmpty ? [:] : ["exam": "AIME 2024 \(part)"],
                fields: ["problem": .string(row.problem), "answer": .string(answer)])
        }
    }
}

/// AIME 2025 (30 problems; ids `I-1`…`II-15` from the two exam files, or the row order of math-ai/aime25).
public struct AIME2025Adapter: BenchmarkAdapter {
    public let name = "aime25"
    public let summary = "AIME 2025 I+II, 30 integer-answer problems (R1 prompt, boxed answer)"
    public let splits = ["test"]

    /// Creates the adapter.
    public init() {}

    struct Row: Decodable {
        var id: JSONValue?
        var problem: String
        var answer: JSONValue
    }

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let benchmark = BenchmarkName(name: name, split: split)
        var rows: [(id: String, exam: String, row: Row)] = []
        let hub = ["math-ai/aime25"]
        if let first = DataRoot.firstFile(folder: "aime2025", hubRepos: [], paths: ["test2025-I.jsonl"], in: location),
            let second = DataRoot.firstFile(folder: "aime2025", hubRepos: [], paths: ["test2025-II.jsonl"], in: location)
        {
            for (url, exam) in [(first, "I"), (second, "II")] {
                for (line, row) in try JSONLines.decode(Row.self, from: url) {
                    guard let id = row.id?.stringValue else {
                        throw ProctorError(.invalidInput, "\(url.path):\(line): missing \"id\"")
                    }
                    rows.append((id, exam, row))
                }
            }
        } else if let url = DataRoot.firstFile(folder: "aime2025", hubRepos: hub, paths: ["test.jsonl"], in: location) {
            for (index, (_, row)) in try JSONLines.decode(Row.self, from: url).enumerated() {
                rows.append((row.id?.stringValue ?? String(index), index < 15 ? "I" : "II", row))
            }
        } else {
            throw DataRoot.notFound(
                benchmark: name, folder: "aime2025", localFiles: ["test2025-I.jsonl + test2025-II.jsonl", "test.jsonl"],
                hubRepos: hub, in: location)
        }
        return try rows.map { id, exam, row in
            guard let answer = row.answer.stringValue else {
                throw ProctorError(.invalidInput, "aime2025 item \(id): answer must be a string or a number")
            }
            return BenchmarkItem(
                benchmark: benchmark, id: id, messages: MathPrompt.r1(row.problem), promptTemplate: MathPrompt.r1TemplateID,
                answer: answer, categories: ["exam": "AIME 2025 \(exam)"],
                fields: ["problem": .string(row.problem), "answer": .string(answer)])
        }
    }
}

/// MATH-500 (HuggingFaceH4/MATH-500; ids are `unique_id`, such as `test/precalculus/807.json`).
public struct MATH500Adapter: BenchmarkAdapter {
    public let name = "math500"
    public let summary = "MATH-500, 500 competition problems in 7 subjects and 5 levels (R1 prompt, boxed answer)"
    public let splits = ["test"]

    /// Creates the adapter.
    public init() {}

    struct Row: Decodable {
        var problem: String
        var answer: String
        var subject: String
        var level: Int
        var uniqueID: String
        enum CodingKeys: String, CodingKey {
            case problem, answer, subject, level, uniqueID = "unique_id"
        }
    }

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let hub = ["HuggingFaceH4/MATH-500"]
        guard let url = DataRoot.firstFile(folder: "math500", hubRepos: hub, paths: ["test.jsonl"], in: location) else {
            throw DataRoot.notFound(benchmark: name, folder: "math500", localFiles: ["test.jsonl"], hubRepos: hub, in: location)
        }
        let benchmark = BenchmarkName(name: name, split: split)
        return try JSONLines.decode(Row.self, from: url).map { _, row in
            BenchmarkItem(
                benchmark: benchmark, id: row.uniqueID, messages: MathPrompt.r1(row.problem),
                promptTemplate: MathPrompt.r1TemplateID, answer: row.answer,
                categories: ["subject": row.subject, "level": String(row.level)],
                fields: ["problem": .string(row.problem), "answer": .string(row.answer), "subject": .string(row.subject),
                         "level": .int(row.level), "unique_id": .string(row.uniqueID)])
        }
    }
}
