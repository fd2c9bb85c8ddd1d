import Foundation
import ProctorBuildInfo
import Testing

/// The build-time git stamp: the script's output in a git checkout, a dirty one and a folder without git, and the
/// stamp compiled into this build against the repository it was built from.
struct BuildStampTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("scripts/write-build-stamp").path
    static let gitAvailable = run(["/usr/bin/env", "git", "--version"], in: FileManager.default.temporaryDirectory).status == 0

    @discardableResult
    static func run(_ arguments: [String], in folder: URL) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the script on `root` and returns the generated Swift source.
    static func stamp(_ root: URL, output: URL) throws -> String {
        let result = run(["/bin/sh", script, root.path, output.path], in: root)
        #expect(result.status == 0)
        return try String(contentsOf: output, encoding: .utf8)
    }

    @Test func aFolderWithoutGitSaysUnknown() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.stamp(root, output: root.appendingPathComponent("out/Stamp.swift"))
        #expect(source.contains("static let generatedCommit: String? = nil"))
        #expect(source.contains("static let generatedDirty: Bool? = nil"))
    }

    @Test(.enabled(if: gitAvailable, "git is not installed")) func aCheckoutRecordsItsCommitAndWhetherItIsDirty() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let git = ["/usr/bin/env", "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
        Self.run(git + ["init", "-q"], in: root)
        try "a\n".write(to: root.appendingPathComponent("file.txt"), atomically: true, encoding: .utf8)
        Self.run(git + ["add", "file.txt"], in: root)
        #expect(Self.run(git + ["commit", "-q", "-m", "first"], in: root).status == 0)
        let head = Self.run(git + ["rev-parse", "HEAD"], in: root).output
        #expect(head.count == 40)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-stamp-out-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let clean = try Self.stamp(root, output: output)
        #expect(clean.contains("generatedCommit: String? = \"\(head)\""))
        #expect(clean.contains("generatedDirty: Bool? = false"))
        // Unchanged: the file is not rewritten (so nothing recompiles).
        let before = try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        _ = try Self.stamp(root, output: output)
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as? Date == before)
        // An edit makes it dirty; so does a new untracked file.
        try "b\n".write(to: root.appendingPathComponent("file.txt"), atomically: true, encoding: .utf8)
        #expect(try Self.stamp(root, output: output).contains("generatedDirty: Bool? = true"))
        Self.run(git + ["checkout", "-q", "file.txt"], in: root)
        try "new\n".write(to: root.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        #expect(try Self.stamp(root, output: output).contains("generatedDirty: Bool? = true"))
        // A folder inside that checkout is not a checkout of its own.
        let inner = root.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        #expect(try Self.stamp(inner, output: output).contains("generatedCommit: String? = nil"))
    }

    @Test(.enabled(if: gitAvailable && FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(".git").path),
                   "not built from a git checkout"))
    func thisBuildCarriesTheCommitItWasBuiltFrom() {
        // The tests are built just before they run, so HEAD now is the commit built.
        let head = Self.run(["/usr/bin/env", "git", "-C", Self.repositoryRoot.path, "rev-parse", "HEAD"], in: Self.repositoryRoot).output
        #expect(BuildStamp.gitCommit == head)
        #expect(BuildStamp.isDirty != nil)
        #expect(BuildStamp.recorded == head + (BuildStamp.isDirty == true ? "-dirty" : ""))
    }
}
