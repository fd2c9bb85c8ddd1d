import ArgumentParser
import Foundation
import ProctorCore
import ProctorData

// Where benchmark data is looked for (the benchmarks themselves are ProctorBenchmarks' registry).
extension Proctor {
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
