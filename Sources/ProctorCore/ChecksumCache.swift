import Foundation

/// SHA-256 checksums of large files (model weights), remembered in Proctor's own cache folder so that a model is
/// hashed once rather than on every run.
///
/// An entry is keyed by the file's absolute path and is valid only for the size and modification time (to the
/// nanosecond) it was computed for; a changed or replaced file is hashed again. Nothing is ever written next to the
/// hashed file: model folders may be read-only or shared. The cache is only a cache: when its folder cannot be
/// written, checksums are computed and simply not remembered.
public struct ChecksumCache: Sendable, Hashable {
    /// The folder holding one small entry file per hashed file.
    public let folder: URL

    /// A cache in a given folder (created when first written).
    ///
    /// - Parameter folder: The folder; tests pass a temporary one.
    public init(folder: URL) {
        self.folder = folder
    }

    /// The cache in Proctor's cache folder: `checksums/` under ``proctorCacheFolder(environment:)``.
    public static var standard: ChecksumCache {
        ChecksumCache(folder: proctorCacheFolder().appendingPathComponent("checksums"))
    }

    /// Proctor's cache folder: `$PROCTOR_CACHE`, else `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    ///
    /// - Parameter environment: The process environment (a parameter for tests).
    /// - Returns: The folder (it may not exist yet).
    public static func proctorCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["PROCTOR_CACHE"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("proctor") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/proctor")
    }

    /// The lowercase hex SHA-256 of a file, from the cache when the file is unchanged since it was last hashed.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - cacheAbove: Files of at most this many bytes are hashed without a cache entry (cheap to redo).
    /// - Returns: 64 hex characters.
    /// - Throws: `ProctorError` (`.notFound`) when the file cannot be read.
    public func sha256(ofFileAt path: String, cacheAbove: Int64 = 0) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            throw ProctorError(.notFound, "cannot read \(path) to hash it (\(String(cString: strerror(errno)))): check that the file exists and is readable")
        }
        let size = Int64(info.st_size)
        guard size > cacheAbove else { return try SHA256.hex(fileAt: URL(fileURLWithPath: absolute)) }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        let stamp = "\(size) \(modified.tv_sec).\(modified.tv_nsec)"
        let entry = folder.appendingPathComponent(SHA256.hex(absolute))
        if let saved = try? String(contentsOf: entry, encoding: .utf8) {
            let lines = saved.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count >= 3, lines[0].count == 64, lines[1] == stamp, lines[2] == absolute { return lines[0] }
        }
        let hash = try SHA256.hex(fileAt: URL(fileURLWithPath: absolute))
        // A cache: failing to create or write it (a read-only home, a full disk) only costs hashing again next time.
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? "\(hash)\n\(stamp)\n\(absolute)\n".write(to: entry, atomically: true, encoding: .utf8)
        return hash
    }

    /// The identity of a set of files (a checkpoint folder's config, index and shards): the SHA-256 of the list of
    /// `"<sha256>  <file name>\n"` lines, each file's hash cached when it is above 64 MiB.
    ///
    /// - Parameter files: The files, in a stable order.
    /// - Returns: 64 hex characters.
    /// - Throws: `ProctorError` when a file cannot be read.
    public func sha256(ofCheckpoint files: [String]) throws -> String {
        let lines = try files.map { "\(try sha256(ofFileAt: $0, cacheAbove: 64 << 20))  \(URL(fileURLWithPath: $0).lastPathComponent)\n" }
        return SHA256.hex(lines.joined())
    }
}
