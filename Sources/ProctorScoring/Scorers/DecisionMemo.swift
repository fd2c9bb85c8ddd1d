import Synchronization

/// Results of a pure scoring step already computed in this process, so that the k samples of an item that reach
/// the same answer are decided once (and a gold answer is normalised once).
///
/// Only steps whose result is a function of the key alone are remembered, so a remembered value is the value the
/// scorer would compute again. The table is emptied when it reaches `capacity`, which bounds the memory of a
/// long-lived process (`proctor serve`).
final class DecisionMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    private let capacity: Int

    /// Creates an empty memo.
    ///
    /// - Parameter capacity: Entries kept before the table is emptied.
    init(capacity: Int = 65_536) {
        self.capacity = capacity
    }

    /// The remembered value for `key`, or `compute()`'s, remembered.
    ///
    /// - Parameters:
    ///   - key: The step's inputs.
    ///   - compute: Computes the value (called outside the lock).
    /// - Returns: The value.
    func value(for key: Key, compute: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let value = compute()
        table.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }
}
