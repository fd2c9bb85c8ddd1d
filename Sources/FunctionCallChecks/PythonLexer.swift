/// Splits Python source into the tokens `PythonParser` reads (names, numbers, strings, operators), with CPython's
/// rules for what an expression in `eval` mode may contain: no indentation before it, no second logical line.
enum PythonLexer {
    typealias Token = PythonParser.Token
    typealias Failure = PythonParser.Failure

    static let operators = [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "...",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">",
    ]

    static func tokenize(_ text: String) throws -> [Token] {
        let s = Array(text.unicodeScalars)
        var i = 0
        var tokens: [Token] = []
        var depth = 0
        // Blank lines before the expression are allowed, indentation is not.
        var lineStart = 0
        while i < s.count {
            if s[i] == "\n" { i += 1; lineStart = i; continue }
            if s[i] == " " || s[i] == "\t" || s[i] == "\r" || s[i] == "\u{0C}" { i += 1; continue }
            if s[i] == "#" { while i < s.count && s[i] != "\n" { i += 1 }; continue }
            break
        }
        if i < s.count && i != lineStart { throw Failure(description: "unexpected indent") }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\r" || c == "\u{0C}" { i += 1; continue }
            if c == "#" { while i < s.count && s[i] != "\n" { i += 1 }; continue }
            if c == "\\" && i + 1 < s.count && s[i + 1] == "\n" { i += 2; continue }
            if c == "\n" {
                i += 1
                if depth == 0 {
                    // Only blank lines and comments may follow the expression.
                    var j = i
                    while j < s.count {
                        if s[j] == "#" { while j < s.count && s[j] != "\n" { j += 1 }; continue }
                        guard s[j].properties.isWhitespace else { throw Failure(description: "invalid syntax: a second line") }
                        j += 1
                    }
                }
                continue
            }
            if isIdentifierStart(c) {
                var j = i
                while j < s.count && isIdentifierPart(s[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(s[i..<j]))
                if j < s.count, s[j] == "'" || s[j] == "\"", let kind = stringPrefix(word) {
                    let (value, end) = try string(s, from: j, raw: kind.raw)
                    i = end
                    tokens.append(kind.bytes ? .op("bytes") : kind.format ? .op("fstring") : .string(value))
                    continue
                }
                tokens.append(.name(word))
                i = j
                continue
            }
            if c == "'" || c == "\"" {
                let (value, end) = try string(s, from: i, raw: false)
                tokens.append(.string(value))
                i = end
                continue
            }
            if c.properties.numericType != nil && c.isASCII || (c == "." && i + 1 < s.count && s[i + 1].isASCII && s[i + 1].properties.numericType != nil) {
                let (token, end) = try number(s, from: i)
                tokens.append(token)
                i = end
                continue
            }
            guard let op = operators.first(where: { matches($0, s, at: i) }) else {
                throw Failure(description: "invalid character '\(c)'")
            }
            if ["(", "[", "{"].contains(op) { depth += 1 }
            if [")", "]", "}"].contains(op) {
                depth -= 1
                if depth < 0 { throw Failure(description: "unmatched '\(op)'") }
            }
            tokens.append(.op(op))
            i += op.unicodeScalars.count
        }
        if depth != 0 { throw Failure(description: "unclosed bracket") }
        tokens.append(.end)
        return tokens
    }

    static func matches(_ op: String, _ s: [Unicode.Scalar], at i: Int) -> Bool {
        let o = Array(op.unicodeScalars)
        guard i + o.count <= s.count else { return false }
        return Array(s[i..<(i + o.count)]) == o
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isXIDStart
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isXIDContinue
    }

    static func stringPrefix(_ word: String) -> (raw: Bool, bytes: Bool, format: Bool)? {
        let w = word.lowercased()
        guard ["r", "u", "b", "f", "rb", "br", "fr", "rf"].contains(w) else { return nil }
        return (w.contains("r"), w.contains("b"), w.contains("f"))
    }

    /// Reads a string literal starting at its opening quote; returns its value and the index after it.
    static func string(_ s: [Unicode.Scalar], from start: Int, raw: Bool) throws -> (String, Int) {
        let quote = s[start]
        var i = start
        let triple = i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
        i += triple ? 3 : 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else { throw Failure(description: "unterminated string literal") }
            let c = s[i]
            if c == quote {
                if !triple { return (String(out), i + 1) }
                if i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote { return (String(out), i + 3) }
            }
            if c == "\n" && !triple { throw Failure(description: "unterminated string literal") }
            if c == "\\" {
                guard i + 1 < s.count else { throw Failure(description: "unterminated string literal") }
                let e = s[i + 1]
                if raw {
                    out.append(c)
                    out.append(e)
                    i += 2
                    continue
                }
                i += 2
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "\n": break
                case "\\", "'", "\"": out.append(e)
                case "x", "u", "U":
                    let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                    guard i + width <= s.count, let value = UInt32(String(String.UnicodeScalarView(s[i..<(i + width)])), radix: 16),
                        let scalar = Unicode.Scalar(value)
                    else { throw Failure(description: "truncated \\\(e) escape") }
                    out.append(scalar)
                    i += width
                case "0"..."7":
                    var j = i - 1
                    var value: UInt32 = 0
                    while j < s.count && j < i + 2 && ("0"..."7").contains(s[j]) { value = value * 8 + (s[j].value - 48); j += 1 }
                    out.append(Unicode.Scalar(value)!)
                    i = j
                default:
                    out.append("\\")
                    out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
    }

    /// Reads a number literal; returns its token and the index after it.
    static func number(_ s: [Unicode.Scalar], from start: Int) throws -> (Token, Int) {
        var i = start
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || c == "_" }
        if s[i] == "0", i + 1 < s.count, let radix = ["x": 16, "X": 16, "o": 8, "O": 8, "b": 2, "B": 2][Character(s[i + 1])] {
            var j = i + 2
            while j < s.count && (s[j].properties.isASCIIHexDigit || s[j] == "_") { j += 1 }
            let digits = String(String.UnicodeScalarView(s[(i + 2)..<j])).replacingOccurrences(of: "_", with: "")
            guard let value = Int(digits, radix: radix) else { throw Failure(description: "invalid number literal") }
            return (.number(.int(value)), j)
        }
        var isFloat = false
        while i < s.count && isDigit(s[i]) { i += 1 }
        if i < s.count && s[i] == "." { isFloat = true; i += 1; while i < s.count && isDigit(s[i]) { i += 1 } }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            var j = i + 1
            if j < s.count && (s[j] == "+" || s[j] == "-") { j += 1 }
            if j < s.count && isDigit(s[j]) {
                isFloat = true
                i = j
                while i < s.count && isDigit(s[i]) { i += 1 }
            }
        }
        if i < s.count && (s[i] == "j" || s[i] == "J") { return (.op("imaginary"), i + 1) }
        if i < s.count && isIdentifierPart(s[i]) { throw Failure(description: "invalid decimal literal") }
        let text = String(String.UnicodeScalarView(s[start..<i])).replacingOccurrences(of: "_", with: "")
        if !isFloat, let value = Int(text) { return (.number(.int(value)), i) }
        guard let value = Double(text) else { throw Failure(description: "invalid number literal \(text)") }
        return (.number(.float(value)), i)
    }
}
