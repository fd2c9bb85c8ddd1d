/// One Python call written as text (`cd(folder='document')`, `mean([1, 2])`), with its arguments evaluated as
/// Python's `eval` would evaluate literals: what the multi-turn executor runs.
public struct PythonCall: Sendable {
    /// The function's (dotted) name.
    public var name: String
    /// The positional arguments.
    public var positional: [PyValue]
    /// The keyword arguments, in order.
    public var keywords: [(name: String, value: PyValue)]

    /// Parses a call.
    ///
    /// - Parameter text: The call's source.
    /// - Throws: `PromptDecoder.DecodeError` when the text is not one call of literal arguments (a name used as a
    ///   value is Python's `NameError`).
    public init(parsing text: String) throws {
        let node: PyNode
        do {
            node = try PythonParser.parseExpression(text)
        } catch let error as PythonParser.Failure {
            throw PromptDecoder.DecodeError(description: "invalid syntax: \(error.description)")
        }
        guard case .call(let function, let positional, let keywords) = node else {
            throw PromptDecoder.DecodeError(description: "not a function call: \(text.prefix(80))")
        }
        var parts: [String] = []
        var part = function
        while case .attribute(let base, let attr) = part {
            parts.append(attr)
            part = base
        }
        guard case .name(let head) = part else { throw PromptDecoder.DecodeError(description: "not a function call: \(text.prefix(80))") }
        parts.append(head)
        name = parts.reversed().joined(separator: ".")
        self.positional = try positional.map(Self.literal)
        self.keywords = try keywords.map { keyword in
            guard let name = keyword.name else { throw PromptDecoder.DecodeError(description: "** arguments are not supported") }
            return (name, try Self.literal(keyword.value))
        }
    }

    /// `eval` of a literal expression.
    static func literal(_ node: PyNode) throws -> PyValue {
        switch node {
        case .constant(let value): return value
        case .list(let items): return .list(try items.map(literal))
        case .tuple(let items): return .tuple(try items.map(literal))
        case .set(let items): return .set(try items.map(literal))
        case .dict(let members):
            return .dict(try members.map { member in
                guard let key = member.key else { throw PromptDecoder.DecodeError(description: "** in a dict is not supported") }
                return (try literal(key), try literal(member.value))
            })
        case .unary, .binary: return try PythonEvaluation.evaluate(node)
        case .name(let n): throw PromptDecoder.DecodeError(description: "name '\(n)' is not defined")
        default: throw PromptDecoder.DecodeError(description: "cannot evaluate \(PythonUnparse.unparse(node))")
        }
    }
}
