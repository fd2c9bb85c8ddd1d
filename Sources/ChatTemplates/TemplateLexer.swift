/// Splits template source into text and tags, applying Jinja's whitespace control with the settings
/// Hugging Face uses (`trim_blocks=True`, `lstrip_blocks=True`) and the `-`/`+` modifiers.
struct TemplateLexer {
    /// An expression token.
    enum Token: Equatable, Sendable {
        case name(String)
        case string(String)
        case int(Int)
        case double(Double)
        case op(String)
    }

    /// One piece of the template.
    enum Item: Sendable {
        case text(String)
        /// `{{ … }}`.
        case output([Token], line: Int)
        /// `{% … %}`.
        case statement([Token], line: Int)
    }

    private let source: [Unicode.Scalar]
    private var position = 0
    private var line = 1

    init(_ source: String) {
        self.source = Array(source.unicodeScalars)
    }

    private func starts(with text: String, at index: Int) -> Bool {
        var i = index
        for scalar in text.unicodeScalars {
            guard i < source.count, source[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[range])
        return String(view)
    }

    /// A tag as found in the source, before whitespace control is applied to its neighbours.
    private struct RawTag {
        var kind: Character  // "{", "%" or "#"
        var tokens: [Token]
        var line: Int
        var stripBefore = false, plusBefore = false, stripAfter = false, plusAfter = false
    }

    /// Lexes the whole template.
    ///
    /// - Returns: Text and tags in order.
    /// - Throws: ``ChatTemplateError`` for an unterminated tag, string or comment.
    mutating func items() throws -> [Item] {
        var texts: [String] = []
        var tags: [RawTag] = []
        var textStart = 0
        while position < source.count {
            guard source[position] == "{", position + 1 < source.count,
                  let kind = ["{", "%", "#"].first(where: { source[position + 1] == Unicode.Scalar($0) }) else {
                if source[position] == "\n" { line += 1 }
                position += 1
                continue
            }
            texts.append(string(textStart..<position))
            var tag = RawTag(kind: Character(kind), tokens: [], line: line)
            position += 2
            if position < source.count, source[position] == "-" { tag.stripBefore = true; position += 1 }
            else if position < source.count, source[position] == "+" { tag.plusBefore = true; position += 1 }
            if kind == "#" {
                while position < source.count, !starts(with: "#}", at: position) {
                    if source[position] == "\n" { line += 1 }
                    position += 1
                }
                guard position < source.count else { throw ChatTemplateError.syntax("unterminated comment", line: tag.line) }
                tag.stripAfter = source[position - 1] == "-"
                position += 2
            } else {
                try lexTag(&tag)
            }
            tags.append(tag)
            textStart = position
        }
        texts.append(string(textStart..<source.count))
        return applyWhitespaceControl(texts: texts, tags: tags)
    }

    /// Lexes the expression tokens of a `{{ }}` or `{% %}` tag up to and including its closing delimiter.
    private mutating func lexTag(_ tag: inout RawTag) throws {
        let close = tag.kind == "{" ? "}}" : "%}"
        var depth = 0
        while true {
            while position < source.count, source[position].properties.isWhitespace {
                if source[position] == "\n" { line += 1 }
                position += 1
            }
            guard position < source.count else { throw ChatTemplateError.syntax("unterminated tag", line: tag.line) }
            if depth == 0 {
                for (modifier, strip) in [("-", true), ("+", false), ("", false)] where starts(with: modifier + close, at: position) {
                    if strip { tag.stripAfter = true } else if !modifier.isEmpty { tag.plusAfter = true }
                    position += modifier.unicodeScalars.count + 2
                    return
                }
            }
            let token = try lexToken(line: tag.line)
            if case .op(let op) = token {
                if op == "(" || op == "[" || op == "{" { depth += 1 }
                if op == ")" || op == "]" || op == "}" { depth -= 1 }
            }
            tag.tokens.append(token)
        }
    }

    private static let operators = ["//", "**", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ".", ",", ":", "|",
                                    "~", "+", "-", "*", "/", "%", "<", ">", "="]

    private mutating func lexToken(line tagLine: Int) throws -> Token {
        let c = source[position]
        if c == "'" || c == "\"" { return try lexString(quote: c, line: tagLine) }
        if c.properties.numericType != nil, c.isASCII {
            let start = position
            while position < source.count, source[position].isASCII, source[position].properties.numericType != nil || source[position] == "_" { position += 1 }
            if position + 1 < source.count, source[position] == ".", source[position + 1].isASCII, source[position + 1].properties.numericType != nil {
                position += 1
                while position < source.count, source[position].isASCII, source[position].properties.numericType != nil { position += 1 }
                return .double(Double(string(start..<position).replacingOccurrences(of: "_", with: "")) ?? 0)
            }
            return .int(Int(string(start..<position).replacingOccurrences(of: "_", with: "")) ?? 0)
        }
        if c == "_" || c.properties.isAlphabetic {
            let start = position
            while position < source.count, source[position] == "_" || source[position].properties.isAlphabetic
                    || (source[position].isASCII && source[position].properties.numericType != nil) {
                position += 1
            }
            return .name(string(start..<position))
        }
        for op in Self.operators where starts(with: op, at: position) {
            position += op.unicodeScalars.count
            return .op(op)
        }
        throw ChatTemplateError.syntax("unexpected character \"\(c)\"", line: tagLine)
    }

    private mutating func lexString(quote: Unicode.Scalar, line tagLine: Int) throws -> Token {
        position += 1
        var value = String.UnicodeScalarView()
        while position < source.count, source[position] != quote {
            var c = source[position]
            if c == "\n" { line += 1 }
            if c == "\\", position + 1 < source.count {
                position += 1
                c = source[position]
                switch c {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\\", "'", "\"": value.append(c)
                case "u" where position + 4 < source.count:
                    let hex = string(position + 1..<position + 5)
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        value.append(scalar)
                        position += 4
                    } else {
                        value.append("\\"); value.append(c)
                    }
                default: value.append("\\"); value.append(c)
                }
            } else {
                value.append(c)
            }
            position += 1
        }
        guard position < source.count else { throw ChatTemplateError.syntax("unterminated string literal", line: tagLine) }
        position += 1
        return .string(String(value))
    }

