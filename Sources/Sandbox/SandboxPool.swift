import Foundation

/// Runs untrusted programs, at most `workers` at once, each in its own sandbox (see `SandboxIsolation`).
///
/// Every program gets a fresh temporary folder that is removed afterwards: `job/` holds its files (read-only to
/// it), `box/` is its writable working directory. With namespaces (as root) the program runs in new network,
/// mount, PID, IPC and UTS namespaces, chrooted into a root that holds only `/usr`, `/etc`, the interpreter's
/// installation, `/dev/null`, `/dev/zero`, `/dev/urandom`, `/job` and `/box` (a size-limited tmpfs), as an
/// unprivileged user of its own per worker slot; it is the init of its PID namespace, so killing it at the
/// wall-clock limit ends everything it started, `setsid` or not.
public final class SandboxPool: Sendable {
    /// The interpreter programs run with.
    public let interpreter: PythonInterpreter
    /// How programs are isolated here.
    public let isolation: SandboxIsolation
    /// Why namespaces are not used, when they are not.
    public let fallbackReason: String?
    /// The most programs run at once.
    public let workers: Int
    /// The first user id of the worker slots (slot i runs as `baseUID + i`).
    public let baseUID: UInt32
    private let slots: SlotQueue

    /// Creates a pool, checking that the sandbox can start a program here.
    ///
    /// - Parameters:
    ///   - workers: The most programs run at once (`--exec-workers`).
    ///   - interpreter: The interpreter (default: `python3` on `PATH`).
    ///   - isolation: Force an isolation (default: namespaces as root, checked by a probe; rlimits only otherwise).
    ///   - baseUID: The first slot's user id.
    /// - Throws: `SandboxError` when no interpreter is found or nothing can be started.
    public init(workers: Int, interpreter: PythonInterpreter? = nil, isolation: SandboxIsolation? = nil, baseUID: UInt32 = 61_000) throws {
        let interpreter = try interpreter ?? PythonInterpreter.find()
        self.interpreter = interpreter
        self.workers = max(1, workers)
        self.baseUID = baseUID
        self.slots = SlotQueue(count: max(1, workers))
        var chosen = isolation ?? (geteuid() == 0 ? .namespaces : .rlimitsOnly)
        var reason: String? = chosen == .rlimitsOnly ? (isolation == nil ? "not running as root" : "requested") : nil
        if chosen == .namespaces {
            let probe = try SandboxPool.runBlocking(.script("pass", limits: SandboxLimits(wallSeconds: 20)), interpreter: interpreter,
                                                    isolation: .namespaces, uid: baseUID)
            if case .setupFailed(let step) = probe.ending {
                if isolation == .namespaces {
                    throw SandboxError(.spawn, "namespaces were requested but cannot be set up here: \(step)")
                }
                chosen = .rlimitsOnly
                reason = "namespaces unavailable: \(step)"
            }
        }
        self.isolation = chosen
        self.fallbackReason = reason
    }

    /// Facts recorded with a run: interpreter, isolation, workers.
    public var settings: [String: String] {
        var s = [
            "python": interpreter.version, "python_executable": interpreter.executable, "sandbox": isolation.rawValue,
            "exec_workers": String(workers),
        ]
        if let fallbackReason { s["sandbox_fallback"] = fallbackReason }
        return s
    }

    /// Runs a program when a worker slot is free and waits for its end.
    ///
    /// - Parameter program: The program.
    /// - Returns: Its outcome (a program's own failure is an outcome, not an error).
    /// - Throws: `SandboxError` when its folder cannot be prepared or the launcher cannot fork.
    public func run(_ program: SandboxProgram) async throws -> SandboxOutcome {
        let slot = await slots.acquire()
        defer { Task { await slots.release(slot) } }
        let interpreter = interpreter
        let isolation = isolation
        let uid = baseUID + UInt32(slot)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try SandboxPool.runBlocking(program, interpreter: interpreter, isolation: isolation, uid: uid)
                })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Prepares the folder, launches, collects and cleans up, on the calling thread.
    static func runBlocking(_ program: SandboxProgram, interpreter: PythonInterpreter, isolation: SandboxIsolation, uid: UInt32) throws -> SandboxOutcome {
        let folder = try SandboxFolder(program: program, interpreter: interpreter, isolation: isolation, uid: uid)
        defer { folder.remove() }
        let (ending, seconds) = try SandboxLauncher.run(folder.launch(program: program, interpreter: interpreter, isolation: isolation, uid: uid))
        return SandboxOutcome(ending: ending, stdout: folder.read("stdout", limit: program.limits.fileSizeBytes),
                              stderr: folder.read("stderr", limit: program.limits.fileSizeBytes), wallSeconds: seconds)
    }
}

/// Worker slots handed out in order of request.
actor SlotQueue {
    private var free: [Int]
    private var waiting: [CheckedContinuation<Int, Never>] = []

    init(count: Int) { free = Array((0..<count).reversed()) }

    func acquire() async -> Int {
        if let slot = free.popLast() { return slot }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release(_ slot: Int) {
        if waiting.isEmpty {
            free.append(slot)
        } else {
            waiting.removeFirst().resume(returning: slot)
        }
    }
}
