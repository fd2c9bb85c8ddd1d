import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// Reads BFCL's category files in the v3 layout (`BFCL_v3_<category>.json`, `possible_answer/`) or the v1 layout
/// of the August 2024 leaderboard (`gorilla_openfunctions_v1_test_<category>.json`), whichever the data root holds
/// (`ROOT/bfcl/`, `ROOT/bfcl/v3/`, or `ROOT` itself), and builds the official prompt-mode prompts.
///
/// Each item keeps its raw entry and possible-answer lines (`bfcl_entry`, `bfcl_possible_answer`) so that the
/// scorer reads numbers and key order exactly as the official code's `json.loads` does.
public struct BFCLAdapter: BenchmarkAdapter {
    /// The benchmark's command-line name.
    public var name: String
    /// A one-line description.
    public var summary: String
    /// Whether this reader serves the multi-turn categories (a separate definition) or the single-turn ones.
    public var multiTurn: Bool
    /// Whether it builds function-calling requests (the question alone, the functions as OpenAI `tools` in the
    /// item's `tools` field) rather than the prompt-mode prompt.
    public var functionCalling: Bool

    /// The categories: v3's, then the v1-only names (`multiple_function`, …); multi-turn ones for the multi-turn reader.
    public var splits: [String] {
        if multiTurn { return BFCLCategory.v3MultiTurn.map(\.name) }
        let v3 = BFCLCategory.v3SingleTurn.map(\.name)
        return v3 + BFCLCategory.v1.map(\.name).filter { !v3.contains($0) }
    }

