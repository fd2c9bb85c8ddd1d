/// A benchmark whose prompt comes in named variants: the official one and, where it differs, VLMEvalKit's.
///
/// `proctor run --prompt vlmevalkit` asks every benchmark of the run for that variant; a benchmark without it keeps
/// its official prompt (and says so). Each item records the template it was built with (`promptTemplate`).
public protocol PromptVariants: BenchmarkAdapter {
    /// The variants' names, the official one (`official`) first.
    var promptStyles: [String] { get }

    /// The same benchmark building the prompts of `style`, or nil when it has no such variant.
    func withPromptStyle(_ style: String) -> (any BenchmarkAdapter)?
}

/// The prompt variants every benchmark understands.
public enum PromptStyle {
    /// The benchmark authors' own prompt (the default).
    public static let official = "official"
    /// VLMEvalKit's prompt.
    public static let vlmevalkit = "vlmevalkit"
}
