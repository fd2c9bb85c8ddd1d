/// One token of a LaTeX math answer.
enum LatexToken: Hashable, Sendable {
    /// Digits with an optional decimal point (`12`, `0.75`, `.5`).
    case number(String)
    /// One letter (a variable name), including Unicode letters such as `π`.
    case letter(String)
    /// A control sequence without its backslash (`frac`, `pi`, `le`).
    case command(String)
    /// A single punctuation or operator character.
    case symbol(Character)
    /// `\{`.
    case setOpen
    /// `\}`.
    case setClose
    /// `\\` (a matrix row break).
    case rowBreak
    /// The raw content of `\text{…}`, `\mathrm{…}` and friends.
    case text(String)
}

/// Splits LaTeX into tokens by a linear scan (no regular expressions, no backtracking).
enum LatexLexer {
    /// Text-like commands whose braced argument is kept as raw text.
    static let textCommands: Set<String> = [
        "text", "textbf", "textit", "mathrm", "mathbf", "mathit", "mbox", "operatorname", "textrm", "mathsf", "rm",
    ]

    /// Tokenizes `input`; returns nil when it exceeds `maxTokens`.
    static func tokenize(_ input: String, maxTokens: Int) -> [LatexToken]? {
        let chars = Array(input.unicodeScalars)
        var tokens: [LatexToken] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
        while i < chars.count {
            if tokens.count > maxTokens { return nil }
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "~" { i += 1; continue }
            if isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
                var j = i, seenPoint = false
                while j < chars.count, isDigit(chars[j]) || (chars[j] == "." && !seenPoint && j + 1 < chars.count && isDigit(chars[j + 1])) {
                    if chars[j] == "." { seenPoint = true }
                    j += 1
                }
                tokens.append(.number(String(String.UnicodeScalarView(chars[i..<j]))))
                i = j
                continue
            }
            if c == "\\" {
                guard i + 1 < chars.count else { return nil }
                let next = chars[i + 1]
                if next == "{" { tokens.append(.setOpen); i += 2; continue }
                if next == "}" { tokens.append(.setClose); i += 2; continue }
                if next == "\\" { tokens.append(.rowBreak); i += 2; continue }
                if !isLetter(next) || !next.isASCII {
                    // `\,`, `\!`, `\;`, `\:`, `\ `, `\%`, `\$`, `\|`: spacing and escaped characters. Anything else
                    // (`\)`, `\5`) is not an answer this parser reads.
                    switch next {
                    case "%": tokens.append(.symbol("%"))
                    case "|": tokens.append(.symbol("|"))
                    case ",", ";", ":", " ", "&", "#", "_": break
                    default: return nil
                    }
                    i += 2
                    continue
                }
                var j = i + 1
                while j < chars.count, chars[j].isASCII, isLetter(chars[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                i = j
                if textCommands.contains(name) {
                    while i < chars.count, chars[i] == " " { i += 1 }
                    if i < chars.count, chars[i] == "{" {
                        var depth = 0, k = i
                        while k < chars.count {
                            if chars[k] == "{" { depth += 1 } else if chars[k] == "}" { depth -= 1; if depth == 0 { break } }
                            k += 1
                        }
                        let content = String(String.UnicodeScalarView(chars[(i + 1)..<min(k, chars.count)]))
                        tokens.append(.text(content))
                        i = min(k + 1, chars.count)
                    } else {
                        tokens.append(.text(""))
                    }
                    continue
                }
                if name == "left" || name == "right" || name == "big" || name == "Big" || name == "bigl" || name == "bigr"
                    || name == "displaystyle" || name == "quad" || name == "qquad" || name == "limits" {
                    continue
                }
                tokens.append(.command(name))
                continue
            }
            if isLetter(c) {
                tokens.append(.letter(String(c)))
                i += 1
                continue
            }
            switch c {
            case "−", "–": tokens.append(.symbol("-"))
            case "×", "·", "⋅": tokens.append(.symbol("*"))
            case "÷": tokens.append(.symbol("/"))
            case "≤": tokens.append(.command("le"))
            case "≥": tokens.append(.command("ge"))
            case "≠": tokens.append(.command("ne"))
            case "∞": tokens.append(.command("infty"))
            case "√": tokens.append(.command("sqrt"))
            case "∪": tokens.append(.command("cup"))
            case "°": tokens.append(.command("circ"))
            default: tokens.append(.symbol(Character(c)))
            }
            i += 1
        }
        return tokens
    }
}
