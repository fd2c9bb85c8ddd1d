import CSandbox
import Foundation

/// The one place that calls the C launcher: builds its spec from Swift values, keeps every C string alive for the
/// duration of the call, and turns its outcome into a `SandboxOutcome`.
enum SandboxLauncher {
    /// One prepared launch.
    struct Launch {
        var executable: String
        var arguments: [String]
        var environment: [String]
        var isolation: SandboxIsolation
        var root: String
        var binds: [(source: String, target: String)]
        var tmpfs: String?
        var workdir: String
        var stdinPath: String
        var stdoutPath: String
        var stderrPath: String
        var uid: UInt32
        var limits: SandboxLimits
    }

    /// Runs a prepared launch to its end, blocking the calling thread (a dedicated thread, never a task's).
    static func run(_ launch: Launch) throws -> (ending: SandboxOutcome.Ending, seconds: Double) {
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func c(_ s: String) -> UnsafeMutablePointer<CChar> {
            let p = strdup(s)!
            owned.append(p)
            return p
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([launch.executable] + launch.arguments).map { c($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = launch.environment.map { c($0) } + [nil]
        let sources: [UnsafePointer<CChar>?] = launch.binds.map { UnsafePointer(c($0.source)) }
        let targets: [UnsafePointer<CChar>?] = launch.binds.map { UnsafePointer(c($0.target)) }
        var status: Int32 = -1
        let pid: pid_t = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                sources.withUnsafeBufferPointer { sourceBuffer in
                    targets.withUnsafeBufferPointer { targetBuffer in
                        var spec = cs_spec()
                        spec.path = UnsafePointer(c(launch.executable))
                        spec.argv = UnsafePointer(argvBuffer.baseAddress)
                        spec.envp = UnsafePointer(envpBuffer.baseAddress)
                        spec.isolation = launch.isolation == .namespaces ? Int32(CS_ISOLATE_NAMESPACES) : Int32(CS_ISOLATE_NONE)
                        spec.root = UnsafePointer(c(launch.root))
                        spec.bind_sources = sourceBuffer.baseAddress
                        spec.bind_targets = targetBuffer.baseAddress
                        spec.bind_count = Int32(launch.binds.count)
                        spec.tmpfs_target = launch.tmpfs.map { UnsafePointer(c($0)) }
                        spec.tmpfs_bytes = UInt(launch.limits.workBytes)
                        spec.workdir = UnsafePointer(c(launch.workdir))
                        spec.stdin_path = UnsafePointer(c(launch.stdinPath))
                        spec.stdout_path = UnsafePointer(c(launch.stdoutPath))
                        spec.stderr_path = UnsafePointer(c(launch.stderrPath))
                        spec.uid = launch.uid
                        spec.gid = launch.uid
                        spec.cpu_seconds = UInt64(max(1, launch.limits.cpuSeconds))
                        spec.address_space = launch.limits.addressSpaceBytes
                        spec.file_size = launch.limits.fileSizeBytes
                        spec.open_files = UInt64(max(8, launch.limits.openFiles))
                        spec.processes = UInt64(max(1, launch.limits.processes))
                        return cs_spawn(&spec, &status)
                    }
                }
            }
        }
        guard pid > 0 else {
            throw SandboxError(.spawn, "cannot fork the sandbox launcher (errno \(-pid)): the machine may be out of processes")
        }
        var outcome = cs_outcome()
        _ = cs_wait(pid, status, Int(launch.limits.wallSeconds * 1000), &outcome)
        let ending: SandboxOutcome.Ending
        if outcome.setup_failed != 0 {
            let step = withUnsafeBytes(of: outcome.setup_error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            ending = .setupFailed("\(step) (errno \(outcome.exit_code): \(String(cString: strerror(outcome.exit_code))))")
        } else if outcome.timed_out != 0 {
            ending = .timedOut
        } else if outcome.exited != 0 {
            ending = .exited(outcome.exit_code)
        } else {
            ending = .signaled(outcome.signal)
        }
        return (ending, outcome.wall_seconds)
    }
}
