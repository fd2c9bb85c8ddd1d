import Foundation
import ProctorCore

/// The SHA-256 of a weights file, cached next to it (`FILE.sha256`, with the size and modification time it was
/// computed for) so that a 100 MB model is hashed once, not on every run.
enum WeightsHash {
    static func sha256(of path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
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
}
