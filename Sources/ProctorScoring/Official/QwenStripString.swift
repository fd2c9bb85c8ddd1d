import MathEquivalence
import Foundation

/// Qwen2.5-Math's answer normalisation (`strip_string` in `evaluation/parser.py`), reproduced step by step.
///
/// Its quirks are kept on purpose, since `official` mode must give the verdicts the published numbers were
/// computed with: unit words (including single letters such as `a`, `h`, `t`) are deleted where they stand alone,
/// the substring `and` is deleted anywhere, and `x=`, `y=`, `z=` prefixes are dropped.
enum QwenStripString {
    /// The unit words of the reference list, in its order (the regex `.` in some entries matches any character).
    static let unitTexts: [String] = {
        let base = [
            "east", "degree", "mph", "kmph", "ft", "m sqaure", " m east", "sq m", "deg", "mile", "q .", "monkey", "prime",
            "ratio", "profit of rs", "rd", "o", "gm", "p . m", "lb", "tile", "per", "dm", "lt", "gain", "ab", "way", "west",
            "a .", "b .", "c .", "d .", "e .", "f .", "g .", "h .", "t", "a", "h", "no change", "men", "soldier", "pie", "bc",
            "excess", "st", "inches", "noon", "percent", "by", "gal", "kmh", "c", "acre", "rise", "a . m", "th", "π r 2", "sq",
            "mark", "l", "toy", "coin", "sq . m", "gallon", "° f", "profit", "minw", "yr", "women", "feet", "am", "pm", "hr",
            "cu cm", "square", "v â € ™", "are", "rupee", "rounds", "cubic", "cc", "mtr", "s", "ohm", "number", "kmph", "day",
            "hour", "minute", "min", "second", "man", "woman", "sec", "cube", "mt", "sq inch", "mp", "∏ cm ³", "hectare",
            "more", "sec", "unit", "cu . m", "cm 2", "rs .", "rs", "kg", "g", "month", "km", "m", "cm", "mm", "apple", "liter",
            "loss", "yard", "pure", "year", "increase", "decrease", "d", "less", "Surface", "litre", "pi sq m", "s .",
            "metre", "meter", "inch",
        ]
        return base + base.map { $0 + "s" }
    }()

    /// Each unit word with the longest dot-free piece of it, which must occur in a string for the unit to match
    /// there (computed once: `strip` tries every unit twice per answer).
    static let unitAnchors: [(unit: String, anchor: [UInt8])] = unitTexts.map { unit in
        (unit, Array((unit.split(separator: ".").max { $0.count < $1.count } ?? Substring(unit)).utf8))
    }

    /// Whether `needle` occurs in `haystack` (bytes).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Normalises one answer as the reference does (`skip_unit` false, the `math` setting).
    static func strip(_ input: String, skipUnit: Bool = false) -> String {
        var s = PythonText.strip(input)
        s = s.scanReplacing("\n", with: "")
        s = PythonText.rstrip(s, ["."])
        s = s.scanReplacing("\\!", with: "")
        s = replaceArrayBegin(s)
        s = s.scanReplacing("\\end{array}", with: "\\end{pmatrix}")
        s = s.scanReplacing("bmatrix", with: "pmatrix")
        s = s.scanReplacing("tfrac", with: "frac").scanReplacing("dfrac", with: "frac")
        s = s.scanReplacing("\\neq", with: "\\ne").scanReplacing("\\leq", with: "\\le")
            .scanReplacing("\\geq", with: "\\ge")
        s = s.scanReplacing("\\left", with: "").scanReplacing("\\right", with: "")
        s = s.scanReplacing("\\{", with: "{").scanReplacing("\\}", with: "}")
        if s.hasSuffix("}"), let first = s.scanRange(of: "\\text{") {
            let trimmed = PythonText.strip(s[..<first.lowerBound])
            if !trimmed.isEmpty, trimmed != s { s = trimmed }
        }
        if !skipUnit {
            for _ in 0..<2 {
                var bytes = Array(s.utf8)
                for (unit, anchor) in unitAnchors where occurs(anchor, in: bytes) {
                    if let replaced = removeStandalone(unit, in: s), !replaced.isEmpty {
                        s = replaced
                        bytes = Array(s.utf8)
                    }
                }
            }
        }
        s = s.scanReplacing("^{\\circ}", with: "").scanReplacing("^\\circ", with: "")
        s = s.scanReplacing("\\$", with: "").scanReplacing("$", with: "")
        s = s.scanReplacing("\\(", with: "").scanReplacing("\\)", with: "")
        s = WordNumbers.convert(s)
        s = PythonText.replaceCommandGroups(s, command: "text", keepContent: true)
        for key in ["x=", "y=", "z=", "x\\in", "y\\in", "z\\in", "x\\to", "y\\to", "z\\to"] {
            s = s.scanReplacing(key, with: "")
        }
        s = s.scanReplacing("\\emptyset", with: "{}")
        s = s.scanReplacing("(-\\infty,\\infty)", with: "\\mathbb{R}")
        s = s.scanReplacing("\\%", with: "").scanReplacing("%", with: "")
        s = s.scanReplacing(" .", with: " 0.").scanReplacing("{.", with: "{0.")
        s = s.scanReplacing("infinity", with: "\\infty")
        if !s.scanContains("\\infty") { s = s.scanReplacing("inf", with: "\\infty") }
        s = s.scanReplacing("+\\inity", with: "\\infty")
        s = s.scanReplacing("and", with: "")
        s = s.scanReplacing("\\mathbf", with: "")
        s = PythonText.replaceCommandGroups(s, command: "mbox", keepContent: false)
        if s.scanContains("j"), !s.scanContains("i") { s = s.scanReplacing("j", with: "i") }
        s = dropZeroDecimals(s)
        if s.isEmpty { return s }
        if s.first == "." { s = "0" + s }
        let pieces = PythonText.split(s, "=")
        if pieces.count == 2, pieces[0].count <= 2 { s = pieces[1] }
        s = fixSqrt(s)
        s = s.scanReplacing(" ", with: "")
        s = QwenFractions.fixFracs(s)
        s = QwenFractions.fixSlash(s, allowSqrt: true)
        return s
    }

