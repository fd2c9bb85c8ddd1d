/// A node of the Python expression subset the BFCL decoders meet, as `ast.parse(..., mode="eval")` builds it.
///
/// Nodes the official decoder cannot resolve (comparisons, attributes used as values, f-strings, lambdas) are still
/// parsed, as `unsupported`, so that a syntactically valid output fails where the official decoder fails (when the
/// node is resolved) and not earlier (positional arguments are never resolved).
indirect enum PyNode: Sendable {
    case constant(PyValue)
    case ellipsis
    case name(String)
    case attribute(PyNode, String)
    case call(PyNode, positional: [PyNode], keywords: [(name: String?, value: PyNode)])
    case list([PyNode])
    case tuple([PyNode])
    case set([PyNode])
    case dict([(key: PyNode?, value: PyNode)])
    case unary(String, PyNode)
    case binary(PyNode, String, PyNode)
    case `subscript`(PyNode, PyNode)
    case unsupported(String)
}

/// A recursive-descent parser of Python expressions (the subset model outputs use), after CPython's grammar.
struct PythonParser {
    enum Token: Equatable {
        case name(String)
        case number(PyValue)
        case string(String)
        case op(String)
        case end
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var tokens: [Token] = []
    private var position = 0

    /// Parses one expression spanning the whole text (`mode="eval"`).
    static func parseExpression(_ text: String) throws -> PyNode {
        var parser = PythonParser()
        parser.tokens = try PythonLexer.tokenize(text)
        let node = try parser.expression()
        guard parser.peek == .end else { throw Failure(description: "invalid syntax at \(parser.peek)") }
        return node
    }

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ op: String) -> Bool {
        if peek == .op(op) { position += 1; return true }
        return false
    }

    private mutating func expect(_ op: String) throws {
        guard accept(op) else { throw Failure(description: "expected '\(op)', found \(peek)") }
    }

    /// A full expression, possibly a bare tuple (`a, b`).
    mutating func expression() throws -> PyNode {
        let first = try single()
        guard peek == .op(",") else { return first }
        var items = [first]
        while accept(",") {
            if startsExpression { items.append(try single()) } else { break }
        }
        return .tuple(items)
    }

    private var startsExpression: Bool {
        switch peek {
        case .name(let n): return !["for", "if", "else", "in", "and", "or"].contains(n)
        case .number, .string: return true
        case .op(let o): return ["(", "[", "{", "-", "+", "~", "..."].contains(o)
        case .end: return false
        }
    }

    /// One expression without a bare-tuple comma: conditional, lambda, boolean, comparison, arithmetic.
    mutating func single() throws -> PyNode {
        if peek == .name("lambda") {
            position += 1
            while peek != .op(":") && peek != .end { position += 1 }
            try expect(":")
            _ = try single()
            return .unsupported("Lambda")
        }
        let value = try orTest()
        if peek == .name("if") {
            position += 1
            _ = try orTest()
            guard advance() == .name("else") else { throw Failure(description: "expected 'else'") }
            _ = try single()
            return .unsupported("IfExp")
        }
        return value
    }

    private mutating func orTest() throws -> PyNode {
        var node = try andTest()
        while peek == .name("or") { position += 1; _ = try andTest(); node = .unsupported("BoolOp") }
        return node
    }

    private mutating func andTest() throws -> PyNode {
        var node = try notTest()
        while peek == .name("and") { position += 1; _ = try notTest(); node = .unsupported("BoolOp") }
        return node
    }

    private mutating func notTest() throws -> PyNode {
        if peek == .name("not") { position += 1; return .unary("not", try notTest()) }
        return try comparison()
    }

    private mutating func comparison() throws -> PyNode {
        var node = try arithmetic(0)
        while true {
            switch peek {
            case .op(let o) where ["<", ">", "==", ">=", "<=", "!="].contains(o): position += 1
            case .name("in"): position += 1
            case .name("is"): position += 1; if peek == .name("not") { position += 1 }
            case .name("not") where tokens[safe: position + 1] == .name("in"): position += 2
            default: return node
            }
            _ = try arithmetic(0)
            node = .unsupported("Compare")
        }
    }

