import Foundation
import ProctorCore

/// Reads LiveCodeBench's code-generation problems and builds the official prompt of one style.
///
/// Items are the problems of a version tag (the hub's increment files, or the shared problems-only file for
/// release_v5), in file order. An item's id is `question_id`; its fields carry the dataset's own fields
/// (`contest_date` is what `--start-date`/`--end-date` filter on) and `has_tests`, which says whether its tests were
/// read with it. The tests themselves stay in the data files; the scorer reads them by id when it grades.
public struct LiveCodeBenchAdapter: BenchmarkAdapter {
    /// `livecodebench`.
    public let name = "livecodebench"
    /// The `list` description.
    public let summary = "LiveCodeBench code generation (lite): LeetCode, AtCoder and Codeforces problems graded by running the program's tests"
    /// The version tags (`release_v5` first).
    public var splits: [String] { LCBRelease.tags }
    /// The prompt style.
    public var style: LCBPromptStyle

    /// Creates the adapter.
    ///
    /// - Parameter style: The prompt style (default: the chat prompt).
    public init(style: LCBPromptStyle = .chat) {
        self.style = style
    }

    /// Loads a version's problems with this style's prompts.
    ///
    /// - Throws: `ProctorError` naming missing increments, a malformed line or a repeated id.
    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let found = try LCBDataFiles.find(tag: split, in: location)
        var examples: (func: LCBPrompt.Example, stdin: LCBPrompt.Example)?
        if style == .base {
            guard let folder = LCBDataFiles.fewShotFolder(in: location) else {
                throw ProctorError(
                    .notFound,
                    "the base-model prompt needs the official few-shot examples in \(LCBDataFiles.localFolder)/\(LCBDataFiles.fewShotFolder)/ (func.json, stdin.json) under --data")
            }
            examples = try LCBPrompt.examples(in: folder)
        }
        let (files, hasTests): ([URL], Bool) = switch found {
        case .increments(let files): (files, true)
        case .problemsOnly(let file): ([file], false)
        }
        var items: [BenchmarkItem] = []
        var seen: [String: String] = [:]
        for file in files {
            for (line, problem) in try JSONLines.decode(LCBProblem.self, from: file) {
                let place = "\(file.path):\(line)"
                if let first = seen.updateValue(place, forKey: problem.questionID) {
                    throw ProctorError(.invalidInput, "\(place): question_id \(problem.questionID) appears again (first at \(first))")
                }
                items.append(item(problem, split: split, hasTests: hasTests, examples: examples))
            }
        }
        return items
    }

    /// Where a version's files are and how many problems they hold (lines counted, not decoded).
    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let found = try? LCBDataFiles.find(tag: split, in: location) else { return DataAvailability(source: nil, items: 0, images: 0) }
        let files: [URL]
        switch found {
        case .increments(let f): files = f
        case .problemsOnly(let f): files = [f]
        }
        var count = 0
        for file in files {
            guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return DataAvailability(source: nil, items: 0, images: 0) }
            count += data.split(separator: UInt8(ascii: "\n")).filter { $0.contains { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 } }.count
        }
        let kind = if case .problemsOnly = found { " (problems only, no tests)" } else { "" }
        return DataAvailability(source: files.map(\.path).joined(separator: ", ") + kind, items: count, images: 0)
    }

    /// Items of problems absent from the local data, from the fields a prediction carries (the official submission
    /// files repeat every problem field).
    public func item(id: String, split: String, fields: [String: JSONValue]) -> BenchmarkItem? {
        guard let content = fields["question_content"]?.stringValue, let date = fields["contest_date"]?.stringValue else { return nil }
        let problem = LCBProblem(
            questionTitle: fields["question_title"]?.stringValue ?? "", questionContent: content, platform: fields["platform"]?.stringValue ?? "",
            questionID: id, contestID: fields["contest_id"]?.stringValue ?? "", contestDate: date,
            starterCode: fields["starter_code"]?.stringValue ?? "", difficulty: fields["difficulty"]?.stringValue ?? "", metadata: nil)
        return item(problem, split: split, hasTests: false, examples: nil)
    }

    func item(_ problem: LCBProblem, split: String, hasTests: Bool, examples: (func: LCBPrompt.Example, stdin: LCBPrompt.Example)?) -> BenchmarkItem {
        var fields: [String: JSONValue] = [
            "question_title": .string(problem.questionTitle), "platform": .string(problem.platform), "question_id": .string(problem.questionID),
            "contest_id": .string(problem.contestID), "contest_date": .string(problem.contestDate), "starter_code": .string(problem.starterCode),
            "difficulty": .string(problem.difficulty), "has_tests": .bool(hasTests),
        ]
        if let metadata = problem.metadata { fields["metadata"] = .string(metadata) }
        return BenchmarkItem(
            benchmark: BenchmarkName(name: name, split: split), id: problem.questionID,
            messages: LCBPrompt.messages(question: problem.questionContent, starterCode: problem.starterCode, style: style, examples: examples),
            promptTemplate: style.templateID, answer: "", categories: ["platform": problem.platform, "difficulty": problem.difficulty],
            fields: fields)
    }
}
