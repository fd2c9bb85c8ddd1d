/// A step where LiveBench's official scorer raises (a failed `assert` in `remove_boxed`, an `int()` of a non-number):
/// the official judge stops there, so Proctor records the item as a `scorer-error` verdict with score 0.
struct OfficialFailure: Error, Sendable {
    /// What the official code would raise.
    var reason: String
}

extension PyText {
    /// LiveBench's `last_boxed_only_string`: the text of the last `\boxed{…}` (or `\fbox{…}`) with its braces
    /// balanced, `$` removed and `fbox` renamed `boxed`; or, when `"\boxed "` occurs, what follows its last
    /// occurrence up to a `$`.
    static func lastBoxedOnlyString(_ s: String) -> String? {
        let h = scalars(s)
        if contains(s, "\\boxed ") {
            let tail = split(s, "\\boxed ").last ?? ""
            return "\\boxed " + (split(tail, "$").first ?? "")
        }
        guard let idx = rfind(scalars("\\boxed"), in: h) ?? rfind(scalars("\\fbox"), in: h) else { return nil }
        var open = 0
        var i = idx
        while i < h.count {
            if h[i] == "{" { open += 1 }
            if h[i] == "}" {
                open -= 1
                if open == 0 {
                    return replace(replace(string(h[idx...i]), "$", ""), "fbox", "boxed")
                }
            }
            i += 1
        }
        return nil
    }

    /// LiveBench's `remove_boxed`: the content of `\boxed{…}` or what follows `\boxed `.
    ///
    /// - Throws: `OfficialFailure` where the official code's assertions fail.
    static func removeBoxed(_ s: String) throws -> String {
        let h = scalars(s)
        if contains(s, "\\boxed ") {
            let left = scalars("\\boxed ")
            guard h.starts(with: left) else { throw OfficialFailure(reason: "remove_boxed: \(s.prefix(40)) does not start with \\boxed ") }
            return string(h[left.count...])
        }
        let left = scalars("\\boxed{")
        guard h.starts(with: left), h.last == "}" else {
            throw OfficialFailure(reason: "remove_boxed: \(s.prefix(40)) is not \\boxed{…}")
        }
        return string(h[left.count..<(h.count - 1)])
    }

    /// `re.sub(re.escape(open) + ".*?" + re.escape(close), "", s, flags=re.DOTALL)`: every block removed.
    static func removeBlocks(_ s: String, open: String, close: String) -> String {
        let o = scalars(open), c = scalars(close), h = scalars(s)
        var out: Scalars = []
        var i = 0
        while let start = find(o, in: h, from: i), let end = find(c, in: h, from: start + o.count) {
            out += h[i..<start]
            i = end + c.count
        }
        out += h[i...]
        return string(out)
    }
}
