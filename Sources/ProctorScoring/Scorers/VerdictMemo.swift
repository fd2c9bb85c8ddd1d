import ProctorCore
import Synchronization

/// Decisions already taken for an (item, mode, extracted answer), so that the k samples of an item that reach the
/// same answer are decided once.
///
/// A decision is a pure function of the item's gold answer and the extracted text, so a remembered verdict is the
/// verdict the scorer would compute again. The key includes the item id as well as its gold answer: answers are
/// shared by the samples of one item, not across items. The table is emptied when it reaches `capacity`, which
/// bounds the memory of a long-lived process (`proctor serve`).
final class VerdictMemo: Sendable {
    struct Key: Hashable {
        var itemID: String
        var gold: String
        var mode: ScoringMode
        var answer: String
    }

    private let table = Mutex<[Key: Verdict]>([:])
    private let capacity: Int

    /// Creates an empty memo.
    ///
    /// - Parameter capacity: Entries kept before the table is emptied.
    init(capacity: Int = 65_536) {
        self.capacity = capacity
    }

    /// The remembered verdict for `key`, or `decide()`'s, remembered.
    ///
    /// - Parameters:
    ///   - key: The decision's inputs.
    ///   - decide: Computes the verdict (called outside the lock).
    /// - Returns: The verdict.
    func verdict(for key: Key, decide: () -> Verdict) -> Verdict {
        if let known = table.withLock({ $0[key] }) { return known }
        let verdict = decide()
        table.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = verdict
        }
        return verdict
    }
}
