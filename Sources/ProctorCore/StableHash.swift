/// Hashes and pseudo-random numbers that are the same on every machine, process and run.
///
/// Swift's `Hasher` is seeded per process, so it must never decide which shard an item belongs to or which seed a
/// sample gets. These functions are FNV-1a (64-bit) over UTF-8 bytes and SplitMix64.
public enum StableHash {
    /// FNV-1a 64-bit hash of the UTF-8 bytes of `string`.
    ///
    /// - Parameter string: The text to hash.
    /// - Returns: The hash, identical on every platform.
    public static func fnv1a64(_ string: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// One step of SplitMix64: a well-mixed 64-bit value from `state`.
    ///
    /// - Parameter state: Any 64-bit value.
    /// - Returns: The mixed value.
    public static func splitMix64(_ state: UInt64) -> UInt64 {
        var z = state &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of several parts, each separated so that ("ab", "c") differs from ("a", "bc").
    ///
    /// - Parameter parts: The parts to hash, in order.
    /// - Returns: The hash.
    public static func combine(_ parts: [String]) -> UInt64 {
        splitMix64(fnv1a64(parts.joined(separator: "\u{1F}")))
    }

    /// The seed of one sample: a function of the run seed, the benchmark, the item and the sample index only.
    ///
    /// - Parameters:
    ///   - runSeed: The run's `--seed`.
    ///   - benchmark: The benchmark name with its split (`math500:test`).
    ///   - itemID: The benchmark's own item id.
    ///   - sampleIndex: Which of the k samples.
    /// - Returns: The seed, below 2^63 so that servers that take a signed 64-bit seed accept it.
    public static func sampleSeed(runSeed: UInt64, benchmark: String, itemID: String, sampleIndex: Int) -> UInt64 {
        combine([String(runSeed), benchmark, itemID, String(sampleIndex)]) & 0x7fff_ffff_ffff_ffff
    }

    /// The shard (0-based) an item belongs to when the work is split `count` ways.
    ///
    /// - Parameters:
    ///   - benchmark: The benchmark name with its split.
    ///   - itemID: The benchmark's own item id.
    ///   - count: The number of shards.
    /// - Returns: A shard index in `0..<count`.
    public static func shard(benchmark: String, itemID: String, count: Int) -> Int {
        precondition(count > 0, "shard count must be positive")
        return Int(fnv1a64("\(benchmark)/\(itemID)") % UInt64(count))
    }
}
