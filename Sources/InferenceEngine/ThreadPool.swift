import CKernels

/// A persistent pool of threads (the caller is thread 0) running data-parallel regions of a forward pass.
///
/// `@unchecked Sendable`: the C pool serializes `run` calls itself only if callers do; the engine calls `run` from
/// one thread at a time (the model container owns the pool), and the pool's own state is atomics and a mutex.
public final class ThreadPool: @unchecked Sendable {
    private let pool: OpaquePointer
    /// The number of threads, the caller included.
    public let threads: Int

    /// Starts `threads - 1` worker threads.
    public init(threads: Int) throws {
        guard let pool = ck_pool_create(Int32(max(1, threads))) else {
            throw EngineError(.resources, "cannot start \(threads) engine threads")
        }
        self.pool = pool
        self.threads = Int(ck_pool_threads(pool))
    }

    deinit { ck_pool_destroy(pool) }

    /// Runs `body(thread, threadCount)` on every thread and returns when all are done.
    public func run(_ body: (Int, Int) -> Void) {
        withoutActuallyEscaping(body) { escapable in
            var closure = escapable
            withUnsafeMutablePointer(to: &closure) { pointer in
                ck_pool_run(pool, { context, ith, nth in
                    guard let context else { return }
                    let body = context.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee
                    body(Int(ith), Int(nth))
                }, pointer)
            }
        }
    }

    /// The half-open share of `0..<count` for thread `ith` of `nth`, in multiples of `granule`.
    public static func share(_ count: Int, _ ith: Int, _ nth: Int, granule: Int = 1) -> Range<Int> {
        let units = (count + granule - 1) / granule
        let begin = units * ith / nth * granule
        let end = min(count, units * (ith + 1) / nth * granule)
        return begin..<max(begin, end)
    }
}