    private static let levels: [[String]] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]]

    private mutating func arithmetic(_ level: Int) throws -> PyNode {
        guard level < Self.levels.count else { return try unaryExpression() }
        var node = try arithmetic(level + 1)
        while case .op(let o) = peek, Self.levels[level].contains(o) {
            position += 1
            node = .binary(node, o, try arithmetic(level + 1))
        }
        return node
    }

    private mutating func unaryExpression() throws -> PyNode {
        if case .op(let o) = peek, ["-", "+", "~"].contains(o) {
            position += 1
            return .unary(o, try unaryExpression())
        }
        let base = try primary()
        if accept("**") { return .binary(base, "**", try unaryExpression()) }
        return base
    }

    private mutating func primary() throws -> PyNode {
        var node = try atom()
        while true {
            if accept(".") {
                guard case .name(let attr) = advance() else { throw Failure(description: "expected a name after '.'") }
                node = .attribute(node, attr)
            } else if accept("(") {
                node = try callArguments(node)
            } else if accept("[") {
                let index = try subscriptBody()
                try expect("]")
                node = .subscript(node, index)
            } else {
                return node
            }
        }
    }

    private mutating func subscriptBody() throws -> PyNode {
        var parts: [PyNode] = []
        repeat {
            if peek == .op("]") { break }
            if peek == .op(":") || tokens[safe: position + 1] == .op(":") {
                while peek != .op(",") && peek != .op("]") && peek != .end { position += 1 }
                parts.append(.unsupported("Slice"))
            } else {
                parts.append(try single())
            }
        } while accept(",")
        return parts.count == 1 ? parts[0] : .tuple(parts)
    }

    private mutating func callArguments(_ function: PyNode) throws -> PyNode {
        var positional: [PyNode] = []
        var keywords: [(name: String?, value: PyNode)] = []
        while !accept(")") {
            if accept("**") {
                keywords.append((nil, try single()))
            } else if accept("*") {
                positional.append(.unsupported("Starred"))
                _ = try single()
            } else if case .name(let n) = peek, tokens[position + 1] == .op("=") {
                position += 2
                keywords.append((n, try single()))
            } else {
                let value = try single()
                if peek == .name("for") { throw Failure(description: "generator arguments are not supported") }
                if !keywords.isEmpty { throw Failure(description: "positional argument follows keyword argument") }
                positional.append(value)
            }
            if !accept(",") { try expect(")"); break }
        }
        return .call(function, positional: positional, keywords: keywords)
    }

    private mutating func atom() throws -> PyNode {
        switch advance() {
        case .number(let v): return .constant(v)
        case .string(let s):
            var text = s
            while case .string(let more) = peek { text += more; position += 1 }
            return .constant(.string(text))
        case .name(let n):
            switch n {
            case "True": return .constant(.bool(true))
            case "False": return .constant(.bool(false))
            case "None": return .constant(.none)
            case "for", "if", "else", "in", "and", "or", "not", "lambda", "is", "import", "def", "class", "return", "from", "with",
                "while", "yield", "del", "pass", "raise", "try", "except", "finally", "global", "assert", "async", "await",
                "break", "continue", "elif", "nonlocal", "as":
                throw Failure(description: "invalid syntax: keyword '\(n)'")
            default: return .name(n)
            }
        case .op("..."): return .ellipsis
        case .op("fstring"): return .unsupported("JoinedStr")
        case .op("bytes"): return .unsupported("bytes")
        case .op("imaginary"): return .unsupported("complex")
        case .op("("):
            if accept(")") { return .tuple([]) }
            let first = try single()
            if peek == .name("for") { throw Failure(description: "comprehensions are not supported") }
            if accept(")") { return first }
            var items = [first]
            while accept(",") {
                if peek == .op(")") { break }
                items.append(try single())
            }
            try expect(")")
            return .tuple(items)
        case .op("["):
            var items: [PyNode] = []
            while !accept("]") {
                items.append(try single())
                if peek == .name("for") { throw Failure(description: "comprehensions are not supported") }
                if !accept(",") { try expect("]"); break }
            }
            return .list(items)
        case .op("{"):
            if accept("}") { return .dict([]) }
            if accept("**") {
                return try dictRest(first: (nil, try arithmetic(0)))
            }
            let first = try single()
            if accept(":") { return try dictRest(first: (first, try single())) }
            var items = [first]
            while accept(",") {
                if peek == .op("}") { break }
                items.append(try single())
            }
            try expect("}")
            return .set(items)
        case let token:
            throw Failure(description: "invalid syntax at \(token)")
        }
    }

    private mutating func dictRest(first: (key: PyNode?, value: PyNode)) throws -> PyNode {
        var members = [first]
        while accept(",") {
            if peek == .op("}") { break }
            if accept("**") { members.append((nil, try arithmetic(0))); continue }
            let key = try single()
            try expect(":")
            members.append((key, try single()))
        }
        try expect("}")
        return .dict(members)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
