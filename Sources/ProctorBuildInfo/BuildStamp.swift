/// Which source this build of Proctor was compiled from, fixed at build time (`GitStampPlugin` runs
/// `scripts/write-build-stamp` before every build).
///
/// Recorded with every run, so that a result names the code that produced it. It is not looked up at run time: a
/// checkout or pull without rebuilding does not change it, and a build from a tarball says "unknown".
public enum BuildStamp {
    /// The full git commit hash, or nil when the build was not made from a git checkout (or git was missing).
    public static var gitCommit: String? { generatedCommit }

    /// Whether the work tree had modified, staged or untracked files when built (nil when the commit is unknown).
    public static var isDirty: Bool? { generatedDirty }

    /// The stamp as recorded in the results database: `<commit>`, `<commit>-dirty`, or `unknown`.
    public static var recorded: String {
        guard let commit = gitCommit else { return "unknown" }
        return isDirty == true ? commit + "-dirty" : commit
    }
}
