import Sandbox
import Synchronization

/// A sandbox pool created once, under a lock (creation probes the sandbox, so it is not repeated).
final class LockedPool: Sendable {
    private let pool: Mutex<SandboxPool?>

    init(_ pool: SandboxPool?) {
        self.pool = Mutex(pool)
    }

    var current: SandboxPool? { pool.withLock { $0 } }

    func get(_ make: () throws -> SandboxPool) throws -> SandboxPool {
        try pool.withLock { pool in
            if let pool { return pool }
            let made = try make()
            pool = made
            return made
        }
    }
}
