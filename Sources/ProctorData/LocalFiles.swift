import Foundation
import ProctorCore

/// Finding a benchmark's files in a local copy (`--data ROOT`, laid out as `ROOT/<folder>/<file>`).
public enum LocalFiles {
    /// The first of `candidates` (paths relative to `ROOT/<folder>/`) that exists.
    ///
    /// - Parameters:
    ///   - folder: The benchmark's folder name under the data root.
    ///   - candidates: File names to try in order.
    ///   - location: Where to look.
    /// - Returns: The file's URL, or nil when no candidate exists.
    public static func find(folder: String, candidates: [String], in location: DataLocation) -> URL? {
        guard let root = location.root else { return nil }
        for candidate in candidates {
            let url = root.appendingPathComponent(folder).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The error for a benchmark whose files were not found, saying where Proctor looked and what to do.
    ///
    /// - Parameters:
    ///   - benchmark: The benchmark name.
    ///   - folder: The folder expected under the data root.
    ///   - files: The files expected there.
    ///   - location: Where Proctor looked.
    /// - Returns: The error to throw.
    public static func missing(benchmark: String, folder: String, files: [String], in location: DataLocation) -> ProctorError {
        let root = location.root.map { "\($0.path)/\(folder)/" } ?? "(no --data folder given)"
        return ProctorError(
            .notFound,
            "no data for \(benchmark): looked for \(files.joined(separator: " or ")) in \(root); pass --data FOLDER "
                + "(or set PROCTOR_DATA) naming a copy laid out as FOLDER/\(folder)/, or run `proctor fetch \(benchmark)`")
    }
}
