/// Python `str` operations as the official checker uses them, on Unicode code points (Python's unit), never on
/// Swift `Character`s: `"e\u{301}".hasPrefix("e")` is false in Swift and true in Python, and the checks must agree
/// with Python. Shared by IFEval's checks and LiveBench's scorers.
public enum PythonString {
    /// `ch.isspace()`: the characters Python treats as whitespace, which is also what `\s` matches in a `str`
    /// pattern (`PythonCharacters.isSpace`).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool { PythonCharacters.isSpace(scalar.value) }

    /// `s.strip()`.
    public static func strip(_ s: some StringProtocol) -> String {
        strip(s, where: isSpace)
    }

    /// `s.strip(chars)`.
    public static func strip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        strip(s, where: chars.contains)
    }

    /// `s.lstrip(chars)`.
    public static func lstrip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let first = view.first, chars.contains(first) { view = view.dropFirst() }
        return String(String.UnicodeScalarView(view))
    }

    /// `s.rstrip(chars)`.
    public static func rstrip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let last = view.last, chars.contains(last) { view = view.dropLast() }
        return String(String.UnicodeScalarView(view))
    }

    /// `s.strip()` with a predicate for the characters to drop.
    public static func strip(_ s: some StringProtocol, where drop: (Unicode.Scalar) -> Bool) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let first = view.first, drop(first) { view = view.dropFirst() }
        while let last = view.last, drop(last) { view = view.dropLast() }
        return String(String.UnicodeScalarView(view))
    }

    /// Whether `s.strip()` is non-empty (Python's truthiness of the stripped text).
    public static func hasNonSpace(_ s: some StringProtocol) -> Bool {
        s.unicodeScalars.contains { !isSpace($0) }
    }

    /// `s.split()`: the runs of non-whitespace.
    public static func splitOnWhitespace(_ s: some StringProtocol) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isSpace(scalar) {
                if !current.isEmpty { pieces.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }

    /// `s.split(separator)` for a non-empty separator: non-overlapping, left to right, empty pieces kept.
    public static func split(_ s: String, separator: String) -> [String] {
        let text = Array(s.unicodeScalars), sep = Array(separator.unicodeScalars)
        guard !sep.isEmpty else { return [s] }
        var pieces: [String] = []
        var start = 0, i = 0
        while i + sep.count <= text.count {
            if text[i..<i + sep.count].elementsEqual(sep) {
                pieces.append(string(text[start..<i]))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(string(text[start...]))
        return pieces
    }

    /// `s.replace(old, "")`.
    public static func removingAll(_ s: String, _ old: Unicode.Scalar) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.lazy.filter { $0 != old })
        return String(view)
    }

    /// `s.startswith(prefix)`.
    public static func hasPrefix(_ s: some StringProtocol, _ prefix: some StringProtocol) -> Bool {
        s.unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    /// `s.endswith(suffix)`.
    public static func hasSuffix(_ s: some StringProtocol, _ suffix: some StringProtocol) -> Bool {
        s.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }

    /// `needle in s`.
    public static func contains(_ s: some StringProtocol, _ needle: some StringProtocol) -> Bool {
        let text = Array(s.unicodeScalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if text[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// `s.removeprefix(prefix)`.
    public static func removingPrefix(_ s: String, _ prefix: String) -> String {
        guard hasPrefix(s, prefix) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
    }

    /// `s.removesuffix(suffix)`.
    public static func removingSuffix(_ s: String, _ suffix: String) -> String {
        guard hasSuffix(s, suffix) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
    }

    /// A string from code points.
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
