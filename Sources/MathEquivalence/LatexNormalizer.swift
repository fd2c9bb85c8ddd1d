import Foundation

/// A lexically normalised answer and what was removed from it.
public struct NormalizedAnswer: Hashable, Sendable {
    /// The answer with spacing, delimiters, degree and percent signs, units and thousands separators removed.
    public var text: String
    /// A `%` was removed.
    public var percent = false
    /// A degree sign was removed.
    public var degree = false
    /// A trailing unit was removed.
    public var unit = false
}

/// String-to-string normalisation of LaTeX answers (idempotent), before parsing.
public enum LatexNormalizer {
    /// Unit words removed when they trail a value (also with `^2`/`^3`, and in `\text{}`/`\mathrm{}`).
    static let unitWords: Set<String> = [
        "m", "cm", "mm", "km", "nm", "um", "g", "kg", "mg", "s", "ms", "min", "h", "hr", "hrs", "hour", "hours",
        "minute", "minutes", "second", "seconds", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "meter", "meters", "metre", "metres", "centimeter", "centimeters", "inch", "inches", "foot", "feet", "ft", "yard",
        "yards", "mile", "miles", "mph", "unit", "units", "degree", "degrees", "dollar", "dollars", "cent", "cents",
        "n", "j", "w", "kw", "v", "a", "pa", "kpa", "mpa", "l", "ml", "liter", "liters", "litre", "litres", "k", "hz",
        "mol", "ev", "kev", "mev", "sq", "square", "cubic", "percent", "pounds", "pound", "lb", "lbs", "oz", "gallon",
        "gallons", "radians", "rad", "students", "people", "ways", "points", "times",
    ]

    /// Normalises one answer.
    ///
    /// - Parameter input: The raw answer (a box content or an answer line).
    /// - Returns: The normalised text and flags.
    public static func normalize(_ input: String) -> NormalizedAnswer {
        var result = NormalizedAnswer(text: "")
        var s = input.trimmingSpaces()
        for (from, to) in [("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\displaystyle", ""), ("\\!", ""),
                           ("$", ""), ("\\(", ""), ("\\)", ""), ("\\[", ""), ("\\]", ""), ("\\left", ""), ("\\right", ""),
                           ("−", "-"), ("\\dots", ""), ("\\ldots", ""), ("\\cdots", ""), ("\\boxed{", "{"), ("\\fbox{", "{")]
            where s.scanContains(from) {
            s = s.scanReplacing(from, with: to)
        }
        for marker in ["^{\\circ}", "^\\circ", "°", "\\degree", "{}^\\circ", "^{\\circ }"] where s.scanContains(marker) {
            s = s.scanReplacing(marker, with: "")
            result.degree = true
        }
        for marker in ["\\%", "%", "\\percent"] where s.scanContains(marker) {
            s = s.scanReplacing(marker, with: "")
            result.percent = true
        }
        s = s.trimmingSpaces()
        while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
        if let stripped = stripTrailingUnit(s) { s = stripped; result.unit = true }
        s = removeThousandsSeparators(s)
        if let range = s.scanRange(of: "\\in ", backwards: true) ?? s.scanRange(of: "\\in", backwards: true),
           !s[range.upperBound...].hasPrefix("f"), !s[range.upperBound...].hasPrefix("t") {
            s = String(s[range.upperBound...])
        }
        s = mixedNumber(s)
        s = scientific(s)
        result.text = s.trimmingSpaces()
        return result
    }

    /// Removes a trailing `\text{unit}`, `\mathrm{~unit}` or unit word after a value.
    static func stripTrailingUnit(_ s: String) -> String? {
        for command in ["\\text{", "\\mathrm{", "\\mbox{", "\\textrm{"] {
            if s.hasSuffix("}"), let start = s.scanRange(of: command, backwards: true) {
                let inner = s[start.upperBound..<s.index(before: s.endIndex)]
                let word = String(inner.filter { $0 != "~" && $0 != "\\" && $0 != "," }).trimmingSpaces().lowercased()
                var before = String(s[..<start.lowerBound]).trimmingSpaces()
                // The spacing before a unit (`5\,\mathrm{N}`, `5\;\text{m}`, `5~\mathrm{N}`) goes with it.
                while let space = ["\\,", "\\;", "\\:", "\\ ", "~"].first(where: { before.hasSuffix($0) }) {
                    before = String(before.dropLast(space.count)).trimmingSpaces()
                }
                let unit = isUnit(word) || word.contains(" ") && word.split(separator: " ").allSatisfy { isUnit(String($0)) }
                if !before.isEmpty, unit, !before.hasSuffix("\\") { return before }
            }
        }
        var words = s.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        var removed = false
        while words.count >= 2, isUnit(words[words.count - 1].lowercased()) {
            words.removeLast()
            removed = true
        }
        return removed ? words.joined(separator: " ") : nil
    }

