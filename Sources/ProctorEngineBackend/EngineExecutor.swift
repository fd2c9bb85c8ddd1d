import Foundation
import Synchronization

/// A serial executor with a thread of its own, for the actor that drives the engine.
///
/// Each engine step blocks its thread for a whole forward pass. On Swift's cooperative pool that starves every other
/// task of the process (an HTTP server's handlers, a test's client), because the pool has only as many threads as
/// cores; on this thread it blocks nothing but the engine.
final class EngineExecutor: SerialExecutor {
    private let jobs = Mutex<[UnownedJob]>([])
    private let wake = DispatchSemaphore(value: 0)

    /// Starts the executor's thread (it lives as long as the process; there is one per loaded model).
    init(name: String) {
        let thread = Thread { self.run() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        jobs.withLock { $0.append(unowned) }
        wake.signal()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    private func run() {
        while true {
            wake.wait()
            let job = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            job?.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}
