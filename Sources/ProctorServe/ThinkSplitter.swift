import ProctorCore

/// Separates a model's thinking from its answer in text that the model writes as `<think>…</think>answer`, the way
/// vLLM's `deepseek_r1` reasoning parser does: everything before `</think>` is reasoning (an opening `<think>` at the
/// very start is dropped; chat templates that open the block in the prompt leave it out), everything after it is the
/// answer, and output without `</think>` is all reasoning.
///
/// Fed piece by piece it gives the same split as fed at once: it holds back text that may be the start of a tag.
struct ThinkSplitter: Sendable {
    static let open = "<think>"
    static let close = "</think>"
    private var pending = ""
    private var openChecked = false
    private var thinking = true

    /// The reasoning and answer text `piece` completes.
    mutating func feed(_ piece: String) -> GenerationDelta {
        pending += piece
        if !openChecked {
            if Self.open.hasPrefix(pending) && pending.count < Self.open.count { return GenerationDelta() }
            if pending.hasPrefix(Self.open) { pending.removeFirst(Self.open.count) }
            openChecked = true
        }
        guard thinking else {
            defer { pending = "" }
            return GenerationDelta(text: pending)
        }
        if let end = pending.range(of: Self.close) {
            let delta = GenerationDelta(text: String(pending[end.upperBound...]), reasoning: String(pending[..<end.lowerBound]))
            pending = ""
            thinking = false
            return delta
        }
        let held = (0..<Self.close.count).reversed().first { pending.hasSuffix(Self.close.prefix($0)) } ?? 0
        let reasoning = String(pending.dropLast(held))
        pending = String(pending.suffix(held))
        return GenerationDelta(reasoning: reasoning)
    }

    /// What is still held back, once the output is complete.
    mutating func finish() -> GenerationDelta {
        defer { pending = "" }
        return thinking ? GenerationDelta(reasoning: pending) : GenerationDelta(text: pending)
    }

    /// The split of a whole output.
    static func split(_ text: String) -> GenerationDelta {
        var splitter = ThinkSplitter()
        let first = splitter.feed(text)
        let rest = splitter.finish()
        return first + rest
    }
}

extension GenerationDelta {
    /// Two deltas one after the other.
    static func + (lhs: GenerationDelta, rhs: GenerationDelta) -> GenerationDelta {
        GenerationDelta(text: lhs.text + rhs.text, reasoning: lhs.reasoning + rhs.reasoning)
    }
}
