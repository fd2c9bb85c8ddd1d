import Foundation
import Testing

/// A `proctor serve` process on 127.0.0.1 with a port the system chose, stopped by `stop()` (and by `deinit` as a
/// last resort), its stdout and stderr kept in temporary files for inspection.
final class ServerProcess {
    let process = Process()
    let baseURL: URL
    private let stdoutFile: URL
    private let stderrFile: URL

    /// The built `proctor` executable: next to the test bundle (`swift test` builds it into the same folder), or
    /// in the package's `.build/debug`.
    static func executable() throws -> URL {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("proctor")]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("proctor"))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("proctor"))
        }
        candidates.append(repo.appendingPathComponent(".build/debug/proctor"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ServerProcessError(message: "no built proctor executable in \(candidates.map(\.path)); run `swift build` first")
        }
        return found
    }

    /// Starts `proctor serve --echo --host 127.0.0.1 --port 0` (without `--echo` when `echo` is false) with `extra`
    /// arguments and waits (at most 20 s) for the line that names the port.
    init(_ extra: [String] = [], echo: Bool = true) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        stdoutFile = folder.appendingPathComponent("stdout")
        stderrFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = try Self.executable()
        process.arguments = ["serve"] + (echo ? ["--echo"] : []) + ["--host", "127.0.0.1", "--port", "0"] + extra
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var port: String?
        while port == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                port = String(text[range].split(separator: ":").last ?? "")
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let port, let url = URL(string: "http://127.0.0.1:\(port)/v1") else {
            process.terminate()
            let log = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw ServerProcessError(message: "proctor serve did not report its port within 20 s: \(log)")
        }
        baseURL = url
    }

    /// Terminates the server and returns its log (stderr).
    @discardableResult
    func stop() -> String {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    /// The server's log so far.
    var log: String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stdoutFile.deletingLastPathComponent())
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
