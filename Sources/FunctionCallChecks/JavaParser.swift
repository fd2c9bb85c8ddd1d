/// A recursive-descent parser of Java statements made of expressions, after tree-sitter-java's grammar, for the
/// Java prompt-mode decoder. Anything outside the grammar is a failure (tree-sitter's `ERROR` node).
struct JavaParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    enum TokenKind: Equatable {
        case identifier, number, string, char, op, end
    }

    struct Token {
        var kind: TokenKind
        var text: String
        var start: Int
        var end: Int
    }

    let source: [Unicode.Scalar]
    var tokens: [Token] = []
    var position = 0

    init(source: [Unicode.Scalar]) {
        self.source = source
    }

    static let primitiveTypes: Set<String> = ["int", "long", "short", "byte", "char", "boolean", "float", "double", "void"]

    /// Statements: expressions separated (and optionally ended) by `;` (a missing final `;` is tree-sitter's
    /// `MISSING`, not an `ERROR`).
    mutating func program() throws -> [JavaNode] {
        tokens = try JavaLexer.tokenize(source)
        var statements: [JavaNode] = []
        while peek.kind != .end {
            if accept(";") { continue }
            statements.append(try expression())
            if peek.kind != .end && !accept(";") { throw Failure(description: "unexpected '\(peek.text)'") }
        }
        return statements
    }

    var peek: Token { tokens[position] }
    func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    mutating func next() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    mutating func accept(_ op: String) -> Bool {
        if peek.kind == .op && peek.text == op { position += 1; return true }
        return false
    }

    func isOp(_ op: String) -> Bool { peek.kind == .op && peek.text == op }

    mutating func expect(_ op: String) throws -> JavaNode {
        guard isOp(op) else { throw Failure(description: "expected '\(op)', found '\(peek.text)'") }
        return leaf(next())
    }

    func leaf(_ t: Token, _ kind: JavaNode.Kind = .token) -> JavaNode {
        JavaNode(kind: kind, start: t.start, end: t.end, children: [])
    }

    static let assignmentOperators: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>="]

    mutating func expression() throws -> JavaNode {
        if let lambda = try lambdaIfPresent() { return lambda }
        let left = try ternary()
        if peek.kind == .op, Self.assignmentOperators.contains(peek.text) {
            let op = leaf(next())
            let right = try expression()
            return JavaNode(kind: .assignment, start: left.start, end: right.end, children: [left, op, right])
        }
        return left
    }

    mutating func lambdaIfPresent() throws -> JavaNode? {
        let start = position
        var params: [JavaNode] = []
        if peek.kind == .identifier && peek(1).kind == .op && peek(1).text == "->" {
            params = [leaf(next(), .identifier)]
        } else if isOp("(") {
            // `(a, b) ->` or `() ->`: look for the matching `)` followed by `->`.
            var depth = 0
            var i = position
            while i < tokens.count {
                if tokens[i].kind == .op && tokens[i].text == "(" { depth += 1 }
                if tokens[i].kind == .op && tokens[i].text == ")" { depth -= 1; if depth == 0 { break } }
                i += 1
            }
            guard i + 1 < tokens.count, tokens[i + 1].kind == .op, tokens[i + 1].text == "->" else { return nil }
            while position <= i { params.append(leaf(next())) }
        } else {
            return nil
        }
        let arrow = leaf(next())
        let body: JavaNode
        if isOp("{") { body = try block() } else { body = try expression() }
        _ = start
        return .composite(params + [arrow, body])
    }

    /// A `{ … }` block, kept as its tokens (balanced braces).
    mutating func block() throws -> JavaNode {
        var nodes: [JavaNode] = []
        var depth = 0
        repeat {
            guard peek.kind != .end else { throw Failure(description: "unclosed block") }
            let t = next()
            if t.kind == .op && t.text == "{" { depth += 1 }
            if t.kind == .op && t.text == "}" { depth -= 1 }
            nodes.append(leaf(t, t.kind == .string ? .stringLiteral : t.kind == .char ? .charLiteral : .token))
        } while depth > 0
        return .composite(nodes)
    }

    mutating func ternary() throws -> JavaNode {
        let condition = try binary(0)
        guard isOp("?") else { return condition }
        let q = leaf(next())
        let a = try expression()
        let colon = try expect(":")
        let b = try expression()
        return .composite([condition, q, a, colon, b])
    }

    static let levels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">=", "instanceof"], ["<<", ">>", ">>>"], ["+", "-"], ["*", "/", "%"],
    ]

    mutating func binary(_ level: Int) throws -> JavaNode {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level + 1)
        while (peek.kind == .op || peek.kind == .identifier) && Self.levels[level].contains(peek.text) {
            let op = leaf(next())
            let right = op.text(source) == "instanceof" ? try type() : try binary(level + 1)
            left = .composite([left, op, right])
        }
        return left
    }

    mutating func unary() throws -> JavaNode {
        if peek.kind == .op, ["-", "+", "!", "~", "++", "--"].contains(peek.text) {
            let op = leaf(next())
            return .composite([op, try unary()])
        }
        // A cast to a primitive type: `(int) x`.
        if isOp("("), peek(1).kind == .identifier, Self.primitiveTypes.contains(peek(1).text), peek(2).kind == .op, peek(2).text == ")" {
            let open = leaf(next()), type = leaf(next(), .typeIdentifier), close = leaf(next())
            return .composite([open, type, close, try unary()])
        }
        var node = try postfix()
        if peek.kind == .op, peek.text == "++" || peek.text == "--" { node = .composite([node, leaf(next())]) }
        return node
    }

    mutating func postfix() throws -> JavaNode {
        var node = try primary()
        while true {
            if isOp(".") {
                let dot = leaf(next())
                if peek.kind == .identifier && peek.text == "class" {
                    let cls = leaf(next())
                    node = JavaNode(kind: .classLiteral, start: node.start, end: cls.end, children: [node, dot, cls])
                    continue
                }
                if isOp("<") { _ = try typeArguments() }
                guard peek.kind == .identifier else { throw Failure(description: "expected a name after '.'") }
                let name = leaf(next(), .identifier)
                if isOp("(") {
                    let (arguments, close) = try argumentList()
                    node = JavaNode(kind: .invocation(object: node, name: name, arguments: arguments), start: node.start, end: close,
                                    children: [node, dot, name] + arguments)
                } else {
                    node = .composite([node, dot, name])
                }
            } else if isOp("[") {
                let open = leaf(next())
                let index = try expression()
                let close = try expect("]")
                node = .composite([node, open, index, close])
            } else if isOp("::") {
                let op = leaf(next())
                guard peek.kind == .identifier else { throw Failure(description: "expected a name after '::'") }
                node = .composite([node, op, leaf(next(), .identifier)])
            } else {
                return node
            }
        }
    }

    /// `( expr, … )`: the argument expressions and the end offset of `)`.
    mutating func argumentList() throws -> ([JavaNode], Int) {
        _ = try expect("(")
        var arguments: [JavaNode] = []
        if isOp(")") { return (arguments, next().end) }
        while true {
            arguments.append(try expression())
            if accept(",") { continue }
            let close = try expect(")")
            return (arguments, close.end)
        }
    }

    mutating func primary() throws -> JavaNode {
        let t = peek
        switch t.kind {
        case .number: return leaf(next())
        case .string: return leaf(next(), .stringLiteral)
        case .char: return leaf(next(), .charLiteral)
        case .identifier:
            if t.text == "new" { return try creation() }
            if ["true", "false", "null", "this", "super"].contains(t.text) && !(peek(1).kind == .op && peek(1).text == "(") {
                return leaf(next())
            }
            let name = leaf(next(), .identifier)
            if isOp("(") {
                let (arguments, close) = try argumentList()
                return JavaNode(kind: .invocation(object: nil, name: name, arguments: arguments), start: name.start, end: close,
                                children: [name] + arguments)
            }
            if Self.primitiveTypes.contains(t.text), isOp(".") || isOp("[") {
                // `int.class`, `int[].class`
                var nodes = [name]
                while isOp("[") { nodes.append(leaf(next())); nodes.append(try expect("]")) }
                return .composite(nodes)
            }
            return name
        case .op where t.text == "(":
            let open = leaf(next())
            let inner = try expression()
            let close = try expect(")")
            return .composite([open, inner, close])
        default:
            throw Failure(description: "unexpected '\(t.text)'")
        }
    }
}
