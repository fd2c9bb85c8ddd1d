/// The resource limits of one sandboxed program.
///
/// CPU time, address space, file size, open files and processes are `setrlimit` limits of the program's process
/// (the process count is per user: each worker slot of a pool runs as its own user, so slots do not share it). The
/// wall-clock limit is enforced by the harness, which kills the program and everything it started when it is up.
public struct SandboxLimits: Sendable, Codable, Hashable {
    /// Wall-clock seconds before the program is killed.
    public var wallSeconds: Double
    /// CPU seconds (`RLIMIT_CPU`); the kernel ends the program with SIGXCPU, then SIGKILL.
    public var cpuSeconds: Int
    /// Address space in bytes (`RLIMIT_AS`).
    public var addressSpaceBytes: UInt64
    /// The largest file the program may write, its captured stdout and stderr included (`RLIMIT_FSIZE`).
    public var fileSizeBytes: UInt64
    /// Open file descriptors (`RLIMIT_NOFILE`).
    public var openFiles: Int
    /// Processes of the program's user (`RLIMIT_NPROC`).
    public var processes: Int
    /// The size of the writable working directory (a tmpfs when namespaces are used).
    public var workBytes: UInt64

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - wallSeconds: Wall-clock seconds.
    ///   - cpuSeconds: CPU seconds.
    ///   - addressSpaceBytes: Address space.
    ///   - fileSizeBytes: Largest file, stdout and stderr included.
    ///   - openFiles: Open descriptors.
    ///   - processes: Processes of the program's user.
    ///   - workBytes: Size of the working directory.
    public init(
        wallSeconds: Double = 10, cpuSeconds: Int = 10, addressSpaceBytes: UInt64 = 4 << 30, fileSizeBytes: UInt64 = 64 << 20,
        openFiles: Int = 64, processes: Int = 16, workBytes: UInt64 = 64 << 20
    ) {
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.fileSizeBytes = fileSizeBytes
        self.openFiles = openFiles
        self.processes = processes
        self.workBytes = workBytes
    }

    enum CodingKeys: String, CodingKey {
        case wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds", addressSpaceBytes = "address_space_bytes"
        case fileSizeBytes = "file_size_bytes", openFiles = "open_files", processes, workBytes = "work_bytes"
    }
}

/// How strongly programs are isolated on this machine.
public enum SandboxIsolation: String, Sendable, Codable, Hashable {
    /// New network, mount, PID, IPC and UTS namespaces; a chroot holding only the interpreter, the system
    /// libraries and the program's own directory; an unprivileged user. Needs root.
    case namespaces
    /// Own session and process group, rlimits, a private temporary directory, the harness's user. No network or
    /// file-system isolation: used when not running as root, and said so in the run's settings.
    case rlimitsOnly = "rlimits-only"
}
