import MathEquivalence
import Foundation

/// Small helpers that reproduce Python string semantics used by the official scorers.
enum PythonText {
    /// Python's `\w` for `str` patterns: letters, digits (Unicode) and `_`.
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// `s.strip(chars)`.
    static func strip(_ s: some StringProtocol, _ chars: Set<Character>) -> String {
        var t = Substring(s)
        while let f = t.first, chars.contains(f) { t = t.dropFirst() }
        while let l = t.last, chars.contains(l) { t = t.dropLast() }
        return String(t)
    }

    /// `s.strip()` (whitespace).
    static func strip(_ s: some StringProtocol) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t = t.dropFirst() }
        while let l = t.last, l.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    /// `s.rstrip(chars)`.
    static func rstrip(_ s: some StringProtocol, _ chars: Set<Character>) -> String {
        var t = Substring(s)
        while let l = t.last, chars.contains(l) { t = t.dropLast() }
        return String(t)
    }

    /// `s.lstrip(chars)`.
    static func lstrip(_ s: some StringProtocol, _ chars: Set<Character>) -> String {
        var t = Substring(s)
        while let f = t.first, chars.contains(f) { t = t.dropFirst() }
        return String(t)
    }

    /// `s.split(sep)` (non-empty separator).
    static func split(_ s: String, _ sep: String) -> [String] {
        s.scanSplit(sep)
    }

    /// `s.split(sep)[-1]`.
    static func lastPart(_ s: String, _ sep: String) -> String {
        guard let r = s.scanRange(of: sep, backwards: true) else { return s }
        return String(s[r.upperBound...])
    }

    /// Whether `s` is a Python `str.isdigit()` string of ASCII digits.
    static func isDigits(_ s: some StringProtocol) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

    /// `re.sub(r"\\cmd\{.*?\}", replacement)`: every `\cmd{…}` up to the first `}` replaced (content kept when `keep`).
    static func replaceCommandGroups(_ s: String, command: String, keepContent: Bool) -> String {
        let marker = "\\" + command + "{"
        guard s.scanContains(marker) else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.scanRange(of: marker) {
            guard let close = rest[r.upperBound...].firstIndex(of: "}") else { break }
            out += rest[..<r.lowerBound]
            if keepContent { out += rest[r.upperBound..<close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// All non-overlapping matches of `-?\d*\.?\d+` (Qwen's and others' "last number" pattern).
    static func simpleNumbers(_ s: String) -> [String] {
        let chars = Array(s)
        var found: [String] = []
        var i = 0
        func digit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
        while i < chars.count {
            var j = i
            if chars[j] == "-" { j += 1 }
            let intStart = j
            while digit(j) { j += 1 }
            var end = -1
            if j < chars.count, chars[j] == ".", digit(j + 1) {
                var k = j + 1
                while digit(k) { k += 1 }
                end = k
            } else if j > intStart {
                end = j
            }
            if end > i, !(chars[i] == "-" && end == i + 1) {
                found.append(String(chars[i..<end]))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }
}
