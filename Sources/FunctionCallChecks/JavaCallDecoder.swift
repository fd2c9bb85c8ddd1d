/// The official Java prompt-mode decoder (`java_parser.py`, on tree-sitter-java): the first method invocation of
/// the text with its `name=value` arguments, each value as the official traversal renders it (string and char
/// literals without their quotes at the top, nested nodes as the concatenation of their tokens, `new T(args)` and
/// `new T[]{…}` rebuilt, method invocations and identifiers as written).
///
/// Proctor parses the Java expression grammar the outputs use with its own recursive-descent parser; text that
/// tree-sitter would mark with an `ERROR` node fails here too (a decoder failure).
public enum JavaCallDecoder {
    /// Decodes a prompt-mode answer (`[Class.method(a="x", b=new int[]{1})]`; the outer brackets are removed as
    /// the official code removes them: the first and last character).
    ///
    /// - Parameter text: The model's output.
    /// - Returns: `[{name: {param: value}}]`, or an empty dict when the text has no method invocation.
    /// - Throws: `PromptDecoder.DecodeError` where the official decoder raises.
    public static func decode(_ text: String) throws -> PyValue {
        let source = Array(String(text.dropFirst().dropLast()).unicodeScalars)
        var parser = JavaParser(source: source)
        let statements: [JavaNode]
        do {
            statements = try parser.program()
        } catch {
            throw PromptDecoder.DecodeError(description: "Error parsing java the source code. (\(error))")
        }
        for statement in statements {
            if let call = firstInvocation(statement) {
                return try invocation(call, source: source)
            }
        }
        return .dict([])
    }

    static func firstInvocation(_ node: JavaNode) -> JavaNode? {
        if case .invocation = node.kind { return node }
        for child in node.children {
            if let found = firstInvocation(child) { return found }
        }
        return nil
    }

    static func invocation(_ node: JavaNode, source: [Unicode.Scalar]) throws -> PyValue {
        guard case .invocation(let object, let name, let arguments) = node.kind else { return .dict([]) }
        let method = name.text(source)
        let function = object.map { "\($0.text(source)).\(method)" } ?? method
        var members: [(key: PyValue, value: PyValue)] = []
        var seen = Set<String>()
        for argument in arguments {
            let entry: (PyValue, PyValue)?
            switch argument.kind {
            case .assignment:
                entry = (.string(argument.children[0].text(source)), .string(try render(argument.children[2], source: source, nested: false)))
            case .identifier, .classLiteral:
                entry = (.none, .string(try render(argument, source: source, nested: false)))
            default:
                entry = nil
            }
            guard let (key, value) = entry else { continue }
            if !seen.insert(key.stringValue ?? "\u{0}None").inserted { throw PromptDecoder.DecodeError(description: "Error: Multiple arguments with the same name are not supported.") }
            members.append((key, value))
        }
        return .list([.dict([(.string(function), .dict(members))])])
    }

    /// `traverse_node`.
    static func render(_ node: JavaNode, source: [Unicode.Scalar], nested: Bool) throws -> String {
        switch node.kind {
        case .stringLiteral, .charLiteral:
            let text = node.text(source)
            return nested ? text : String(text.dropFirst().dropLast())
        case .identifier, .classLiteral, .typeIdentifier, .invocation:
            return node.text(source)
        case .arrayCreation(let type, let value):
            guard let value else {
                throw PromptDecoder.DecodeError(description: "'NoneType' object has no attribute 'type' (array creation without initializer)")
            }
            return "new \(try render(type, source: source, nested: true))[]\(try render(value, source: source, nested: true))"
        case .objectCreation(let type, let arguments):
            let rendered = try arguments.map { try render($0, source: source, nested: true) }.joined(separator: ", ")
            return "new \(try render(type, source: source, nested: true))(\(rendered))"
        default:
            if node.children.isEmpty { return node.text(source) }
            return try node.children.map { try render($0, source: source, nested: true) }.joined()
        }
    }
}

/// A node of the Java syntax tree, with the source range it spans.
struct JavaNode: Sendable {
    enum Kind: Sendable {
        case token
        case identifier
        case typeIdentifier
        case stringLiteral
        case charLiteral
        case classLiteral
        case assignment
        /// A method invocation: its object, name and argument expressions.
        indirect case invocation(object: JavaNode?, name: JavaNode, arguments: [JavaNode])
        indirect case objectCreation(type: JavaNode, arguments: [JavaNode])
        indirect case arrayCreation(type: JavaNode, value: JavaNode?)
        case composite
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// The children in source order, tokens included (what tree-sitter's `node.children` lists).
    var children: [JavaNode]

    func text(_ source: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(source[start..<end]))
    }

    static func composite(_ children: [JavaNode]) -> JavaNode {
        JavaNode(kind: .composite, start: children.first?.start ?? 0, end: children.last?.end ?? 0, children: children)
    }
}
