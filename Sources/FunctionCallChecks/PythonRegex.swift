import Foundation

/// Python `re` calls the official type converters make, on NSRegularExpression (ICU's syntax agrees with Python's
/// for every pattern the converters use).
enum PythonRegex {
    /// `re.match(pattern, text)` (anchored at the start): the groups of the match (nil for unmatched groups).
    static func match(_ pattern: String, _ text: String, dotAll: Bool = false) -> [String?]? {
        first(pattern, text, dotAll: dotAll, anchored: true)
    }

    /// `re.search(pattern, text)`.
    static func search(_ pattern: String, _ text: String, dotAll: Bool = false) -> [String?]? {
        first(pattern, text, dotAll: dotAll, anchored: false)
    }

    /// `re.findall(pattern, text)`: each match's groups (the whole match when the pattern has none).
    static func findAll(_ pattern: String, _ text: String, dotAll: Bool = false) -> [[String]] {
        guard let regex = compile(pattern, dotAll: dotAll) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            if m.numberOfRanges == 1 { return [ns.substring(with: m.range)] }
            return (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// `re.fullmatch`-like test of patterns written as `^…$` (Python's `$` also matches before a final newline).
    static func matches(_ pattern: String, _ text: String) -> Bool { match(pattern, text) != nil }

    private static func first(_ pattern: String, _ text: String, dotAll: Bool, anchored: Bool) -> [String?]? {
        guard let regex = compile(pattern, dotAll: dotAll) else { return nil }
        let ns = text as NSString
        let options: NSRegularExpression.MatchingOptions = anchored ? [.anchored] : []
        guard let m = regex.firstMatch(in: text, options: options, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? nil : ns.substring(with: m.range(at: $0)) }
    }

    private static func compile(_ pattern: String, dotAll: Bool) -> NSRegularExpression? {
        // Python's `$` matches at the end or before a final newline; ICU's does the same without multiline mode.
        try? NSRegularExpression(pattern: pattern, options: dotAll ? [.dotMatchesLineSeparators] : [])
    }

    /// Python's `str.strip(chars)`.
    static func strip(_ text: String, _ chars: String) -> String {
        let set = Set(chars)
        var s = Substring(text)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }

    /// Python's `str.strip()` (whitespace).
    static func strip(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Python's `int(text)` then `float(text)` fallback, or nil when neither parses.
    static func number(_ text: String) -> PyValue? {
        let t = strip(text).replacingOccurrences(of: "_", with: "")
        if let i = Int(t) { return .int(i) }
        let lower = t.lowercased()
        if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"].contains(lower) {
            return .float(lower.contains("nan") ? .nan : (lower.hasPrefix("-") ? -.infinity : .infinity))
        }
        guard !t.isEmpty, t.allSatisfy({ "0123456789.eE+-".contains($0) }), let d = Double(t) else { return nil }
        return .float(d)
    }
}
