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
    ///
    /// - Parameter threads: The number of threads, the caller included (at least 1).
    /// - Throws: ``ThreadPoolError`` when the system cannot create the threads.
    public init(threads: Int) throws {
        guard let pool = ck_pool_create(Int32(max(1, threads))) else {
            throw ThreadPoolError("cannot start \(threads) worker threads (the system refused to create them); pass fewer threads")
        }
        self.pool = pool
        self.threads = Int(ck_pool_threads(pool))
    }

    deinit { ck_pool_destroy(pool) }

    /// Runs `body(thread, threadCount)` on every thread and returns when all are done.
    ///
    /// - Parameter body: The work of thread `ith` of `nth`; it must not call `run` itself.
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
    ///
    /// - Returns: The range thread `ith` works on (empty when there is not enough work for it).
    public static func share(_ count: Int, _ ith: Int, _ nth: Int, granule: Int = 1) -> Range<Int> {
        let units = (count + granule - 1) / granule
        let begin = units * ith / nth * granule
        let end = min(count, units * (ith + 1) / nth * granule)
        return begin..<max(begin, end)
    }
}

/// The error ``ThreadPool`` throws when its threads cannot be started.
public struct ThreadPoolError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
