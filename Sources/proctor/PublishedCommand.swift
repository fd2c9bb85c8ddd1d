import ArgumentParser
import Foundation
import ProctorBenchmarks
import PublishedScores

/// `proctor published`: the committed registry of published figures and their protocols.
struct PublishedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "published",
        abstract: "List published scores (model cards, papers, published outputs) and the protocols their sources state.",
        discussion: """
            A run is put beside a model's figures in `report`, `compare` and `score` when its --label or model name \
            equals the model's id or an alias, or when it was made with `proctor run --reproduce MODEL:BENCHMARK`.

            Examples:
              proctor published
              proctor published skywork-r1v2-38b
              proctor run --reproduce smollm2-135m-instruct:ifeval --model smollm2 --data ../shared/data
            """)

    @Argument(help: "A model id or alias (default: every model).")
    var model: String?

    @Flag(help: "Print the registry entries as JSON.")
    var json = false

    func run() throws {
        let registry = PublishedRegistry.shipped
        let entries = model.map { registry.entries(forModelNamed: [$0]) } ?? registry.entries
        if let model, entries.isEmpty {
            let models = Set(registry.entries.map(\.model.id)).sorted().joined(separator: ", ")
            throw ValidationError("no published figures for \"\(model)\"; known models: \(models)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let sources = Set(entries.map(\.source.id))
            print(String(decoding: try encoder.encode(registry.sources.filter { sources.contains($0.id) }), as: UTF8.self))
            return
        }
        let known = Set(BenchmarkRegistry.definitions.map(\.name))
        for source in registry.sources {
            let ofSource = entries.filter { $0.source.id == source.id }
            guard !ofSource.isEmpty else { continue }
            print("## \(source.title)\n")
            print("\(source.url) (\(source.date)), id `\(source.id)`")
            print("Protocol, as the source puts it: \(source.protocolWording)")
            for entry in ofSource {
                if let tool = entry.figure.toolSettingsSource { print("\(entry.figure.reportedAs): the evaluation tool's defaults fill what the source leaves unstated (marked \"tool\"): \(tool)") }
            }
            print("")
            print("| --reproduce | reported as | value | metric | samples | T | top_p | max tokens | prompt | scorer | judge | items |")
            print("|---|---|---|---|---|---|---|---|---|---|---|---|")
            for entry in ofSource {
                let p = entry.effective, stated = entry.stated
                func cell<T>(_ value: T?, _ isStated: Bool) -> String {
                    guard let value else { return "unstated" }
                    return isStated ? "\(value)" : "\(value) (tool)"
                }
                let benchmarkName = entry.figure.benchmark.split(separator: ":").first.map(String.init) ?? entry.figure.benchmark
                let suites = Set(BenchmarkRegistry.suites.map(\.name))
                let id = known.contains(benchmarkName) ? "`\(entry.reproductionID)`"
                    : suites.contains(entry.figure.benchmark) ? "suite \(entry.figure.benchmark) (run its members)"
                    : "not in Proctor (\(entry.figure.benchmark))"
                print("| \(id) | \(entry.figure.reportedAs) | \(String(format: "%.2f", entry.figure.value)) | \(entry.figure.metric ?? "pass@1") | "
                    + "\(cell(p.samples, stated.samples != nil)) | \(cell(p.temperature, stated.temperature != nil)) | \(cell(p.topP, stated.topP != nil)) | "
                    + "\(cell(p.maxTokens, stated.maxTokens != nil)) | \(cell(p.promptStyle, true)) | \(cell(p.scorerMode, true)) | "
                    + "\(cell(p.judge, true)) | \(cell(p.items, true)) |")
            }
            print("")
        }
    }
}
