import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorData

/// `proctor fetch BENCHMARK`: downloads a benchmark's Hugging Face dataset into the hub cache.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a benchmark's dataset into the Hugging Face hub cache.",
        discussion: """
            Files go where huggingface_hub puts them ($HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub), so \
            Python tools and Proctor share one copy. HF_ENDPOINT changes the server; HF_TOKEN is sent for gated \
            datasets (gpqa). An interrupted download resumes when the command is run again; files already cached \
            are not downloaded again. Benchmarks: \(BenchmarkRegistry.definitions.filter { !$0.sources.hub.isEmpty }.map(\.name).joined(separator: ", ")).
            """)

    @Argument(help: "The benchmark to download (NAME or NAME:SPLIT; the whole dataset is fetched).")
    var benchmark: String

    @Option(help: "A branch, tag or commit of the dataset repository.")
    var revision: String = "main"

    func run() async throws {
        let definition = try BenchmarkRegistry.definition(named: BenchmarkName(parsing: benchmark).name)
        guard !definition.sources.hub.isEmpty else {
            throw ValidationError("\(definition.name) has no Hugging Face dataset to download; put its files under a --data folder as \(definition.sources.localFolder)/")
        }
        let environment = ProcessInfo.processInfo.environment
        let cache = HubCache(root: HubCache.defaultRoot(environment: environment))
        let downloader = HubDownloader.fromEnvironment(environment, cache: cache)
        for hub in definition.sources.hub {
            if hub.gated, downloader.token == nil {
                FileHandle.standardError.write(Data("note: \(hub.dataset) is gated; set HF_TOKEN if the download is refused\n".utf8))
            }
            let snapshot = try await downloader.fetch(hub, revision: revision) { event in
                let what = event.downloadedBytes == 0 ? "cached" : "\(event.downloadedBytes) bytes\(event.resumed ? " (resumed)" : "")"
                FileHandle.standardError.write(Data("  \(event.path): \(what)\n".utf8))
            }
            print("\(hub.dataset)@\(revision) is in \(snapshot.path)")
        }
        let location = DataLocation(root: nil, hubCache: cache.root)
        for split in definition.splits {
            let found = definition.adapter.availability(split: split, from: location)
            guard found.source != nil else { continue }
            print("  \(definition.name):\(split): \(found.items) items, \(found.images) images")
        }
    }
}
