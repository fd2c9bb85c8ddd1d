/// Native substring search and replacement over UTF-8 bytes.
///
/// Foundation's `range(of:)`, `contains` and `replacingOccurrences` bridge through `NSString` on Linux and cost
/// microseconds per call; scorers call them hundreds of times per sample, so they use these instead.
extension StringProtocol {
    /// The first (or last) range of `needle`, compared byte by byte (ASCII letters folded when `caseInsensitive`).
    ///
    /// - Parameters:
    ///   - needle: The text to find (non-empty).
    ///   - backwards: Find the last occurrence instead of the first.
    ///   - caseInsensitive: Fold ASCII letters.
    /// - Returns: The range in `self`, or nil.
    public func scanRange(of needle: some StringProtocol, backwards: Bool = false, caseInsensitive: Bool = false) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return nil }
        let found: Int? = utf8.withContiguousStorageIfAvailable { h -> Int? in
            TextScan.search(h, n, backwards: backwards, fold: caseInsensitive)
        } ?? TextScan.search(Array(utf8), n, backwards: backwards, fold: caseInsensitive)
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: n.count)
        return start..<end
    }

    /// Whether `needle` occurs in `self`.
    public func scanContains(_ needle: some StringProtocol) -> Bool { scanRange(of: needle) != nil }

    /// `self` with every occurrence of `target` replaced by `replacement`.
    public func scanReplacing(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let t = Array(target.utf8), r = Array(replacement.utf8)
        let bytes = Array(utf8)
        guard !t.isEmpty, TextScan.search(bytes, t, backwards: false, fold: false) != nil else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == t[0], i + t.count <= bytes.count, TextScan.matches(bytes, at: i, t, fold: false) {
                out.append(contentsOf: r)
                i += t.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `self` split at every occurrence of `separator` (Python's `str.split(sep)`).
    public func scanSplit(_ separator: some StringProtocol) -> [String] {
        let t = Array(separator.utf8), bytes = Array(utf8)
        guard !t.isEmpty else { return [String(self)] }
        var parts: [String] = []
        var start = 0, i = 0
        while i + t.count <= bytes.count {
            if TextScan.matches(bytes, at: i, t, fold: false) {
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += t.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }
}

enum TextScan {
    static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    static func matches<C: RandomAccessCollection>(_ h: C, at i: Int, _ n: [UInt8], fold f: Bool) -> Bool
    where C.Element == UInt8, C.Index == Int {
        for k in 0..<n.count {
            let a = h[h.startIndex + i + k], b = n[k]
            if a != b && !(f && fold(a) == fold(b)) { return false }
        }
        return true
    }

    static func search<C: RandomAccessCollection>(_ h: C, _ n: [UInt8], backwards: Bool, fold f: Bool) -> Int?
    where C.Element == UInt8, C.Index == Int {
        let count = h.count
        guard n.count <= count else { return nil }
        let last = count - n.count
        if backwards {
            var i = last
            while i >= 0 {
                if matches(h, at: i, n, fold: f) { return i }
                i -= 1
            }
        } else {
            for i in 0...last where matches(h, at: i, n, fold: f) { return i }
        }
        return nil
    }
}
