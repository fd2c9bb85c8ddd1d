/// Tokens and bracket structure of JavaScript text, enough to find call statements and their arguments the way
/// tree-sitter-javascript's tree shows them.
enum JSLexer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let operators = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??",
        "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>", "(", ")", "[", "]", "{", "}", ",", ";",
        ".", "=", "<", ">", "!", "~", "?", ":", "+", "-", "*", "/", "%", "&", "|", "^", "@", "#",
    ]

    static func tokenize(_ s: [Unicode.Scalar]) throws -> [JSToken] {
        var tokens: [JSToken] = []
        var i = 0
        var newline = false
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        while i < s.count {
            let c = s[i]
            if c == "\n" { newline = true; i += 1; continue }
            if c.properties.isWhitespace { i += 1; continue }
            if try CStyleComments.skip(s, &i) { continue }
            let start = i
            let kind: JSToken.Kind
            if c == "_" || c == "$" || c.properties.isAlphabetic {
                while i < s.count && (s[i] == "_" || s[i] == "$" || s[i].properties.isAlphabetic || s[i].properties.numericType != nil) { i += 1 }
                kind = .identifier
            } else if c.isASCII && c.properties.numericType != nil || (c == "." && i + 1 < s.count && s[i + 1].isASCII && s[i + 1].properties.numericType != nil) {
                while i < s.count && (s[i].isASCII && (s[i].properties.isAlphabetic || s[i].properties.numericType != nil) || s[i] == "_" || s[i] == "."
                    || ((s[i] == "+" || s[i] == "-") && (s[i - 1] == "e" || s[i - 1] == "E"))) {
                    i += 1
                }
                kind = .number
            } else if c == "\"" || c == "'" || c == "`" {
                i += 1
                while true {
                    guard i < s.count else { throw Failure(description: "unterminated string") }
                    if s[i] == "\\" { i += 2; continue }
                    if s[i] == "\n" && c != "`" { throw Failure(description: "newline in string") }
                    if s[i] == c { i += 1; break }
                    i += 1
                }
                kind = c == "`" ? .template : .string
            } else {
                guard let op = operators.first(where: { PythonLexer.matches($0, s, at: i) }) else {
                    throw Failure(description: "invalid character '\(c)'")
                }
                i += op.unicodeScalars.count
                kind = .op
            }
            tokens.append(JSToken(kind: kind, text: text(start, i), start: start, end: i, newlineBefore: newline))
            newline = false
        }
        return tokens
    }

    static let keywordOperators: Set<String> = ["new", "typeof", "void", "delete", "await", "in", "instanceof", "of", "function", "async",
                                                "return", "yield", "let", "const", "var", "else", "case", "default"]

    /// Whether a token ends an operand (a value could not directly follow it).
    static func endsOperand(_ t: JSToken) -> Bool {
        switch t.kind {
        case .identifier: return !keywordOperators.contains(t.text)
        case .number, .string, .template, .regex: return true
        case .op: return [")", "]", "}", "++", "--"].contains(t.text)
        }
    }

    /// Whether a token begins an operand.
    static func startsOperand(_ t: JSToken) -> Bool {
        switch t.kind {
        case .identifier: return !["in", "instanceof", "of"].contains(t.text)
        case .number, .string, .template, .regex: return true
        case .op: return false
        }
    }

    /// Balanced brackets, and no two operands in a row on one line (where tree-sitter would insert an `ERROR`).
    static func validate(_ tokens: [JSToken]) throws {
        var stack: [String] = []
        let pairs = [")": "(", "]": "[", "}": "{"]
        for (index, t) in tokens.enumerated() {
            if t.kind == .op {
                if ["(", "[", "{"].contains(t.text) { stack.append(t.text) }
                if let open = pairs[t.text] {
                    guard stack.last == open else { throw Failure(description: "unbalanced '\(t.text)'") }
                    stack.removeLast()
                }
            }
            if index > 0, startsOperand(t), endsOperand(tokens[index - 1]), !t.newlineBefore || !stack.isEmpty {
                // `}` followed by a value begins a new statement after a block; elsewhere two operands in a row are an error.
                if !(tokens[index - 1].text == "}" && stack.isEmpty) {
                    throw Failure(description: "unexpected '\(t.text)' after '\(tokens[index - 1].text)'")
                }
            }
        }
        guard stack.isEmpty else { throw Failure(description: "unclosed '\(stack.last!)'") }
    }

    /// The top-level statements: split at `;` and at line breaks where one operand follows another.
    static func statements(_ tokens: [JSToken]) -> [[JSToken]] {
        var out: [[JSToken]] = []
        var current: [JSToken] = []
        var depth = 0
        for t in tokens {
            if depth == 0, let last = current.last, t.newlineBefore, endsOperand(last), startsOperand(t) {
                out.append(current)
                current = []
            }
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1 }
            if t.kind == .op && [")", "]", "}"].contains(t.text) { depth -= 1 }
            if depth == 0 && t.kind == .op && t.text == ";" {
                out.append(current)
                current = []
                continue
            }
            current.append(t)
        }
        if !current.isEmpty { out.append(current) }
        return out.filter { !$0.isEmpty }
    }

    /// When the statement is exactly `callee(args)` (a call expression, not `new`, not a sequence or binary
    /// expression): the indices of its final `(` and `)`.
    static func callShape(_ tokens: [JSToken]) -> (open: Int, close: Int)? {
        guard let last = tokens.last, last.kind == .op, last.text == ")", tokens.count >= 3 else { return nil }
        guard tokens[0].kind == .identifier, !keywordOperators.contains(tokens[0].text) || tokens[0].text == "async" && false else { return nil }
        // Find the matching `(` of the final `)`.
        var depth = 0
        var open = -1
        for index in stride(from: tokens.count - 1, through: 0, by: -1) {
            let t = tokens[index]
            if t.kind == .op && [")", "]", "}"].contains(t.text) { depth += 1 }
            if t.kind == .op && ["(", "[", "{"].contains(t.text) {
                depth -= 1
                if depth == 0 { open = index; break }
            }
        }
        guard open > 0 else { return nil }
        // The callee: names joined by `.`/`?.`, with calls and subscripts in between, nothing else at depth 0.
        depth = 0
        for t in tokens[0..<open] {
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1; continue }
            if t.kind == .op && [")", "]", "}"].contains(t.text) { depth -= 1; continue }
            if depth > 0 { continue }
            if t.kind == .identifier || (t.kind == .op && (t.text == "." || t.text == "?.")) { continue }
            return nil
        }
        return (open, tokens.count - 1)
    }

    /// Splits an argument list at its top-level commas.
    static func split(_ tokens: [JSToken]) -> [[JSToken]] {
        var out: [[JSToken]] = [[]]
        var depth = 0
        for t in tokens {
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1 }
            if t.kind == .op && [")", "]", "}"].contains(t.text) { depth -= 1 }
            if depth == 0 && t.kind == .op && t.text == "," { out.append([]); continue }
            out[out.count - 1].append(t)
        }
        return out
    }

    /// The index of an argument's top-level `=` (an assignment expression), if it has one.
    static func topLevelAssignment(_ tokens: [JSToken]) -> Int? {
        var depth = 0
        for (index, t) in tokens.enumerated() {
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1 }
            if t.kind == .op && [")", "]", "}"].contains(t.text) { depth -= 1 }
            if depth == 0 && t.kind == .op && t.text == "=" { return index }
            if depth == 0 && t.kind == .op && t.text == "=>" { return nil }
        }
        return nil
    }
}
