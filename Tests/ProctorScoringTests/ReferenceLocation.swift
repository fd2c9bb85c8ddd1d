import Foundation
import ProctorScoringReference

/// The shared data folder, derived from this file's path (`<repo>/../shared/data`).
enum ReferenceLocation {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataRoot = ReferenceFiles.dataRoot(repositoryRoot: repositoryRoot)

    /// Whether a reference file or folder under the data root is present.
    static func has(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: dataRoot.appendingPathComponent(relative).path)
    }
}
