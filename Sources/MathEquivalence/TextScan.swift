/// Native substring search and replacement over UTF-8 bytes.
///
/// Foundation's `range(of:)`, `contains` and `replacingOccurrences` bridge through `NSString` on Linux and cost
/// microseconds per call; scorers call them hundreds of times per sample, so they use these instead. The common
/// case, a needle that does not occur, allocates nothing: both sides are read in place when their UTF-8 is
/// contiguous (native strings and their substrings). The functions are inlinable so that callers in other
/// modules get them specialised for `String` and `Substring`.
extension StringProtocol {
    /// The first (or last) range of `needle`, compared byte by byte (ASCII letters folded when `caseInsensitive`).
    ///
    /// - Parameters:
    ///   - needle: The text to find (non-empty).
    ///   - backwards: Find the last occurrence instead of the first.
    ///   - caseInsensitive: Fold ASCII letters.
    /// - Returns: The range in `self`, or nil.
    @inlinable
    public func scanRange(of needle: some StringProtocol, backwards: Bool = false, caseInsensitive: Bool = false) -> Range<Index>? {
        let found = TextScan.withBytes(self) { h in
            TextScan.withBytes(needle) { n in TextScan.search(h, n, backwards: backwards, fold: caseInsensitive) }
        }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: needle.utf8.count)
        return start..<end
    }

    /// Whether `needle` occurs in `self`.
    @inlinable
    public func scanContains(_ needle: some StringProtocol) -> Bool {
        TextScan.withBytes(self) { h in TextScan.withBytes(needle) { n in TextScan.search(h, n, backwards: false, fold: false) != nil } }
    }

    /// `self` with every occurrence of `target` replaced by `replacement`.
    @inlinable
    public func scanReplacing(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let replaced: [UInt8]? = TextScan.withBytes(self) { h in
            TextScan.withBytes(target) { t -> [UInt8]? in
                guard var next = TextScan.search(h, t, backwards: false, fold: false) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(h.count)
                var i = 0
                while true {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[i..<next]))
                    out.append(contentsOf: replacement.utf8)
                    i = next + t.count
                    guard let found = TextScan.search(UnsafeBufferPointer(rebasing: h[i...]), t, backwards: false, fold: false) else { break }
                    next = i + found
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[i...]))
                return out
            }
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? String(self)
    }

    /// `self` split at every occurrence of `separator` (Python's `str.split(sep)`).
    @inlinable
    public func scanSplit(_ separator: some StringProtocol) -> [String] {
        TextScan.withBytes(self) { h in
            TextScan.withBytes(separator) { t -> [String] in
                guard !t.isEmpty else { return [String(decoding: h, as: UTF8.self)] }
                var parts: [String] = []
                var start = 0
                while let found = TextScan.search(UnsafeBufferPointer(rebasing: h[start...]), t, backwards: false, fold: false) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start..<(start + found)]), as: UTF8.self))
                    start += found + t.count
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start...]), as: UTF8.self))
                return parts
            }
        }
    }
}

@usableFromInline
enum TextScan {
    @inlinable
    static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Runs `body` on the UTF-8 bytes of `text`, in place when they are contiguous, else on a copy.
    @inlinable
    static func withBytes<T>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @inlinable
    static func matches(_ h: UnsafeBufferPointer<UInt8>, at i: Int, _ n: UnsafeBufferPointer<UInt8>, fold f: Bool) -> Bool {
        for k in 0..<n.count {
            let a = h[i + k], b = n[k]
            if a != b && !(f && fold(a) == fold(b)) { return false }
        }
        return true
    }

    /// The byte offset of the first (or last) occurrence of `n` in `h`; nil when absent or `n` is empty.
    @inlinable
    static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, backwards: Bool, fold f: Bool) -> Int? {
        guard let first = n.first, n.count <= h.count else { return nil }
        let last = h.count - n.count
        if f {
            if backwards {
                var i = last
                while i >= 0 {
                    if matches(h, at: i, n, fold: true) { return i }
                    i -= 1
                }
            } else {
                for i in 0...last where matches(h, at: i, n, fold: true) { return i }
            }
            return nil
        }
        if backwards {
            var i = last
            while i >= 0 {
                if h[i] == first, matches(h, at: i, n, fold: false) { return i }
                i -= 1
            }
        } else {
            var i = 0
            while i <= last {
                if h[i] == first, matches(h, at: i, n, fold: false) { return i }
                i += 1
            }
        }
        return nil
    }
}
