/// Finds `\boxed{…}` and `\fbox{…}` answers with brace matching.
public enum BoxedAnswer {
    /// The content of the last `\boxed{…}` / `\fbox{…}` (or `\boxed N`) in `text`, nested braces included.
    ///
    /// - Parameter text: The answer text.
    /// - Returns: The box content, or nil when there is no complete box.
    public static func last(in text: Substring) -> Substring? {
        var searchEnd = text.endIndex
        while let found = lastMarker(in: text[..<searchEnd]) {
            if let content = content(after: found.upperBound, in: text) {
                return content
            }
            searchEnd = found.lowerBound
        }
        return nil
    }

    static func lastMarker(in text: Substring) -> Range<Substring.Index>? {
        let boxed = text.scanRange(of: "\\boxed", backwards: true)
        let fbox = text.scanRange(of: "\\fbox", backwards: true)
        switch (boxed, fbox) {
        case let (b?, f?): return b.lowerBound > f.lowerBound ? b : f
        case let (b?, nil): return b
        case let (nil, f?): return f
        default: return nil
        }
    }

    /// The brace-matched content starting at `start` (which should point at `{`, or at ` token`).
    static func content(after start: Substring.Index, in text: Substring) -> Substring? {
        var index = start
        guard index < text.endIndex else { return nil }
        if text[index] == " " {
            // `\boxed 5`: the token up to the next space or `$`.
            let rest = text[text.index(after: index)...]
            let end = rest.firstIndex(where: { $0 == " " || $0 == "$" || $0 == "\n" }) ?? rest.endIndex
            let token = rest[..<end]
            return token.isEmpty ? nil : token
        }
        guard text[index] == "{" else { return nil }
        var depth = 0
        let open = text.index(after: index)
        while index < text.endIndex {
            let c = text[index]
            if c == "\\" {
                // Skip escaped braces `\{` and `\}`.
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "{" || text[next] == "}" {
                    index = text.index(after: next)
                    continue
                }
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return text[open..<index] }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
