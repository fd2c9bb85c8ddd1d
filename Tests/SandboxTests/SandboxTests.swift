import Foundation
import Sandbox
import Testing

/// The sandbox runs real `python3`; without one every test here says so and does nothing.
enum Python {
    /// Slot users of their own (62000…), so that the leftover checks below never count the programs of the
    /// LiveCodeBench tests' pools (61000…), which run in the same test process at the same time.
    static let baseUID: UInt32 = 62_000
    static let pool: SandboxPool? = try? SandboxPool(workers: 2, baseUID: baseUID)
    static let skipMessage = "python3 not found on PATH: the sandbox tests need it (apt-get install python3)"
}

/// Fast limits for hostile programs.
let hostileLimits = SandboxLimits(wallSeconds: 5, cpuSeconds: 3, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, processes: 16)

@Suite("Sandbox", .serialized) struct SandboxTests {
    @Test("a program reads stdin and writes stdout")
    func echo() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let outcome = try await pool.run(.script("import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))", stdin: "1 2 3\n"))
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout == "6\n")
        #expect(outcome.failure == nil)
    }

    @Test("settings name the interpreter and the isolation")
    func settings() throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        #expect(pool.settings["python"]?.hasPrefix("3.") == true)
        #expect(pool.settings["sandbox"] == pool.isolation.rawValue)
        if geteuid() == 0 { #expect(pool.isolation == .namespaces, "as root the namespaces must work: \(pool.fallbackReason ?? "")") }
    }

    @Test("an infinite loop is killed at the wall-clock limit")
    func infiniteLoop() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let limits = SandboxLimits(wallSeconds: 1.5, cpuSeconds: 10)
        let outcome = try await pool.run(.script("while True: pass", limits: limits))
        #expect(outcome.ending == .timedOut)
        #expect(outcome.failure == "timeout")
        #expect(outcome.wallSeconds < 4)
    }

    @Test("CPU time is limited by RLIMIT_CPU")
    func cpuLimit() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let outcome = try await pool.run(.script("while True: pass", limits: SandboxLimits(wallSeconds: 10, cpuSeconds: 1)))
        #expect(outcome.ending == .signaled(24) || outcome.ending == .signaled(9), "\(outcome.ending)")
    }

    @Test("allocating 50 GB fails inside the program")
    func memory() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let outcome = try await pool.run(.script(
            "try:\n    x = bytearray(50 * 1024**3)\nexcept MemoryError:\n    print('memory error')", limits: hostileLimits))
        #expect(outcome.stdout == "memory error\n")
    }

    @Test("a 10 GB print stops at the file-size limit")
    func hugeOutput() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let outcome = try await pool.run(.script(
            "import sys\nchunk = 'x' * (1 << 20)\nfor _ in range(10240): sys.stdout.write(chunk)", limits: hostileLimits))
        // Python ignores SIGXFSZ, so the write fails with EFBIG and the program exits with an error.
        #expect(outcome.failure != nil, "\(outcome.ending)")
        #expect(outcome.stdout.utf8.count <= 1 << 20)
    }

    @Test("a fork bomb is contained and the run goes on")
    func forkBomb() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let outcome = try await pool.run(.script(
            "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass", limits: SandboxLimits(wallSeconds: 2, cpuSeconds: 3, processes: 16)))
        #expect(outcome.ending == .timedOut)
        let after = try await pool.run(.script("print('ok')"))
        #expect(after.stdout == "ok\n")
    }

    @Test("os.setsid does not escape the kill")
    func setsidEscape() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        guard pool.isolation == .namespaces else { print("rlimits-only sandbox: a setsid child can outlive the group (documented)"); return }
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-setsid-\(UUID().uuidString)").path
        // The child would create the marker two seconds after its parent was killed, if it survived (it cannot see the
        // host's /tmp either; the marker path is checked from the host side).
        let source = """
            import os, time
            if os.fork() == 0:
                os.setsid()
                time.sleep(2.5)
                open('/box/alive', 'w').write('x')
                print('survived', flush=True)
            else:
                time.sleep(100)
            """
        let outcome = try await pool.run(.script(source, limits: SandboxLimits(wallSeconds: 1, cpuSeconds: 5)))
        #expect(outcome.ending == .timedOut)
        try await Task.sleep(for: .seconds(2))
        #expect(!outcome.stdout.contains("survived"))
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(try Leftovers.processes(uid: pool.baseUID) == 0)
        #expect(try Leftovers.processes(uid: pool.baseUID + 1) == 0)
    }

    @Test("no network: a socket to 127.0.0.1 cannot connect")
    func network() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        guard pool.isolation == .namespaces else { print("rlimits-only sandbox: the network is not isolated (documented)"); return }
        // A listener on the host's loopback that the program must not reach.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(listener, 1)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let source = """
            import socket
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect(('127.0.0.1', \(port)))
                print('connected')
            except OSError as e:
                print('refused', type(e).__name__)
            """
        let outcome = try await pool.run(.script(source, limits: hostileLimits))
        #expect(outcome.stdout.hasPrefix("refused"), "\(outcome.stdout) \(outcome.stderr)")
    }

    @Test("the harness's files are invisible and nothing outside the box is writable")
    func fileSystem() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        guard pool.isolation == .namespaces else { print("rlimits-only sandbox: the file system is not isolated (documented)"); return }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID().uuidString).sqlite")
        try Data("secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let source = """
            import os
            for path in [\(String(reflecting: secret.path)), '/work', '/root']:
                print(path, os.path.exists(path))
            for path in ['/usr/evil', '/job/evil', '/etc/evil', '/evil']:
                try:
                    open(path, 'w').write('x'); print('wrote', path)
                except OSError as e:
                    print('denied', path)
            open('/box/fine', 'w').write('x'); print('box ok')
            """
        let outcome = try await pool.run(.script(source, limits: hostileLimits))
        #expect(outcome.stdout.contains("\(secret.path) False"), "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("/work False"))
        #expect(!outcome.stdout.contains("wrote"))
        #expect(outcome.stdout.contains("box ok"))
    }

    @Test("killing its parent or every process it can see harms nothing")
    func killParent() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let source = """
            import os, signal
            for pid in [os.getppid(), 1, -1]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError as e:
                    print('cannot', pid)
            print('still here')
            """
        let outcome = try await pool.run(.script(source, limits: hostileLimits))
        #expect(outcome.failure == nil || outcome.failure?.hasPrefix("killed") == true)
        let after = try await pool.run(.script("print('ok')"))
        #expect(after.stdout == "ok\n")
    }

    @Test("the rlimits-only fallback runs programs with limits")
    func fallback() async throws {
        guard Python.pool != nil else { print(Python.skipMessage); return }
        let pool = try SandboxPool(workers: 1, isolation: .rlimitsOnly, baseUID: Python.baseUID + 10)
        #expect(pool.settings["sandbox"] == "rlimits-only")
        let ok = try await pool.run(.script("import os\nprint(os.getcwd().endswith('box'))"))
        #expect(ok.stdout == "True\n", "\(ok.stderr)")
        let loop = try await pool.run(.script("while True: pass", limits: SandboxLimits(wallSeconds: 1, cpuSeconds: 5)))
        #expect(loop.ending == .timedOut)
    }

    @Test("programs run in parallel up to the worker count and leave no folder behind")
    func parallel() async throws {
        guard let pool = Python.pool else { print(Python.skipMessage); return }
        let before = try Leftovers.folders()
        let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<6 { group.addTask { try await pool.run(.script("print(\(i) * 2)")).stdout } }
            var all: [String] = []
            for try await out in group { all.append(out) }
            return all
        }
        #expect(outcomes.sorted() == (0..<6).map { "\($0 * 2)\n" }.sorted())
        #expect(try Leftovers.folders() == before)
    }
}

/// What a run may leave behind: processes of the slot users, temporary folders.
enum Leftovers {
    static func processes(uid: UInt32) throws -> Int {
        var count = 0
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") where Int(entry) != nil {
            guard let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8) else { continue }
            if status.split(separator: "\n").contains(where: { $0.hasPrefix("Uid:") && $0.split(separator: "\t").dropFirst().first == Substring(String(uid)) }) {
                count += 1
            }
        }
        return count
    }

    static func folders() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("proctor-sandbox-\(getpid())-u\(Python.baseUID / 1000)") })
    }
}
