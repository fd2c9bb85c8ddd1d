/// A program to run in the sandbox: its files, the one to start, its standard input and its limits.
public struct SandboxProgram: Sendable, Codable, Hashable {
    /// Files placed, read-only, in the program's job folder (name → contents; plain names, no slashes).
    public var files: [String: String]
    /// The file of `files` the interpreter runs.
    public var main: String
    /// Further arguments after the script.
    public var arguments: [String]
    /// The standard input.
    public var stdin: String
    /// The limits.
    public var limits: SandboxLimits

    /// Creates a program.
    ///
    /// - Parameters:
    ///   - files: Files of the job folder by name.
    ///   - main: The script to run (a key of `files`).
    ///   - arguments: Arguments after the script.
    ///   - stdin: Standard input.
    ///   - limits: Resource limits.
    public init(files: [String: String], main: String, arguments: [String] = [], stdin: String = "", limits: SandboxLimits = SandboxLimits()) {
        self.files = files
        self.main = main
        self.arguments = arguments
        self.stdin = stdin
        self.limits = limits
    }

    /// A single script.
    ///
    /// - Parameters:
    ///   - source: The Python source.
    ///   - stdin: Standard input.
    ///   - limits: Resource limits.
    /// - Returns: The program.
    public static func script(_ source: String, stdin: String = "", limits: SandboxLimits = SandboxLimits()) -> SandboxProgram {
        SandboxProgram(files: ["main.py": source], main: "main.py", stdin: stdin, limits: limits)
    }
}

/// What became of a sandboxed program.
public struct SandboxOutcome: Sendable, Codable, Hashable {
    /// How it ended.
    public enum Ending: Sendable, Codable, Hashable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (SIGXCPU: CPU limit; SIGXFSZ: file-size limit; SIGKILL: memory or the kernel).
        case signaled(Int32)
        /// The wall-clock limit was reached; it was killed with everything it started.
        case timedOut
        /// The sandbox could not be set up (the step and errno); the program never ran.
        case setupFailed(String)
    }

    /// How it ended.
    public var ending: Ending
    /// Its standard output (at most `limits.fileSizeBytes`).
    public var stdout: String
    /// Its standard error.
    public var stderr: String
    /// Wall-clock seconds from start to end.
    public var wallSeconds: Double

    /// Creates an outcome.
    public init(ending: Ending, stdout: String, stderr: String, wallSeconds: Double) {
        self.ending = ending
        self.stdout = stdout
        self.stderr = stderr
        self.wallSeconds = wallSeconds
    }

    /// Why the program failed, in the sandbox's terms (`timeout`, `cpu limit`, `output limit`, `killed`,
    /// `sandbox setup`), or nil when it exited with status 0.
    public var failure: String? {
        switch ending {
        case .exited(0): nil
        case .exited(let code): "exit status \(code)"
        case .signaled(24): "cpu limit"  // SIGXCPU
        case .signaled(25): "output limit"  // SIGXFSZ
        case .signaled(let signal): "killed by signal \(signal)"
        case .timedOut: "timeout"
        case .setupFailed(let step): "sandbox setup: \(step)"
        }
    }
}