    /// `\begin{array}{…}` (shortest) → `\begin{pmatrix}`.
    static func replaceArrayBegin(_ s: String) -> String {
        var s = s
        while let r = s.scanRange(of: "\\begin{array}{") {
            guard let close = s[r.upperBound...].firstIndex(of: "}") else { break }
            s.replaceSubrange(r.lowerBound...close, with: "\\begin{pmatrix}")
        }
        return s
    }

    /// `re.sub(r"(^|\W)UNIT($|\W)", r"\1\2", s)` with Python's scanning rules (the unit's `.` matches anything),
    /// or nil when nothing matched. Callers first check that the unit's anchor (`unitAnchors`) occurs in `s`.
    /// An ASCII string is scanned as bytes (one byte is one character there, and `\w` is `[A-Za-z0-9_]`).
    static func removeStandalone(_ unit: String, in s: String) -> String? {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            let removed = removeStandalone(Array(s.utf8), pattern: Array(unit.utf8), dot: UInt8(ascii: ".")) { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            }
            return removed.map { String(decoding: $0, as: UTF8.self) }
        }
        return removeStandalone(Array(s), pattern: Array(unit), dot: ".", isWord: PythonText.isWord).map { String($0) }
    }

    /// The scan of `removeStandalone(_:in:)` over characters or bytes.
    static func removeStandalone<Element: Equatable>(
        _ chars: [Element], pattern: [Element], dot: Element, isWord: (Element) -> Bool
    ) -> [Element]? {
        guard chars.count >= pattern.count else { return nil }
        func matchesUnit(at start: Int) -> Bool {
            guard start + pattern.count <= chars.count else { return false }
            for k in 0..<pattern.count where pattern[k] != dot && pattern[k] != chars[start + k] { return false }
            return true
        }
        func suffixOK(_ end: Int) -> (Bool, Int) {
            if end == chars.count { return (true, end) }
            if !isWord(chars[end]) { return (true, end + 1) }
            return (false, end)
        }
        var out: [Element] = []
        var i = 0
        var changed = false
        while i <= chars.count {
            var matchedEnd: Int? = nil
            var keepPrefix: Element? = nil
            var keepSuffix: Element? = nil
            if i == 0, matchesUnit(at: 0) {
                let (ok, end) = suffixOK(pattern.count)
                if ok { matchedEnd = end; keepSuffix = end > pattern.count ? chars[pattern.count] : nil }
            }
            if matchedEnd == nil, i < chars.count, !isWord(chars[i]), matchesUnit(at: i + 1) {
                let (ok, end) = suffixOK(i + 1 + pattern.count)
                if ok {
                    matchedEnd = end
                    keepPrefix = chars[i]
                    keepSuffix = end > i + 1 + pattern.count ? chars[i + 1 + pattern.count] : nil
                }
            }
            if let end = matchedEnd {
                if let p = keepPrefix { out.append(p) }
                if let q = keepSuffix { out.append(q) }
                changed = true
                i = end
                continue
            }
            if i < chars.count { out.append(chars[i]) }
            i += 1
        }
        return changed ? out : nil
    }

    /// `(\d+)\.0*([^\d])` → `\1\2` and `(\d+)\.0*$` → `\1`.
    static func dropZeroDecimals(_ s: String) -> String {
        guard s.scanContains(".") else { return s }
        let chars = Array(s)
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            if chars[i] == ".", i > 0, chars[i - 1].isASCII, chars[i - 1].isNumber {
                var j = i + 1
                while j < chars.count, chars[j] == "0" { j += 1 }
                if j == chars.count || !(chars[j].isASCII && chars[j].isNumber) {
                    i = j
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// `re.sub(r"\\sqrt(\w+)", r"\\sqrt{\1}", s)`.
    static func fixSqrt(_ s: String) -> String {
        guard s.scanContains("\\sqrt") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.scanRange(of: "\\sqrt") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let word = rest.prefix(while: PythonText.isWord)
            if !word.isEmpty {
                out += "{" + word + "}"
                rest = rest[word.endIndex...]
            }
        }
        return out + rest
    }
}
