import ArgumentParser
import ProctorBenchmarks
import ProctorCore
import PublishedScores

/// `proctor run --reproduce MODEL:BENCHMARK`: the settings a published figure's source states, and the refusal
/// of options that contradict them.
struct Reproduction {
    /// The figure reproduced.
    var entry: PublishedEntry
    /// The benchmark to run (`mathvista:testmini`).
    var benchmark: String
    /// The settings taken from the source (and its evaluation tool where the source is silent).
    var preset: GenerationPreset

    /// Resolves the figure and checks the command's options against its protocol.
    ///
    /// - Parameters:
    ///   - id: `MODEL:BENCHMARK`.
    ///   - command: The `run` command, whose explicit options must not contradict the protocol.
    /// - Throws: `ValidationError` naming the option and the source's value when they disagree.
    init(id: String, command: RunCommand) throws {
        let entry: PublishedEntry
        do { entry = try PublishedRegistry.shipped.entry(reproducing: id) } catch { throw ValidationError("\(error)") }
        let source = entry.source.id, benchmark = entry.figure.benchmark
        let benchmarkName = String(benchmark.split(separator: ":").first ?? "")
        guard BenchmarkRegistry.definitions.contains(where: { $0.name == benchmarkName }) else {
            throw ValidationError("\(source)'s figure \"\(entry.figure.reportedAs)\" is of \(benchmark), which Proctor does not run (or a suite over several benchmarks); `proctor published \(entry.model.id)` marks which figures can be reproduced")
        }
        if let benchmarks = command.benchmarks, benchmarks != benchmark {
            throw ValidationError("--benchmarks \(benchmarks) contradicts --reproduce \(id), which runs \(benchmark); drop --benchmarks")
        }
        if let preset = command.preset {
            throw ValidationError("--preset \(preset) and --reproduce \(id) both set the settings; drop --preset (the reproduction takes \(source)'s)")
        }
        if command.limit != nil || command.startDate != nil || command.endDate != nil {
            throw ValidationError("--limit, --start-date and --end-date change the items of \(source)'s figure; drop them to reproduce it, or run without --reproduce")
        }
        let p = entry.effective, stated = entry.stated
        func check<T: Equatable>(_ option: String, _ given: T?, _ wanted: T?, statedValue: T?) throws {
            guard let given, let wanted, given != wanted else { return }
            let whose = statedValue != nil ? "that \(source) states" : "that \(source)'s evaluation tool uses (\(entry.figure.toolSettingsSource ?? "its defaults"))"
            throw ValidationError("\(option) \(given) contradicts the \(wanted) \(whose); drop \(option), or run without --reproduce (then the run is not called a reproduction)")
        }
        try check("--samples", command.samples, p.samples, statedValue: stated.samples)
        try check("--temperature", command.temperature, p.temperature, statedValue: stated.temperature)
        try check("--top-p", command.topP, p.topP, statedValue: stated.topP)
        try check("--max-tokens", command.maxTokens, p.maxTokens, statedValue: stated.maxTokens)
        if let style = p.promptStyle, [PromptStyle.official, PromptStyle.vlmevalkit].contains(style), command.prompt != style {
            throw ValidationError("--prompt \(command.prompt) contradicts the \(style) prompt that \(source) states; drop --prompt")
        }
        self.entry = entry
        self.benchmark = benchmark
        preset = GenerationPreset(temperature: p.temperature, topP: p.topP, maxTokens: p.maxTokens, samples: p.samples)
    }

    /// Says on standard error what the reproduction set, and what the source leaves open (Proctor's defaults fill it).
    func announce(parameters: GenerationParameters, samples: Int) {
        var line = "reproducing \(entry.reproductionID) (\(String(format: "%.1f", entry.figure.value)), \(entry.source.title)): "
        line += "T=\(parameters.temperature) top_p=\(parameters.topP) max_tokens=\(parameters.maxTokens) k=\(samples)"
        let unstated = entry.effective.unstatedSettings
        if !unstated.isEmpty { line += "; the source does not state \(unstated.joined(separator: ", ")): Proctor's defaults are used" }
        if let style = entry.effective.promptStyle, ![PromptStyle.official, PromptStyle.vlmevalkit].contains(style) {
            line += "; its prompt (\(style)) is not one of Proctor's, the benchmark's official prompt is used"
        }
        Console.error(line)
    }
}
