import PythonCompat

/// Python `str` operations as LiveBench's scorers use them, on Unicode scalars (Python's code points) rather than
/// Swift's grapheme clusters: `"\r\n"` is two characters there, and `s[-50:]` counts code points. The operations
/// IFEval's checks use too are PythonCompat's `PythonString` and `PythonCharacters`; the rest are LiveBench's own.
enum PyText {
    typealias Scalars = [Unicode.Scalar]

    static func scalars(_ s: String) -> Scalars { Array(s.unicodeScalars) }

    static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Python's `len`.
    static func count(_ s: String) -> Int { s.unicodeScalars.count }

    /// `s[-n:]` (with Python's rule that `s[-0:]` is the whole string).
    static func suffix(_ s: String, _ n: Int) -> String {
        let chars = scalars(s)
        guard n > 0, n < chars.count else { return s }
        return string(chars[(chars.count - n)...])
    }

    /// `str.isspace()` for one character.
    static func isSpace(_ c: Unicode.Scalar) -> Bool { PythonString.isSpace(c) }

    /// `str.strip()`.
    static func strip(_ s: String) -> String { PythonString.strip(s) }

    /// `str.strip(chars)`.
    static func strip(_ s: String, _ set: String) -> String { PythonString.strip(s, Set(set.unicodeScalars)) }

    /// `str.lower()` (with Python's final-sigma rule).
    static func lower(_ s: String) -> String { PythonString.lower(s) }

    /// The index of the first occurrence of `needle` at or after `from`, or nil (`str.find`).
    static func find(_ needle: Scalars, in hay: Scalars, from: Int = 0, to end: Int? = nil) -> Int? {
        let end = min(end ?? hay.count, hay.count)
        guard !needle.isEmpty else { return from <= end ? from : nil }
        var i = max(0, from)
        while i + needle.count <= end {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The index of the last occurrence of `needle` that ends by `end` (`str.rfind(needle, 0, end)`).
    static func rfind(_ needle: Scalars, in hay: Scalars, to end: Int? = nil) -> Int? {
        let end = min(end ?? hay.count, hay.count)
        var i = end - needle.count
        while i >= 0 {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// `needle in hay`.
    static func contains(_ hay: String, _ needle: String) -> Bool { PythonString.contains(hay, needle) }

    /// `str.count(needle)` (non-overlapping).
    static func occurrences(of needle: String, in hay: String) -> Int {
        let n = scalars(needle), h = scalars(hay)
        var count = 0, i = 0
        while let at = find(n, in: h, from: i) {
            count += 1
            i = at + max(1, n.count)
        }
        return count
    }

    /// `str.replace(old, new)`.
    static func replace(_ s: String, _ old: String, _ new: String) -> String {
        let o = scalars(old), h = scalars(s), n = scalars(new)
        guard !o.isEmpty, find(o, in: h) != nil else { return s }
        var out: Scalars = []
        var i = 0
        while let at = find(o, in: h, from: i) {
            out += h[i..<at]
            out += n
            i = at + o.count
        }
        out += h[i...]
        return string(out)
    }

    /// `str.split(sep)`.
    static func split(_ s: String, _ sep: String) -> [String] { PythonString.split(s, separator: sep) }

    /// `str.split()` (runs of whitespace, no empty parts).
    static func splitWhitespace(_ s: String) -> [String] { PythonString.splitOnWhitespace(s) }

    /// `re.findall(re.escape(open) + "(.*?)" + re.escape(close), s)`, with `flags=re.DOTALL` when `dotAll`.
    static func findAll(between open: String, and close: String, in s: String, dotAll: Bool) -> [String] {
        let o = scalars(open), c = scalars(close), h = scalars(s)
        var out: [String] = []
        var i = 0
        while let start = find(o, in: h, from: i) {
            let body = start + o.count
            var j = body
            var matched: Int?
            while j + c.count <= h.count {
                if h[j..<(j + c.count)].elementsEqual(c) { matched = j; break }
                if !dotAll, h[j] == "\n" { break }
                j += 1
            }
            if let end = matched {
                out.append(string(h[body..<end]))
                i = end + c.count
            } else {
                i = start + 1
            }
        }
        return out
    }

    /// `str.isdigit()` for one character (decimal digits and the digit-like superscripts and subscripts).
    static func isDigit(_ c: Unicode.Scalar) -> Bool { PythonCharacters.isDigit(c.value) }

    /// `str.isalnum()` for one character, as Python's `\w` uses it (plus `_`): letter categories, not Swift's wider
    /// `isAlphabetic` (which takes in combining vowel signs).
    static func isWord(_ c: Unicode.Scalar) -> Bool { PythonCharacters.isWord(c.value) }

    /// `int(s)` for text of decimal digits with optional sign and surrounding whitespace; nil where Python raises.
    static func int(_ s: String) -> Int? {
        var chars = scalars(strip(s))[...]
        var negative = false
        if let first = chars.first, first == "+" || first == "-" {
            negative = first == "-"
            chars.removeFirst()
        }
        guard !chars.isEmpty else { return nil }
        var value = 0
        var previousUnderscore = true
        for c in chars {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard c.properties.numericType == .decimal, let digit = c.properties.numericValue else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(digit))
            if o1 || o2 { return nil }
            value = a
            previousUnderscore = false
        }
        if previousUnderscore { return nil }
        return negative ? -value : value
    }
}
