/// Every box, and the multi-answer join of the final boxes.
extension BoxedAnswer {
    /// The contents of every complete `\boxed{…}` / `\fbox{…}` in `text`, in order.
    ///
    /// - Parameter text: The answer text.
    /// - Returns: The contents with their ranges.
    public static func all(in text: Substring) -> [(content: Substring, range: Range<Substring.Index>)] {
        var found: [(content: Substring, range: Range<Substring.Index>)] = []
        var searchEnd = text.endIndex
        while let marker = lastMarker(in: text[..<searchEnd]) {
            if let content = content(after: marker.upperBound, in: text) {
                let end = content.endIndex < text.endIndex ? text.index(after: content.endIndex) : content.endIndex
                found.append((content, marker.lowerBound..<end))
            }
            searchEnd = marker.lowerBound
        }
        // Nested boxes (`\boxed{\boxed{5}}`, `\fbox` inside `\boxed`): keep only the outermost.
        let ordered = Array(found.reversed())
        return ordered.filter { box in
            !ordered.contains { other in
                other.range != box.range && other.range.lowerBound <= box.range.lowerBound && box.range.upperBound <= other.range.upperBound
            }
        }
    }

    /// The last box, joined with the boxes just before it when only punctuation, `and` or `or` separates them
    /// (multi-answer problems: `\boxed{2}, \boxed{3}`), within 80 characters.
    ///
    /// - Parameter text: The answer text.
    /// - Returns: The joined answer, or nil when there is no box.
    public static func finalAnswer(in text: Substring) -> String? {
        let boxes = all(in: text)
        guard var last = boxes.last else { return nil }
        var parts = [String(last.content)]
        for previous in boxes.dropLast().reversed() {
            guard previous.range.upperBound <= last.range.lowerBound else { break }
            let gap = text[previous.range.upperBound..<last.range.lowerBound]
            let words = gap.lowercased().filter { !" ,;.$\\()\n".contains($0) }
            guard gap.count <= 80, words.isEmpty || words == "and" || words == "or" || words == "text{and}" else { break }
            parts.insert(String(previous.content), at: 0)
            last = previous
        }
        return parts.joined(separator: ", ")
    }
}
