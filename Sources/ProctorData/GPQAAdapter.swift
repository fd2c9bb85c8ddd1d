import Foundation
import ProctorCore
import PythonCompat

/// GPQA-Diamond: 198 graduate-level multiple-choice questions (Biology, Chemistry, Physics).
///
/// Reads the CSV as distributed: inside the authors' password-protected zip (`gpqa_diamond.zip` with
/// `dataset/gpqa_diamond.csv`, password published in github.com/idavidrein/gpqa's README), which is decrypted in
/// memory through `unzip -p` and never written out unencrypted; or the CSV of the gated Hugging Face dataset
/// `Idavidrein/gpqa`. The prompt and option order are openai/simple-evals' (`gpqa_eval.py`): options permuted with
/// `random.Random(0).sample(range(4), 4)` per question, in file order (the first of its four repeats).
public struct GPQAAdapter: BenchmarkAdapter {
    public let name = "gpqa"
    public let summary = "GPQA-Diamond, 198 graduate-level science questions (simple-evals prompt and option order)"
    public let splits = ["diamond"]

    /// The password the authors publish for their zip.
    public static let zipPassword = "deserted-untie-orchid"
    static let folder = "gpqa_diamond"
    static let hubRepos = ["Idavidrein/gpqa"]
    /// The id of the prompt template.
    public static let templateID = "gpqa-simple-evals-v1"

    /// Creates the adapter.
    public init() {}

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let (_, table) = try read(split: split, in: location)
        var random = PythonRandom(seed: 0)
        let benchmark = BenchmarkName(name: name, split: split)
        return try table.rows.enumerated().map { index, row in
            let columns = ["Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3"]
            let answers = columns.map { row[$0] ?? "" }
            guard let question = row["Question"], let id = row["Record ID"], !answers[0].isEmpty else {
                throw ProctorError(.invalidInput, "GPQA record \(index + 1): missing Question, Record ID or Correct Answer")
            }
            let permutation = random.sample(range: 4, count: 4)
            let choices = permutation.map { answers[$0] }
            let correct = choices.firstIndex(of: answers[0]) ?? 0
            var fields: [String: JSONValue] = ["permutation": .array(permutation.map(JSONValue.int))]
            for column in ["Question", "Subdomain", "High-level domain", "Record ID"] + columns {
                fields[column] = row[column].map(JSONValue.string) ?? .null
            }
            return BenchmarkItem(
                benchmark: benchmark, id: id,
                messages: [ChatMessage(role: .user, text: Self.prompt(question: question, choices: choices))],
                promptTemplate: Self.templateID, answer: Choices.letter(correct), choices: choices,
                categories: ["domain": row["High-level domain"] ?? "", "subdomain": row["Subdomain"] ?? ""], fields: fields)
        }
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let (source, table) = try? read(split: split, in: location) else { return DataAvailability(source: nil, items: 0, images: 0) }
        return DataAvailability(source: source, items: table.rows.count, images: 0)
    }

    /// simple-evals' multiple-choice template.
    public static func prompt(question: String, choices: [String]) -> String {
        let options = choices.enumerated().map { "\(Choices.letter($0.offset))) \($0.element)" }.joined(separator: "\n")
        return "Answer the following multiple choice question. The last line of your response should be of the following "
            + "format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering."
            + "\n\n\(question)\n\n\(options)"
    }

    /// The CSV from the first copy that has it.
    func read(split: String, in location: DataLocation) throws -> (String, CSVTable) {
        guard split == "diamond" else { throw ProctorError(.invalidArgument, "gpqa has only the split \"diamond\"") }
        for root in DataRoot.find(folder: Self.folder, hubRepos: Self.hubRepos, in: location) {
            if let csv = root.first(["gpqa_diamond.csv", "dataset/gpqa_diamond.csv"]) {
                return (root.description, try CSVTable(String(decoding: try Data(contentsOf: csv), as: UTF8.self), name: csv.path))
            }
            if let zip = root.first(["gpqa_diamond.zip", "dataset.zip"]) {
                // Both the authors' dataset.zip and the shared gpqa_diamond.zip keep the CSV at this path.
                let member = "dataset/gpqa_diamond.csv"
                let data = try Self.unzip(zip, member: member)
                return (root.description, try CSVTable(String(decoding: data, as: UTF8.self), name: "\(zip.path):\(member)"))
            }
        }
        throw DataRoot.notFound(
            benchmark: name, folder: Self.folder, localFiles: ["gpqa_diamond.zip", "gpqa_diamond.csv"], hubRepos: Self.hubRepos, in: location)
    }

    /// One member of a password-protected zip, read through `unzip -p` into memory.
    static func unzip(_ zip: URL, member: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-p", "-P", zipPassword, zip.path, member]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ProctorError(.notFound, "cannot run unzip to read \(zip.path): install it (apt-get install unzip)", underlying: error)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw ProctorError(
                .invalidInput, "cannot read \(member) from \(zip.path) (unzip: \(message.trimmingCharacters(in: .whitespacesAndNewlines))); "
                    + "use the zip as distributed by the GPQA authors")
        }
        return data
    }
}
