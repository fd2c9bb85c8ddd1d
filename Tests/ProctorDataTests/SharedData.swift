import Foundation
import ProctorCore

/// The real benchmark files in `<repo>/../shared/data` (never copied into the repository) and temporary folders
/// built from them.
enum SharedData {
    /// `<repo>/../shared/data`, derived from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Whether the shared data is present (tests that need it are skipped with this reason otherwise).
    static let available = FileManager.default.fileExists(atPath: root.appendingPathComponent("mathvision/data/test.jsonl").path)

    /// The data location of the shared copy, with no hub cache.
    static var location: DataLocation { DataLocation(root: root, hubCache: nil) }

    /// A shared file.
    static func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `path` under `folder`, creating the intermediate folders.
    static func write(_ text: String, to path: String, in folder: URL) throws {
        try write(Data(text.utf8), to: path, in: folder)
    }

    /// Writes `data` to `path` under `folder`, creating the intermediate folders.
    static func write(_ data: Data, to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Copies a shared file to `path` under `folder`.
    static func copy(_ shared: String, to path: String, in folder: URL) throws {
        guard let data = FileManager.default.contents(atPath: file(shared).path) else {
            throw ProctorError(.notFound, "shared file \(shared) is missing")
        }
        try write(data, to: path, in: folder)
    }

    /// The first `count` lines of a shared JSONL file.
    static func lines(_ shared: String, count: Int) throws -> [String] {
        let text = try String(contentsOf: file(shared), encoding: .utf8)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: true).prefix(count).map(String.init))
    }
}