    /// Jinja's whitespace control: `-` strips all whitespace on that side; block and comment tags remove one
    /// newline after them (`trim_blocks`) and the spaces and tabs before them on their line (`lstrip_blocks`),
    /// unless marked with `+`.
    private func applyWhitespaceControl(texts: [String], tags: [RawTag]) -> [Item] {
        var items: [Item] = []
        var lineStarting = true
        for (index, raw) in texts.enumerated() {
            var text = Substring(raw)
            if index > 0 {
                let previous = tags[index - 1]
                lineStarting = false
                if previous.stripAfter {
                    let trimmed = text.drop(while: \.isWhitespace)
                    lineStarting = text[..<trimmed.startIndex].last == "\n"
                    text = trimmed
                } else if previous.kind != "{", !previous.plusAfter, text.first == "\n" {
                    text = text.dropFirst()
                    lineStarting = true
                }
            }
            if index < tags.count {
                let next = tags[index]
                if next.stripBefore {
                    while let last = text.last, last.isWhitespace { text = text.dropLast() }
                } else if next.kind != "{", !next.plusBefore {
                    let lineStart = text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                    let tail = text[lineStart...]
                    if (lineStart != text.startIndex || lineStarting), !tail.isEmpty, tail.allSatisfy(\.isWhitespace) {
                        text = text[..<lineStart]
                    }
                }
            }
            if !text.isEmpty { items.append(.text(String(text))) }
            if index < tags.count {
                let tag = tags[index]
                switch tag.kind {
                case "{": items.append(.output(tag.tokens, line: tag.line))
                case "%": items.append(.statement(tag.tokens, line: tag.line))
                default: break
                }
            }
        }
        return items
    }
}
