import Foundation

/// Ctrl-C handling: the first SIGINT (or SIGTERM) cancels the work, which stops after storing what is finished;
/// a second one exits at once. Either way nothing stored is lost.
enum Interrupts {
    /// Runs `work`, cancelling it on the first interrupt.
    static func cancellable<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        let count = Counter()
        for source in sources {
            source.setEventHandler {
                if count.increment() == 1 {
                    Console.error("\nstopping: finishing nothing new, keeping everything stored (interrupt again to quit at once)")
                    task.cancel()
                } else {
                    exit(130)
                }
            }
            source.resume()
        }
        defer { sources.forEach { $0.cancel() } }
        return try await task.value
    }

    final class Counter: @unchecked Sendable {
        // @unchecked Sendable: only touched from the main dispatch queue.
        private var value = 0
        func increment() -> Int {
            value += 1
            return value
        }
    }
}
