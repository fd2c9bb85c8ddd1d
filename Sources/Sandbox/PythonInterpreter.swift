import Foundation

/// The `python3` programs run with: the first one on `PATH`, resolved to its real executable and installation.
public struct PythonInterpreter: Sendable, Codable, Hashable {
    /// The executable (`sys.executable`).
    public var executable: String
    /// The installation folders the interpreter needs to see (`sys.prefix`, `sys.base_prefix`, `sys.exec_prefix`).
    public var prefixes: [String]
    /// `platform.python_version()`.
    public var version: String

    /// Creates a description of an interpreter.
    public init(executable: String, prefixes: [String], version: String) {
        self.executable = executable
        self.prefixes = prefixes
        self.version = version
    }

    /// Finds `python3` on `PATH` (or `name` if it contains a slash) and asks it where it lives.
    ///
    /// - Parameter name: `python3` or a path.
    /// - Returns: The interpreter.
    /// - Throws: `SandboxError` (`.noInterpreter`) when none is found or it does not answer.
    public static func find(_ name: String = "python3") throws -> PythonInterpreter {
        var candidate: String?
        if name.contains("/") {
            candidate = name
        } else {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            candidate = path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let candidate else {
            throw SandboxError(.noInterpreter, "no \(name) on PATH: install python3 (apt-get install python3) to grade code benchmarks")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: candidate)
        process.arguments = ["-c", "import sys, platform; print(sys.executable); print(platform.python_version()); print(sys.prefix); print(sys.base_prefix); print(sys.exec_prefix)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw SandboxError(.noInterpreter, "cannot start \(candidate): \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0, lines.count >= 5 else {
            throw SandboxError(.noInterpreter, "\(candidate) did not report its installation (exit \(process.terminationStatus))")
        }
        var prefixes: [String] = []
        for prefix in lines[2...4] where !prefixes.contains(prefix) { prefixes.append(prefix) }
        return PythonInterpreter(executable: lines[0], prefixes: prefixes, version: lines[1])
    }
}
