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

    /// Normalises one answer as the reference does (`skip_unit` false, the `math` setting).
    static func strip(_ input: String, skipUnit: Bool = false) -> String {
        var s = PythonText.strip(input)
        s = s.replacingOccurrences(of: "\n", with: "")
        s = PythonText.rstrip(s, ["."])
        s = s.replacingOccurrences(of: "\\!", with: "")
        s = replaceArrayBegin(s)
        s = s.replacingOccurrences(of: "\\end{array}", with: "\\end{pmatrix}")
        s = s.replacingOccurrences(of: "bmatrix", with: "pmatrix")
        s = s.replacingOccurrences(of: "tfrac", with: "frac").replacingOccurrences(of: "dfrac", with: "frac")
        s = s.replacingOccurrences(of: "\\neq", with: "\\ne").replacingOccurrences(of: "\\leq", with: "\\le")
            .replacingOccurrences(of: "\\geq", with: "\\ge")
        s = s.replacingOccurrences(of: "\\left", with: "").replacingOccurrences(of: "\\right", with: "")
        s = s.replacingOccurrences(of: "\\{", with: "{").replacingOccurrences(of: "\\}", with: "}")
        if s.hasSuffix("}"), let first = s.range(of: "\\text{") {
            let trimmed = PythonText.strip(s[..<first.lowerBound])
            if !trimmed.isEmpty, trimmed != s { s = trimmed }
        }
        if !skipUnit {
            for _ in 0..<2 {
                for unit in unitTexts {
                    let replaced = removeStandalone(unit, in: s)
                    if !replaced.isEmpty { s = replaced }
                }
            }
        }
        s = s.replacingOccurrences(of: "^{\\circ}", with: "").replacingOccurrences(of: "^\\circ", with: "")
        s = s.replacingOccurrences(of: "\\$", with: "").replacingOccurrences(of: "$", with: "")
        s = s.replacingOccurrences(of: "\\(", with: "").replacingOccurrences(of: "\\)", with: "")
        s = WordNumbers.convert(s)
        s = PythonText.replaceCommandGroups(s, command: "text", keepContent: true)
        for key in ["x=", "y=", "z=", "x\\in", "y\\in", "z\\in", "x\\to", "y\\to", "z\\to"] {
            s = s.replacingOccurrences(of: key, with: "")
        }
        s = s.replacingOccurrences(of: "\\emptyset", with: "{}")
        s = s.replacingOccurrences(of: "(-\\infty,\\infty)", with: "\\mathbb{R}")
        s = s.replacingOccurrences(of: "\\%", with: "").replacingOccurrences(of: "%", with: "")
        s = s.replacingOccurrences(of: " .", with: " 0.").replacingOccurrences(of: "{.", with: "{0.")
        s = s.replacingOccurrences(of: "infinity", with: "\\infty")
        if !s.contains("\\infty") { s = s.replacingOccurrences(of: "inf", with: "\\infty") }
        s = s.replacingOccurrences(of: "+\\inity", with: "\\infty")
        s = s.replacingOccurrences(of: "and", with: "")
        s = s.replacingOccurrences(of: "\\mathbf", with: "")
        s = PythonText.replaceCommandGroups(s, command: "mbox", keepContent: false)
        if s.contains("j"), !s.contains("i") { s = s.replacingOccurrences(of: "j", with: "i") }
        s = dropZeroDecimals(s)
        if s.isEmpty { return s }
        if s.first == "." { s = "0" + s }
        let pieces = PythonText.split(s, "=")
        if pieces.count == 2, pieces[0].count <= 2 { s = pieces[1] }
        s = fixSqrt(s)
        s = s.replacingOccurrences(of: " ", with: "")
        s = QwenFractions.fixFracs(s)
        s = QwenFractions.fixSlash(s, allowSqrt: true)
        return s
    }

    /// `\begin{array}{…}` (shortest) → `\begin{pmatrix}`.
    static func replaceArrayBegin(_ s: String) -> String {
        var s = s
        while let r = s.range(of: "\\begin{array}{") {
            guard let close = s[r.upperBound...].firstIndex(of: "}") else { break }
            s.replaceSubrange(r.lowerBound...close, with: "\\begin{pmatrix}")
        }
        return s
    }

    /// `re.sub(r"(^|\W)UNIT($|\W)", r"\1\2", s)` with Python's scanning rules (the unit's `.` matches anything).
    static func removeStandalone(_ unit: String, in s: String) -> String {
        if !unit.contains("."), !s.contains(unit) { return s }
        let chars = Array(s), pattern = Array(unit)
        guard chars.count >= pattern.count else { return s }
        func matchesUnit(at start: Int) -> Bool {
            guard start + pattern.count <= chars.count else { return false }
            for k in 0..<pattern.count where pattern[k] != "." && pattern[k] != chars[start + k] { return false }
            return true
        }
        func suffixOK(_ end: Int) -> (Bool, Int) {
            if end == chars.count { return (true, end) }
            if !PythonText.isWord(chars[end]) { return (true, end + 1) }
            return (false, end)
        }
        var out: [Character] = []
        var i = 0
        var changed = false
        while i <= chars.count {
            var matchedEnd: Int? = nil
            var keepPrefix: Character? = nil
            var keepSuffix: Character? = nil
            if i == 0, matchesUnit(at: 0) {
                let (ok, end) = suffixOK(pattern.count)
                if ok { matchedEnd = end; keepSuffix = end > pattern.count ? chars[pattern.count] : nil }
            }
            if matchedEnd == nil, i < chars.count, !PythonText.isWord(chars[i]), matchesUnit(at: i + 1) {
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
        return changed ? String(out) : s
    }

    /// `(\d+)\.0*([^\d])` → `\1\2` and `(\d+)\.0*$` → `\1`.
    static func dropZeroDecimals(_ s: String) -> String {
        guard s.contains(".") else { return s }
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
        guard s.contains("\\sqrt") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "\\sqrt") {
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
