import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// Turning a stored answer into the decoded call list the checker reads, in either answer mode.
enum BFCLDecoding {
    /// A function-calling answer, when the input is one: the JSON list of `{name: arguments}` the official result
    /// files store for function-calling models (in `preExtracted` for imported files), or a response that is such a
    /// list (what a backend returns for a completion that called tools). A prompt-mode answer is never JSON of
    /// that shape (`[f(a=1)]` is not JSON; `[]` decodes to no calls either way).
    static func functionCallingOutput(_ input: ScoringInput) -> JSONTree? {
        if let text = input.preExtracted, text.hasPrefix("["), let tree = try? JSONTree.parse(Data(text.utf8)), case .array = tree {
            return tree
        }
        let response = input.response.trimmingCharacters(in: .whitespacesAndNewlines)
        guard response.hasPrefix("[{"), let tree = try? JSONTree.parse(Data(response.utf8)), case .array(let items) = tree,
            items.allSatisfy({ if case .object(let members) = $0 { members.count == 1 } else { false } })
        else { return nil }
        return tree
    }

    /// The OpenAI handler's `decode_ast`: each `{name: arguments}` with the arguments a JSON string (or object).
    static func decodeFunctionCalls(_ tree: JSONTree) -> Result<PyValue, PromptDecoder.DecodeError> {
        guard case .array(let items) = tree else { return .failure(.init(description: "not a list of calls")) }
        var calls: [PyValue] = []
        for item in items {
            guard case .object(let members) = item, let first = members.first else {
                return .failure(.init(description: "a call is not a {name: arguments} object"))
            }
            var arguments = first.value
            if case .string(let text) = arguments {
                guard let parsed = try? JSONTree.parse(Data(text.utf8)) else {
                    return .failure(.init(description: "the arguments of \(first.key) are not JSON: \(text.prefix(80))"))
                }
                arguments = parsed
            }
            calls.append(.dict([(.string(first.key), PyValue(json: arguments))]))
        }
        return .success(.list(calls))
    }

    /// The prompt-mode decoder of a language and version.
    static func decodePrompt(_ text: String, language: ASTChecker.Language, version: PromptDecoder.Version, layout: PromptDecoder.Version) throws -> PyValue {
        switch language {
        case .python:
            return try PromptDecoder.decodePython(text, version: version)
        case .java:
            return try JavaCallDecoder.decode(version == .v3 ? PromptDecoder.bracketed(text) : text)
        case .javascript:
            return try JavaScriptCallDecoder.decode(version == .v3 ? PromptDecoder.bracketed(text) : text)
        }
    }

    /// `is_empty_output`: not a list of dictionaries, `[]`, or `[{}]`.
    static func isEmptyOutput(_ value: PyValue) -> Bool {
        guard case .list(let items) = value, items.allSatisfy({ $0.dictValue != nil }) else { return true }
        if items.isEmpty { return true }
        if items.count == 1, items[0].dictValue?.isEmpty == true { return true }
        return false
    }

    /// The expected calls' function names, in the possible answer's order (v1: the dictionary's keys; v3: each
    /// element's key).
    static func expectedNames(_ truth: PyValue) -> [String] {
        switch truth {
        case .dict(let members): return members.compactMap(\.key.stringValue)
        case .list(let items): return items.compactMap { $0.dictValue?.first?.key.stringValue }
        default: return []
        }
    }
}
