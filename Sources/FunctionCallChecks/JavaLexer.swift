/// Java tokens as tree-sitter-java's lexer reads them (a character literal may hold several characters).
enum JavaLexer {
    typealias Token = JavaParser.Token
    typealias Failure = JavaParser.Failure

    static let operators = [
        ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "<<", ">>", "(", ")", "[", "]", "{", "}", ",", ";", ".", "@", "=", ">", "<", "!", "~", "?", ":", "+", "-",
        "*", "/", "&", "|", "^", "%",
    ]

    static func tokenize(_ s: [Unicode.Scalar]) throws -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            if try CStyleComments.skip(s, &i) { continue }
            if c == "_" || c == "$" || c.properties.isAlphabetic {
                var j = i
                while j < s.count && (s[j] == "_" || s[j] == "$" || s[j].properties.isAlphabetic || s[j].properties.numericType != nil) { j += 1 }
                tokens.append(Token(kind: .identifier, text: text(i, j), start: i, end: j))
                i = j
                continue
            }
            if c.isASCII && c.properties.numericType != nil || (c == "." && i + 1 < s.count && s[i + 1].isASCII && s[i + 1].properties.numericType != nil) {
                var j = i
                while j < s.count && (s[j].isASCII && (s[j].properties.isAlphabetic || s[j].properties.numericType != nil) || s[j] == "_" || s[j] == "."
                    || ((s[j] == "+" || s[j] == "-") && (s[j - 1] == "e" || s[j - 1] == "E" || s[j - 1] == "p" || s[j - 1] == "P"))) {
                    j += 1
                }
                tokens.append(Token(kind: .number, text: text(i, j), start: i, end: j))
                i = j
                continue
            }
            if c == "\"" {
                let triple = i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\""
                var j = i + (triple ? 3 : 1)
                while true {
                    guard j < s.count else { throw Failure(description: "unterminated string") }
                    if s[j] == "\\" { j += 2; continue }
                    if !triple && s[j] == "\n" { throw Failure(description: "newline in string") }
                    if s[j] == "\"" && (!triple || (j + 2 < s.count && s[j + 1] == "\"" && s[j + 2] == "\"")) {
                        j += triple ? 3 : 1
                        break
                    }
                    j += 1
                }
                tokens.append(Token(kind: .string, text: text(i, j), start: i, end: j))
                i = j
                continue
            }
            if c == "'" {
                var j = i + 1
                while true {
                    guard j < s.count, s[j] != "\n" else { throw Failure(description: "unterminated character literal") }
                    if s[j] == "\\" { j += 2; continue }
                    if s[j] == "'" { break }
                    j += 1
                }
                guard j > i + 1 else { throw Failure(description: "empty character literal") }
                tokens.append(Token(kind: .char, text: text(i, j + 1), start: i, end: j + 1))
                i = j + 1
                continue
            }
            guard let op = operators.first(where: { PythonLexer.matches($0, s, at: i) }) else {
                throw Failure(description: "invalid character '\(c)'")
            }
            let n = op.unicodeScalars.count
            tokens.append(Token(kind: .op, text: op, start: i, end: i + n))
            i += n
        }
        tokens.append(Token(kind: .end, text: "<end>", start: s.count, end: s.count))
        return tokens
    }
}
