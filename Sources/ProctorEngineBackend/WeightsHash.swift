import Foundation
import ProctorCore

/// The SHA-256 of a weights file (or of a checkpoint folder's files), cached next to it (`FILE.sha256`, with the
/// size and modification time it was computed for) so that a 100 MB model is hashed once, not on every run.
enum WeightsHash {
    /// The SHA-256 of one file, as lowercase hex.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - cacheAbove: Files of at most this many bytes are hashed without writing a cache file.
    static func sha256(of path: String, cacheAbove: Int64 = 0) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        guard size > cacheAbove else { return try SHA256.hex(fileAt: URL(fileURLWithPath: path)) }
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let stamp = "\(size) \(Int64(mtime))"
        let cache = path + ".sha256"
        if let saved = try? String(contentsOfFile: cache, encoding: .utf8) {
            let parts = saved.split(separator: "\n", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[1].trimmingCharacters(in: .whitespacesAndNewlines) == stamp, parts[0].count == 64 {
                return parts[0]
            }
        }
        let hash = try SHA256.hex(fileAt: URL(fileURLWithPath: path))
        try? "\(hash)\n\(stamp)\n".write(toFile: cache, atomically: true, encoding: .utf8)  // a cache: failing to write it is fine
        return hash
    }

    /// The identity of a Hugging Face checkpoint's weights: the SHA-256 of the list of the files the model was
    /// loaded from (config.json, the index, the shards) with each file's SHA-256 (cached next to files above
    /// 64 MiB, as `sha256(of:)` does).
    static func sha256(ofCheckpoint files: [String]) throws -> String {
        let lines = try files.map { "\(try sha256(of: $0, cacheAbove: 64 << 20))  \(URL(fileURLWithPath: $0).lastPathComponent)\n" }
        return SHA256.hex(lines.joined())
    }
}
