/// A binary min-heap of candidate merges, ordered by priority then by the left symbol's position.
///
/// Byte-level BPE uses the merge rank as priority (lowest first); SentencePiece uses the negated token score
/// (highest score first). Ties go to the leftmost pair, as in llama.cpp's comparators.
struct PairQueue {
    /// A candidate merge of the symbols at `left` and `right`.
    struct Entry {
        var priority: Float
        var left: Int
        var right: Int
        /// The token the merged symbol becomes.
        var merged: TokenID
        /// The merged symbol's length (SentencePiece: byte length; used to detect stale entries).
        var size: Int
    }

    private var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }

    private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.priority < b.priority || (a.priority == b.priority && a.left < b.left)
    }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < heap.count, Self.precedes(heap[left], heap[best]) { best = left }
            if right < heap.count, Self.precedes(heap[right], heap[best]) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
