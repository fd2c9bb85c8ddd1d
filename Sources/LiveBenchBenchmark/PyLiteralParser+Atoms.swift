extension PyLiteralParser {
    /// Adjacent string literals, concatenated (`'a' "b"` is `'ab'`); bytes literals are refused.
    mutating func strings(prefix: String = "") -> PyLiteral? {
        var text = ""
        var prefix = prefix
        while true {
            guard let piece = string(raw: prefix.lowercased().contains("r")) else { return nil }
            text += piece
            let save = i
            skip(newlines: depth > 0)
            if i < h.count, h[i] == "'" || h[i] == "\"" {
                prefix = ""
                continue
            }
            if let (p, next) = stringPrefix(at: i) {
                prefix = p
                i = next
                continue
            }
            i = save
            return .string(text)
        }
    }

    /// A string prefix (`r`, `u`, `f` is refused) directly followed by a quote.
    func stringPrefix(at start: Int) -> (String, Int)? {
        var j = start
        var p = ""
        while j < h.count, "rRuU".unicodeScalars.contains(h[j]), p.count < 2 { p.unicodeScalars.append(h[j]); j += 1 }
        guard !p.isEmpty, j < h.count, h[j] == "'" || h[j] == "\"" else { return nil }
        return (p, j)
    }

    /// One quoted string (single, double or triple quotes) starting at `i`.
    mutating func string(raw: Bool) -> String? {
        let quote = h[i]
        let triple = i + 2 < h.count && h[i + 1] == quote && h[i + 2] == quote
        i += triple ? 3 : 1
        var out = String.UnicodeScalarView()
        while i < h.count {
            let c = h[i]
            if c == quote, !triple || (i + 2 < h.count && h[i + 1] == quote && h[i + 2] == quote) {
                i += triple ? 3 : 1
                return String(out)
            }
            if c == "\n", !triple { return nil }
            if c == "\\", i + 1 < h.count {
                let e = h[i + 1]
                if raw {
                    out.append(c)
                    out.append(e)
                    i += 2
                    continue
                }
                i += 2
                switch e {
                case "\n": break
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\", "'", "\"": out.append(e)
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "x", "u", "U":
                    let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                    guard i + width <= h.count, let v = UInt32(PyText.string(h[i..<(i + width)]), radix: 16),
                        let scalar = Unicode.Scalar(v)
                    else { return nil }
                    out.append(scalar)
                    i += width
                case "0"..."7":
                    var j = i - 1
                    var digits = ""
                    while j < h.count, digits.count < 3, ("0"..."7").contains(h[j]) { digits.unicodeScalars.append(h[j]); j += 1 }
                    guard let v = UInt32(digits, radix: 8), let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(scalar)
                    i = j
                default:
                    out.append(c)
                    out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }

    /// An integer or float literal (with `_` separators and exponents).
    mutating func number() -> PyLiteral? {
        let start = i
        while i < h.count, PyText.isWord(h[i]) || h[i] == "." || ((h[i] == "+" || h[i] == "-") && i > start && "eE".unicodeScalars.contains(h[i - 1])) {
            i += 1
        }
        let text = PyText.string(h[start..<i]).replacingUnderscores()
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16).map(PyLiteral.int) }
        if lower.hasPrefix("0o") { return Int(lower.dropFirst(2), radix: 8).map(PyLiteral.int) }
        if lower.hasPrefix("0b") { return Int(lower.dropFirst(2), radix: 2).map(PyLiteral.int) }
        if lower.allSatisfy(\.isNumber) {
            // Python refuses leading zeros in non-zero integers (`012`).
            if lower.count > 1, lower.hasPrefix("0"), lower.contains(where: { $0 != "0" }) { return nil }
            return Int(lower).map(PyLiteral.int) ?? Double(lower).map(PyLiteral.float)
        }
        guard !lower.hasSuffix("j"), lower.first != "e", let d = Double(lower) else { return nil }
        return .float(d)
    }

    /// `None`, `True`, `False`, or a prefixed string (`r'…'`, `u'…'`); other names fail.
    mutating func nameOrPrefixedString() -> PyLiteral? {
        if let (prefix, next) = stringPrefix(at: i) {
            i = next
            return strings(prefix: prefix)
        }
        let start = i
        while i < h.count, PyText.isWord(h[i]) { i += 1 }
        switch PyText.string(h[start..<i]) {
        case "None": return PyLiteral.none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: return nil
        }
    }
}

extension String {
    /// The text without `_` digit separators (refusing none: Python's stricter placement rule is not needed here).
    func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
