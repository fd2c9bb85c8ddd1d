import ProctorCore

// The benchmarks whose prompt has a VLMEvalKit variant that differs from the official one (`proctor run --prompt`).
extension MMMUAdapter: PromptVariants {
    public var promptStyles: [String] { MMMUPrompt.Style.allCases.map(\.rawValue) }

    public func withPromptStyle(_ style: String) -> (any BenchmarkAdapter)? {
        MMMUPrompt.Style(rawValue: style).map { MMMUAdapter(style: $0) }
    }
}

extension MMMUProAdapter: PromptVariants {
    public var promptStyles: [String] { MMMUPrompt.Style.allCases.map(\.rawValue) }

    public func withPromptStyle(_ style: String) -> (any BenchmarkAdapter)? {
        MMMUPrompt.Style(rawValue: style).map { MMMUProAdapter(mode: mode, style: $0) }
    }
}

extension OlympiadBenchAdapter: PromptVariants {
    public var promptStyles: [String] { [PromptStyle.official, PromptStyle.vlmevalkit] }

    public func withPromptStyle(_ style: String) -> (any BenchmarkAdapter)? {
        switch style {
        case PromptStyle.official: OlympiadBenchAdapter()
        case PromptStyle.vlmevalkit: OlympiadBenchAdapter(vlmevalkit: true)
        default: nil
        }
    }
}
