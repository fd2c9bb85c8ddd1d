import ArgumentParser
import Foundation
import ProctorCore
import ProctorData

// The benchmarks in the executable (owned by the data area).
extension Proctor {
    /// Every benchmark adapter, in the order `proctor list benchmarks` shows them.
    static let benchmarkTable: [any BenchmarkAdapter] = [
        AIME2024Adapter(),
        AIME2025Adapter(),
        MATH500Adapter(),
        MMMUAdapter(),
        MMMUProAdapter(),
        MathVistaAdapter(),
        MathVisionAdapter(),
        OlympiadBenchAdapter(),
        GPQAAdapter(),
    ]

    /// The data area's subcommands (`fetch`).
    static let dataSubcommands: [any ParsableCommand.Type] = [FetchCommand.self]

    /// Where to look for data: `--data` (or `PROCTOR_DATA`), and the Hugging Face hub cache (`HF_HUB_CACHE`,
    /// `HF_HOME/hub`, `~/.cache/huggingface/hub`).
    static func dataLocation(data: String?) -> DataLocation {
        let env = ProcessInfo.processInfo.environment
        let root = (data ?? env["PROCTOR_DATA"]).map { URL(fileURLWithPath: $0) }
        return DataLocation(root: root, hubCache: HubCache.defaultRoot(environment: env))
    }
}
