import ProctorCore

/// Which part of the work this process does: shard `index` of `count` (1-based, as `--shard 2/3` is written).
public struct Shard: Sendable, Codable, Hashable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Creates a shard.
    ///
    /// - Throws: `ProctorError` (`.invalidArgument`) unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw ProctorError(.invalidArgument, "shard \(index)/\(count) is not valid: write I/N with 1 ≤ I ≤ N, such as 2/3")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    ///
    /// - Throws: `ProctorError` (`.invalidArgument`) for anything else.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ProctorError(.invalidArgument, "--shard takes I/N (such as 2/3), not \"\(text)\"")
        }
        try self.init(index: i, count: n)
    }

    /// The shard a scheduler assigned through the environment: Slurm job arrays (`SLURM_ARRAY_TASK_ID`, which
    /// counts from `SLURM_ARRAY_TASK_MIN` (default 0), and `SLURM_ARRAY_TASK_COUNT`) or Kubernetes Indexed Jobs
    /// (`JOB_COMPLETION_INDEX`, 0-based, with the count given as `--shard-count`).
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - countOption: `--shard-count`, needed for Kubernetes.
    /// - Returns: The shard, or nil when no scheduler variable is set.
    /// - Throws: `ProctorError` when the variables are inconsistent.
    public static func fromEnvironment(_ environment: [String: String], countOption: Int?) throws -> Shard? {
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init) {
            guard let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) ?? countOption else {
                throw ProctorError(.invalidArgument, "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shard I/N")
            }
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            return try Shard(index: id - minimum + 1, count: count)
        }
        if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
            guard let count = countOption else {
                throw ProctorError(.invalidArgument, "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): pass the job's completions as --shard-count N")
            }
            return try Shard(index: index + 1, count: count)
        }
        return nil
    }

    /// Whether an item belongs to this shard (a stable hash of `benchmark/item id`, the same in every process).
    public func contains(benchmark: String, itemID: String) -> Bool {
        StableHash.shard(benchmark: benchmark, itemID: itemID, count: count) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
