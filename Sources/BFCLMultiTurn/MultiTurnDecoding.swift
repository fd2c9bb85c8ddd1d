import Foundation
import FunctionCallChecks
import OrderedJSON

/// `decode_execute`: a model's step (prompt-mode text, or a function-calling list of `{name: arguments}`) as the
/// call texts the executor runs.
public enum MultiTurnDecoding {
    /// `default_decode_execute_prompting`: v3's prompt decoding, each call rendered as `name(k=repr(v), …)`
    /// (`parse_nested_value`: nested calls and dictionaries spelled out).
    ///
    /// - Throws: `PromptDecoder.DecodeError` when the text does not decode.
    public static func calls(fromPrompt text: String) throws -> [String] {
        guard case .list(let decoded) = try PromptDecoder.decodePython(text, version: .v3) else { return [] }
        return decoded.flatMap { call in
            (call.dictValue ?? []).map { name, arguments in
                "\(name.str)(" + (arguments.dictValue ?? []).map { "\($0.key.str)=\(nested($0.value))" }.joined(separator: ", ") + ")"
            }
        }
    }

    /// `parse_nested_value`.
    static func nested(_ value: PyValue) -> String {
        guard case .dict(let members) = value else { return value.description }
        if members.allSatisfy({ $0.value.dictValue != nil }), let first = members.first {
            let arguments = (first.value.dictValue ?? []).map { "\($0.key.str)=\(nested($0.value))" }.joined(separator: ", ")
            return "\(first.key.str)(\(arguments))"
        }
        return "{" + members.map { "'\($0.key.str)': \(nested($0.value))" }.joined(separator: ", ") + "}"
    }

    /// `convert_to_function_call`: `name(k=repr(v),…)` for each `{name: arguments JSON}`.
    ///
    /// - Throws: `PromptDecoder.DecodeError` when an element is not such a call.
    public static func calls(fromFunctionCalls items: [JSONTree]) throws -> [String] {
        try items.flatMap { item -> [String] in
            guard case .object(let members) = item else { throw PromptDecoder.DecodeError(description: "a call is not a {name: arguments} object") }
            return try members.map { name, value in
                var arguments = value
                if case .string(let text) = value {
                    guard let parsed = try? JSONTree.parse(Data(text.utf8)) else {
                        throw PromptDecoder.DecodeError(description: "the arguments of \(name) are not JSON")
                    }
                    arguments = parsed
                }
                let pairs = (PyValue(json: arguments).dictValue ?? []).map { "\($0.key.str)=\($0.value.description)" }
                return "\(name)(" + pairs.joined(separator: ",") + ")"
            }
        }
    }

    /// The turns of an official multi-turn result (`result`: per turn, per step, a prompt-mode text or a list of
    /// calls), decoded; steps that fail to decode or decode to nothing are left out, as the official runner does.
    ///
    /// - Returns: nil when the result is not a list of turns.
    public static func turns(_ result: JSONTree) -> [[[String]]]? {
        guard case .array(let turns) = result else { return nil }
        var out: [[[String]]] = []
        for turn in turns {
            guard case .array(let steps) = turn else { return nil }
            var decoded: [[String]] = []
            for step in steps {
                let calls: [String]?
                switch step {
                case .string(let text): calls = try? Self.calls(fromPrompt: text)
                case .array(let items): calls = try? Self.calls(fromFunctionCalls: items)
                default: calls = nil
                }
                guard let calls, !calls.isEmpty else { continue }
                decoded.append(calls)
            }
            out.append(decoded)
        }
        return out
    }
}
