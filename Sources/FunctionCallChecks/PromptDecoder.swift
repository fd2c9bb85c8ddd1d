import Foundation
/// The official prompt-mode decoders: model text such as `[f(a=1, b='x'), g.h(c=[1, 2])]` to the list of calls
/// `[{"f": {"a": 1, "b": "x"}}, {"g.h": {"c": [1, 2]}}]` the AST checker reads.
///
/// Two versions differ in ways that change verdicts, and both are kept:
/// - `v1` (gorilla de8307b4, the checker of the August 2024 leaderboard files): `ast.parse` of the raw text; the
///   body must be a list (or tuple) of calls, and each call is resolved as a value, so a call without keyword
///   arguments decodes to its source text (a string) rather than a call.
/// - `v3` (bfcl_eval's `default_decode_ast_prompting`): strips backticks, newlines and spaces, adds missing
///   brackets, then strips `[`, `]` and `'` from both ends, and accepts a single bare call; every top-level element
///   is resolved as a call.
public enum PromptDecoder {
    /// Which official decoder to follow.
    public enum Version: String, Sendable, Hashable, Codable {
        case v1, v3
    }

    /// A decoding failure, with the reason the official decoder would raise.
    public struct DecodeError: Error, Sendable, CustomStringConvertible {
        /// Why the text does not decode.
        public var description: String

        /// Creates an error.
        ///
        /// - Parameter description: Why the text does not decode.
        public init(description: String) {
            self.description = description
        }
    }

    /// Decodes a prompt-mode answer written in Python call syntax.
    ///
    /// - Parameters:
    ///   - text: The model's output.
    ///   - version: Which decoder to follow.
    /// - Returns: The decoded value: a list whose elements are `{name: {param: value}}` dictionaries when the
    ///   output is in the expected format (other shapes are returned as decoded, for the caller's format check).
    /// - Throws: `DecodeError` where the official decoder raises.
    public static func decodePython(_ text: String, version: Version) throws -> PyValue {
        do {
            switch version {
            case .v1:
                let body = try PythonParser.parseExpression(text)
                guard let elements = body.elements else { throw DecodeError(description: "the output is not a list of calls") }
                return .list(try elements.map { element in
                    guard case .call = element else { throw DecodeError(description: "an element of the list is not a call") }
                    return try resolve(element)
                })
            case .v3:
                let cleaned = bracketed(text).trimmingCharacters(in: ["[", "]", "'"])
                let body = try PythonParser.parseExpression(cleaned)
                if case .call = body { return .list([try resolveCall(body)]) }
                guard let elements = body.elements else { throw DecodeError(description: "the output is not a list of calls") }
                return .list(try elements.map { element in
                    guard case .call = element else { throw DecodeError(description: "an element of the list is not a call") }
                    return try resolveCall(element)
                })
            }
        } catch let error as PythonParser.Failure {
            throw DecodeError(description: "invalid syntax: \(error.description)")
        }
    }

    /// `default_decode_ast_prompting`'s clean-up: strip backticks, newlines and spaces, add missing brackets.
    ///
    /// - Parameter text: The model's output.
    /// - Returns: The text in brackets.
    public static func bracketed(_ text: String) -> String {
        var result = text.trimmingCharacters(in: ["`", "\n", " "])
        if !result.hasPrefix("[") { result = "[" + result }
        if !result.hasSuffix("]") { result += "]" }
        return result
    }

    /// `resolve_ast_call`: `{dotted.name: {keyword: value}}` (positional arguments are dropped).
    static func resolveCall(_ node: PyNode) throws -> PyValue {
        guard case .call(let function, _, let keywords) = node else { throw DecodeError(description: "not a call") }
        var parts: [String] = []
        var part = function
        while case .attribute(let base, let attr) = part {
            parts.append(attr)
            part = base
        }
        if case .name(let n) = part { parts.append(n) }
        var arguments: [(key: PyValue, value: PyValue)] = []
        for keyword in keywords {
            // `**kwargs` has no name: Python stores `None` as the key and resolves the value as any other.
            let key: PyValue = keyword.name.map(PyValue.string) ?? .none
            let value = try resolve(keyword.value)
            if let index = arguments.firstIndex(where: { $0.key == key }) {
                arguments[index].value = value
            } else {
                arguments.append((key, value))
            }
        }
        return .dict([(.string(parts.reversed().joined(separator: ".")), .dict(arguments))])
    }

    /// `resolve_ast_by_type`: the value of an argument node.
    static func resolve(_ node: PyNode) throws -> PyValue {
        switch node {
        case .constant(let value): return value
        case .ellipsis: return .string("...")
        case .unary(let op, let operand):
            // The official code computes `-operand.value` whatever the operator is.
            guard case .constant(let value) = operand else { throw DecodeError(description: "unary operator on a non-constant (\(op))") }
            switch value {
            case .int(let i): return .int(-i)
            case .float(let d): return .float(-d)
            case .bool(let b): return .int(b ? -1 : 0)
            default: throw DecodeError(description: "bad operand type for unary -: '\(value.kind.rawValue)'")
            }
        case .list(let items): return .list(try items.map(resolve))
        case .tuple(let items): return .tuple(try items.map(resolve))
        case .dict(let members):
            var out: [(key: PyValue, value: PyValue)] = []
            for member in members {
                guard let keyNode = member.key else { throw DecodeError(description: "Unsupported AST type: <class 'NoneType'>") }
                let key = try resolve(keyNode)
                let value = try resolve(member.value)
                if let index = out.firstIndex(where: { $0.key == key }) { out[index].value = value } else { out.append((key, value)) }
            }
            return .dict(out)
        case .binary: return try PythonEvaluation.evaluate(node)
        case .name(let n): return .string(n)
        case .call(_, _, let keywords):
            return keywords.isEmpty ? .string(PythonUnparse.unparse(node)) : try resolveCall(node)
        case .subscript(let base, let index):
            return .string(PythonUnparse.unparse(base) + "[" + PythonUnparse.unparse(index) + "]")
        case .attribute: throw DecodeError(description: "Unsupported AST type: <class 'ast.Attribute'>")
        case .set: throw DecodeError(description: "Unsupported AST type: <class 'ast.Set'>")
        case .unsupported(let kind): throw DecodeError(description: "Unsupported AST type: <class 'ast.\(kind)'>")
        }
    }
}

extension PyNode {
    /// The elements of a list, tuple or set node (`parsed.body.elts`).
    var elements: [PyNode]? {
        switch self {
        case .list(let items), .tuple(let items), .set(let items): items
        default: nil
        }
    }
}
