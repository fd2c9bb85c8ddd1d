import Foundation

/// A pattern written in Python's `re` syntax, matched as Python matches a `str` pattern.
///
/// The official checker's patterns (`\s?\*\*\*\s?`, `\b` + word + `\b`, keywords used as patterns) run on ICU
/// (`NSRegularExpression`) after a translation of the classes whose meaning differs: Python's `\s` is `str.isspace`
/// (ICU's lacks `\v`, `\x1c`–`\x1f`, `\x85`), Python's `\w` is `str.isalnum` or `_` (ICU's also takes combining
/// marks), and `\b` is defined by that `\w`. Only `\n` ends a line, as in Python.
struct PythonRegex: @unchecked Sendable {
    // @unchecked Sendable: NSRegularExpression is immutable after creation and documented as safe to use from
    // several threads at once; nothing else is stored.
    private let regex: NSRegularExpression
    /// The pattern as written (Python syntax).
    let pattern: String

    /// Python's `\s` as an ICU class body.
    static let spaceClass = #"\t\n\x{0B}\f\r\x{1C}-\x{1F}\x{85}\p{Z}"#
    /// Python's `\w` as an ICU class body (letters, numbers of any kind, `_`).
    static let wordClass = #"\p{L}\p{N}_"#

    /// Compiles a pattern.
    ///
    /// - Parameters:
    ///   - pattern: Python `re` syntax.
    ///   - ignoreCase: `re.IGNORECASE`.
    ///   - multiline: `re.MULTILINE` (`^` and `$` at every `\n`).
    /// - Throws: `InstructionCheckError` with code `.invalidArgument` when the pattern does not compile.
    init(_ pattern: String, ignoreCase: Bool = false, multiline: Bool = false) throws {
        var options: NSRegularExpression.Options = [.useUnixLineSeparators]
        if ignoreCase { options.insert(.caseInsensitive) }
        if multiline { options.insert(.anchorsMatchLines) }
        do {
            regex = try NSRegularExpression(pattern: Self.translate(pattern), options: options)
        } catch {
            throw InstructionCheckError(.invalidArgument, "the pattern \(String(reflecting: pattern)) is not a valid regular expression")
        }
        self.pattern = pattern
    }

    /// `len(re.findall(pattern, text))`.
    func count(in text: String) -> Int {
        regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// `re.search(pattern, text) is not None`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `re.findall(pattern, text)` for a pattern without groups: the matched texts.
    func findAll(in text: String) -> [String] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// `re.split(pattern, text)` for a pattern without groups: the pieces between matches, empty ones kept.
    func split(_ text: String) -> [String] {
        let ns = text as NSString
        var pieces: [String] = []
        var start = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            pieces.append(ns.substring(with: NSRange(location: start, length: match.range.location - start)))
            start = match.range.location + match.range.length
        }
        pieces.append(ns.substring(from: start))
        return pieces
    }

    /// Rewrites Python syntax as ICU syntax with the same meaning (the classes above, `\b`/`\B` over Python's `\w`,
    /// `\Z`, `(?P<name>`, a literal `[` inside a class, a `{` that starts no repetition).
    static func translate(_ pattern: String) -> String {
        let p = Array(pattern.unicodeScalars)
        let word = "[\(wordClass)]"
        var out = ""
        var i = 0
        var inClass = false
        while i < p.count {
            let c = p[i]
            if c == "\\", i + 1 < p.count {
                let e = p[i + 1]
                i += 2
                switch (e, inClass) {
                case ("s", false): out += "[\(spaceClass)]"
                case ("s", true): out += spaceClass
                case ("S", _): out += "[^\(spaceClass)]"
                case ("w", false): out += word
                case ("w", true): out += wordClass
                case ("W", _): out += "[^\(wordClass)]"
                case ("b", false): out += "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))"
                case ("b", true): out += #"\x{08}"#
                case ("B", false): out += "(?:(?<=\(word))(?=\(word))|(?<!\(word))(?!\(word)))"
                case ("Z", false): out += #"\z"#
                default: out += "\\" + String(e)
                }
                continue
            }
            if inClass {
                if c == "]" {
                    inClass = false
                    out += "]"
                } else if c == "[" || (c == "&" && i + 1 < p.count && p[i + 1] == "&") {
                    out += "\\" + String(c)
                } else {
                    out.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "[":
                // Python reads a `]` right after `[` or `[^` as a literal.
                inClass = true
                out += "["
                if i + 1 < p.count, p[i + 1] == "^" {
                    out += "^"
                    i += 1
                }
                if i + 1 < p.count, p[i + 1] == "]" {
                    out += "\\]"
                    i += 1
                }
            case "(" where p[(i + 1)...].starts(with: "?P<".unicodeScalars):
                out += "(?<"
                i += 3
            case "{" where !startsRepetition(p, at: i):
                out += "\\{"
            default:
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    /// Whether `{` at `i` opens a repetition `{m}`, `{m,}`, `{,n}` or `{m,n}` (Python reads any other `{` literally).
    static func startsRepetition(_ p: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i + 1, digits = 0, comma = false
        while j < p.count {
            let c = p[j]
            if c == "}" { return digits > 0 || comma }
            if c == ",", !comma {
                comma = true
            } else if ("0"..."9").contains(c) {
                digits += 1
            } else {
                return false
            }
            j += 1
        }
        return false
    }
}
