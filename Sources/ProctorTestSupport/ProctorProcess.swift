import Foundation

/// The built `proctor` executable, run as a user runs it, for end-to-end tests.
public enum ProctorProcess {
    /// What a finished command did.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built executable: next to the test bundle (`swift test` builds it into the same folder), or in the
    /// package's `.build/debug`.
    public static func executable() throws -> URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("proctor"))
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("proctor"))
        }
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug/proctor"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestSupportError("no built proctor executable in \(candidates.map(\.path)); run `swift build` first")
        }
        return found
    }

    /// Starts `proctor` with `arguments`, its output going to files in a temporary folder.
    ///
    /// - Returns: The running process and the files its stdout and stderr go to.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, stdout: URL, stderr: URL) {
        let folder = try Fixtures.temporaryDirectory("proctor-process")
        let stdout = folder.appendingPathComponent("stdout"), stderr = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs `proctor` with `arguments` to completion (killing it after `timeout` seconds). It waits with
    /// `Task.sleep`, never blocking a thread of the shared concurrency pool (other tests' servers run on it).
    public static func run(_ arguments: [String], timeout: Double = 300, environment: [String: String] = [:]) async throws -> Outcome {
        let (process, stdout, stderr) = try start(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TestSupportError("proctor \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        return Outcome(
            status: process.terminationStatus, stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }
}

/// A `proctor serve` process on 127.0.0.1 with a port the system chose; `stop()` ends it (and `deinit` as a last
/// resort).
public final class ServeProcess {
    let process: Process
    let stderr: URL
    /// `http://127.0.0.1:PORT/v1`.
    public let baseURL: String

    /// Starts `proctor serve --host 127.0.0.1 --port 0` with `arguments` and waits for its port (at most 120 s).
    public init(_ arguments: [String]) async throws {
        let started = try ProctorProcess.start(["serve", "--host", "127.0.0.1", "--port", "0"] + arguments)
        process = started.process
        stderr = started.stderr
        let deadline = Date().addingTimeInterval(120)
        func address() -> String? {
            let text = (try? String(contentsOf: started.stdout, encoding: .utf8)) ?? ""
            return text.range(of: #"http://127\.0\.0\.1:[0-9]+/v1"#, options: .regularExpression).map { String(text[$0]) }
        }
        var found = address()
        while found == nil && Date() < deadline && process.isRunning {
            try await Task.sleep(for: .milliseconds(20))
            found = address()
        }
        // When heavy tests occupy every thread of the concurrency pool this task may wake only after the deadline:
        // the server may well have answered by then.
        found = found ?? address()
        guard let found else {
            process.terminate()
            throw TestSupportError("proctor serve did not report its address: \((try? String(contentsOf: stderr, encoding: .utf8)) ?? "")")
        }
        baseURL = found
    }

    /// Ends the server.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// A failure of the test harness itself (not of the code under test).
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
