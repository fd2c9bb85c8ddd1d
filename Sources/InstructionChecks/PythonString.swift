/// Python `str` operations as the official checker uses them, on Unicode code points (Python's unit), never on
/// Swift `Character`s: `"e\u{301}".hasPrefix("e")` is false in Swift and true in Python, and the checks must agree
/// with Python.
enum PythonString {
    /// `ch.isspace()`: the characters Python treats as whitespace (bidirectional class WS, B or S, or category Zs),
    /// which is also what `\s` matches in a `str` pattern.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `s.strip()`.
    static func strip(_ s: some StringProtocol) -> String {
        strip(s, where: isSpace)
    }

    /// `s.strip(chars)`.
    static func strip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        strip(s, where: chars.contains)
    }

    /// `s.lstrip(chars)`.
    static func lstrip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let first = view.first, chars.contains(first) { view = view.dropFirst() }
        return String(String.UnicodeScalarView(view))
    }

    /// `s.rstrip(chars)`.
    static func rstrip(_ s: some StringProtocol, _ chars: Set<Unicode.Scalar>) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let last = view.last, chars.contains(last) { view = view.dropLast() }
        return String(String.UnicodeScalarView(view))
    }

    static func strip(_ s: some StringProtocol, where drop: (Unicode.Scalar) -> Bool) -> String {
        var view = Substring(s).unicodeScalars[...]
        while let first = view.first, drop(first) { view = view.dropFirst() }
        while let last = view.last, drop(last) { view = view.dropLast() }
        return String(String.UnicodeScalarView(view))
    }

    /// Whether `s.strip()` is non-empty (Python's truthiness of the stripped text).
    static func hasNonSpace(_ s: some StringProtocol) -> Bool {
        s.unicodeScalars.contains { !isSpace($0) }
    }

    /// `s.split()`: the runs of non-whitespace.
    static func splitOnWhitespace(_ s: some StringProtocol) -> [String] {
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
    static func split(_ s: String, separator: String) -> [String] {
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
    static func removingAll(_ s: String, _ old: Unicode.Scalar) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.lazy.filter { $0 != old })
        return String(view)
    }

    /// `s.startswith(prefix)`.
    static func hasPrefix(_ s: some StringProtocol, _ prefix: some StringProtocol) -> Bool {
        s.unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    /// `s.endswith(suffix)`.
    static func hasSuffix(_ s: some StringProtocol, _ suffix: some StringProtocol) -> Bool {
        s.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }

    /// `needle in s`.
    static func contains(_ s: some StringProtocol, _ needle: some StringProtocol) -> Bool {
        let text = Array(s.unicodeScalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if text[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// `s.removeprefix(prefix)`.
    static func removingPrefix(_ s: String, _ prefix: String) -> String {
        guard hasPrefix(s, prefix) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
    }

    /// `s.removesuffix(suffix)`.
    static func removingSuffix(_ s: String, _ suffix: String) -> String {
        guard hasSuffix(s, suffix) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