    /// Creates the reader.
    ///
    /// - Parameters:
    ///   - name: The benchmark's command-line name.
    ///   - multiTurn: Whether it reads the multi-turn categories.
    ///   - functionCalling: Whether it builds function-calling requests.
    public init(name: String, multiTurn: Bool, functionCalling: Bool = false) {
        self.name = name
        self.multiTurn = multiTurn
        self.functionCalling = functionCalling
        self.summary = multiTurn ? "BFCL v3 multi-turn categories" : "BFCL single-turn categories (v3, or the v1 leaderboard files)"
    }

    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let (category, folder) = BFCLFiles.locate(split, multiTurn: multiTurn, in: location),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(category.fileName).path)
        else { return DataAvailability(source: nil, items: 0, images: 0) }
        let count = data.split(separator: UInt8(ascii: "\n")).count
        return DataAvailability(source: folder.appendingPathComponent(category.fileName).path, items: count, images: 0)
    }

    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        guard splits.contains(split) else {
            throw ProctorError(.invalidArgument, "\(name) has no category \(split); known: \(splits.joined(separator: ", "))")
        }
        guard let (category, folder) = BFCLFiles.locate(split, multiTurn: multiTurn, in: location) else {
            let looked = BFCLFiles.folders(location).map(\.path).joined(separator: ", ")
            throw ProctorError(
                .notFound,
                "no BFCL file for category \(split) (BFCL_v3_\(split).json or gorilla_openfunctions_v1_test_\(split).json) in \(looked.isEmpty ? "any folder: no --data given" : looked); pass --data with a bfcl/ folder")
        }
        let file = folder.appendingPathComponent(category.fileName)
        let entries = try BFCLFiles.lines(file)
        var answers: [String: BFCLFiles.Line] = [:]
        if category.hasPossibleAnswers {
            let answerFile = folder.appendingPathComponent("possible_answer").appendingPathComponent(category.fileName)
            for line in try BFCLFiles.lines(answerFile) {
                guard let id = line.tree["id"]?.string else {
                    throw ProctorError(.invalidInput, "\(answerFile.path):\(line.number): a possible answer without \"id\"")
                }
                answers[id] = line
            }
        }
        return try entries.map { line in
            guard let id = line.tree["id"]?.string else { throw ProctorError(.invalidInput, "\(file.path):\(line.number): an entry without \"id\"") }
            var fields: [String: JSONValue] = [
                "bfcl_entry": .string(line.text), "bfcl_layout": .string(category.layout.rawValue), "bfcl_category": .string(category.name),
            ]
            if category.hasPossibleAnswers {
                guard let answer = answers[id] else {
                    throw ProctorError(.invalidInput, "\(file.path):\(line.number): entry \(id) has no possible answer in possible_answer/\(category.fileName)")
                }
                fields["bfcl_possible_answer"] = .string(answer.text)
            }
            var entry = PyValue(json: line.tree)
            let context = "\(file.path):\(line.number)"
            if category.judging == .multiTurn {
                let docs = try BFCLFunctionDocs.functions(entry: entry, folder: folder, context: context)
                entry.set("function", .list(docs.functions))
                fields["bfcl_functions"] = .string(PyValue.list(docs.functions).jsonDumps)
                fields["bfcl_holdout"] = .string(PyValue.dict(docs.holdout.map { (.string($0.turn), .list($0.functions)) }).jsonDumps)
            }
            let messages: [ChatMessage]
            if functionCalling {
                messages = try Self.functionCallingMessages(entry: entry, category: category, context: context)
                fields["tools"] = .array(BFCLTools.openAI(Self.functions(entry, category: category)).map(\.jsonValue))
            } else {
                messages = try Self.messages(entry: entry, category: category, context: context)
            }
            return BenchmarkItem(
                benchmark: BenchmarkName(name: name, split: split), id: id, messages: messages,
                promptTemplate: "bfcl-\(category.layout.rawValue)-\(functionCalling ? "fc" : "prompt")", answer: fields["bfcl_possible_answer"]?.stringValue ?? "",
                categories: ["category": category.name, "group": category.group], fields: fields)
        }
    }

    /// An entry's functions after the official language-specific rewriting.
    static func functions(_ entry: PyValue, category: BFCLCategory) -> [PyValue] {
        let functionField = entry["function"] ?? .list([])
        return BFCLPrompt.preprocess(functionField.elements ?? [functionField], category: category.name, layout: category.layout)
    }

    /// The function-calling messages: the question alone (v1: with the language hint, as the v1 handler sends it).
    static func functionCallingMessages(entry: PyValue, category: BFCLCategory, context: String) throws -> [ChatMessage] {
        switch category.layout {
        case .v1:
            guard let question = entry["question"]?.stringValue else { throw ProctorError(.invalidInput, "\(context): \"question\" is not a string") }
            return [ChatMessage(role: .user, text: question + "\n" + BFCLPrompt.hint(category.name))]
        case .v3:
            return try questionMessages(entry, context: context)
        }
    }

    /// The first turn's messages of a v3 entry.
    static func questionMessages(_ entry: PyValue, context: String) throws -> [ChatMessage] {
        guard let turns = entry["question"]?.elements, let first = turns.first?.elements else {
            throw ProctorError(.invalidInput, "\(context): \"question\" is not a list of turns")
        }
        return try first.map { message -> ChatMessage in
            guard let role = message["role"]?.stringValue.flatMap(ChatRole.init(rawValue:)), let content = message["content"]?.stringValue else {
                throw ProctorError(.invalidInput, "\(context): a message without role or content")
            }
            return ChatMessage(role: role, text: content)
        }
    }

    /// The official prompt-mode messages of an entry.
    static func messages(entry: PyValue, category: BFCLCategory, context: String) throws -> [ChatMessage] {
        let listing = PyValue.list(functions(entry, category: category)).description
        switch category.layout {
        case .v1:
            guard let question = entry["question"]?.stringValue else { throw ProctorError(.invalidInput, "\(context): \"question\" is not a string") }
            return [
                ChatMessage(role: .system, text: BFCLPrompt.v1System),
                ChatMessage(role: .user, text: BFCLPrompt.v1User(question: question + "\n" + BFCLPrompt.hint(category.name), functions: listing)),
            ]
        case .v3:
            var messages = try questionMessages(entry, context: context)
            let system = BFCLPrompt.v3System(functions: listing)
            if let head = messages.first, head.role == .system {
                messages[0] = ChatMessage(role: .system, text: system + "\n\n" + head.text)
            } else {
                messages.insert(ChatMessage(role: .system, text: system), at: 0)
            }
            return messages
        }
    }
}
