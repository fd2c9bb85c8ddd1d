import Foundation
import ProctorBuildInfo

/// Facts about this build and machine, recorded with each run.
enum BuildInfo {
    /// The git commit Proctor was built from, fixed at build time: `<commit>`, `<commit>-dirty` when the tree had
    /// changes, or `unknown` for a build outside a git checkout (``ProctorBuildInfo/BuildStamp``).
    static let gitCommit: String? = BuildStamp.recorded

    /// The machine's name.
    static var host: String { ProcessInfo.processInfo.hostName }
}