    static func isUnit(_ word: String) -> Bool {
        var w = word
        for suffix in ["^2", "^3", "^{2}", "^{3}", "²", "³"] where w.hasSuffix(suffix) { w.removeLast(suffix.count) }
        if w.scanContains("/") {
            return w.split(separator: "/").allSatisfy { unitWords.contains(String($0).trimmingSpaces()) }
        }
        return unitWords.contains(w) || (w.count > 2 && w.allSatisfy { $0.isLetter } && unitWords.contains(String(w.dropLast())))
    }

    /// `1,000,000`, `1{,}000`, `1\,000` → `1000000` when the first group has 1–3 digits and every later group 3.
    static func removeThousandsSeparators(_ s: String) -> String {
        let t = thinSpacesAsCommas(s.scanReplacing("{,}", with: ","))
        guard t.scanContains(",") else { return t }
        let chars = Array(t)
        func digit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isASCII && chars[k].isNumber }
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            guard digit(i), !digit(i - 1), i == 0 || chars[i - 1] != "." else { out.append(chars[i]); i += 1; continue }
            var j = i
            while digit(j) { j += 1 }
            var groups: [Range<Int>] = []
            var k = j
            while k < chars.count, chars[k] == ",", digit(k + 1), digit(k + 2), digit(k + 3), !digit(k + 4) {
                groups.append((k + 1)..<(k + 4))
                k += 4
            }
            if j - i <= 3, !groups.isEmpty {
                out.append(contentsOf: chars[i..<j])
                for g in groups { out.append(contentsOf: chars[g]) }
                i = k
            } else {
                out.append(contentsOf: chars[i..<j])
                i = j
            }
        }
        return String(out)
    }

    /// `\,` between digits becomes a comma (a thousands separator candidate); elsewhere it is a space.
    static func thinSpacesAsCommas(_ s: String) -> String {
        guard s.scanContains("\\,") else { return s }
        let chars = Array(s)
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "," {
                let between = i > 0 && chars[i - 1].isNumber && i + 2 < chars.count && chars[i + 2].isNumber
                out.append(between ? "," : " ")
                i += 2
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// `2\frac{1}{2}` → `(2+\frac{1}{2})` for a whole answer that is a mixed number.
    static func mixedNumber(_ s: String) -> String {
        guard let frac = s.scanRange(of: "\\frac{") else { return s }
        var whole = s[..<frac.lowerBound]
        while whole.last == " " || whole.last == "~" { whole = whole.dropLast() }
        let digits = whole.hasPrefix("-") ? whole.dropFirst() : whole
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return s }
        let rest = s[frac.upperBound...]
        let parts = rest.split(separator: "}", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].isEmpty, parts[1].hasPrefix("{"),
              parts[0].allSatisfy({ $0.isNumber }), parts[1].dropFirst().allSatisfy({ $0.isNumber }) else { return s }
        let sign = whole.hasPrefix("-") ? "-" : ""
        return "\(sign)(\(digits)+\\frac{\(parts[0])}{\(parts[1].dropFirst())})"
    }

    /// `1.5e-3` → `1.5\times10^{-3}`.
    static func scientific(_ s: String) -> String {
        let chars = Array(s)
        guard let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }), e > 0, chars[e - 1].isNumber,
              e + 1 < chars.count else { return s }
        var j = e + 1
        if chars[j] == "+" || chars[j] == "-" { j += 1 }
        guard j < chars.count, chars[j...].allSatisfy({ $0.isNumber }) else { return s }
        let exponent = String(chars[(e + 1)...]).scanReplacing("+", with: "")
        return String(chars[..<e]) + "\\times10^{" + exponent + "}"
    }
}
