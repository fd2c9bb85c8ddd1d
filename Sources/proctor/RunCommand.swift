import ArgumentParser
import Foundation
import Logging
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore

/// `proctor run`: evaluate a model on benchmarks, resumably, and print the report table.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate a model on benchmarks and print the report table.",
        discussion: """
            Every sample is stored in the results database as soon as it is scored. Running the same command again \
            continues where it stopped (after a crash, kill -9 or Ctrl-C): samples already stored are skipped, \
            whatever number of shards or processes produced them. Each sample's seed is derived from (--seed, \
            benchmark, item id, sample index), so k-sample runs at temperature > 0 resume exactly.

            Examples:
              proctor run --model smollm2 --benchmarks aime24,math500 --limit 20 --data ../shared/data
              proctor run --model openai:http://127.0.0.1:8000/v1 --model-name qwq --benchmarks aime24 --preset r1 --samples 16
              proctor run ... --shard 2/8          (or under a Slurm array / a Kubernetes Indexed Job)
            """)

    @Option(help: ArgumentHelp("The model: openai:http://HOST:PORT/v1, a .gguf file (llama, qwen2, gemma3), a Hugging Face checkpoint folder (Qwen2, Llama), or smollm2.", valueName: "model"))
    var model: String = "smollm2"

    @Option(name: .long, help: ArgumentHelp("The model's name (sent to a server, shown in reports).", valueName: "name"))
    var modelName: String?

    @Option(help: ArgumentHelp("Comma-separated benchmarks, each NAME[:SPLIT] (see `proctor list benchmarks`; default: aime24,math500).", valueName: "list"))
    var benchmarks: String?

    @Option(help: ArgumentHelp(
        "Reproduce a published figure, MODEL:BENCHMARK (see `proctor published`): runs its benchmark with every setting its source states (and the source's evaluation tool's defaults where it is silent) and refuses options that contradict them. The run records what it reproduces; `report` puts it beside the figure.",
        valueName: "model:benchmark"))
    var reproduce: String?

    @Option(help: ArgumentHelp("Settings preset: r1 (temperature 0.6, top-p 0.95, max tokens 32768), or one a benchmark defines (see `proctor list benchmarks`). Explicit options win.", valueName: "name"))
    var preset: String?

    @Option(help: "Samples per item (k); pass@1 is the mean over them.")
    var samples: Int?

    @Option(help: "Sampling temperature (0: greedy).")
    var temperature: Double?

    @Option(name: .customLong("top-p"), help: "Nucleus sampling mass.")
    var topP: Double?

    @Option(name: .customLong("top-k"), help: "Keep the k most likely tokens.")
    var topK: Int?

    @Option(name: .customLong("min-p"), help: "Drop tokens below min-p times the top probability.")
    var minP: Double?

    @Option(name: .customLong("repetition-penalty"), help: "Repetition penalty (Skywork recommends 1.05).")
    var repetitionPenalty: Double?

    @Option(name: .customLong("max-tokens"), help: "Most tokens to generate per sample.")
    var maxTokens: Int?

    @Option(help: "Run seed; each sample's seed derives from it.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Do shard I of N (stable hash of benchmark/item id).", valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("shard-count"), help: "Shard count for Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX gives the index).")
    var shardCount: Int?

    @Option(help: "Requests in flight at once (the engine decodes them together; servers batch them).")
    var concurrency: Int = 4

    @Option(help: "Use only the first N items of each benchmark (items that cannot be loaded count among them).")
    var limit: Int?

    @Option(name: .customLong("start-date"), help: ArgumentHelp("Only items dated on or after this day (YYYY-MM-DD), for benchmarks with a date field such as LiveCodeBench's contest_date.", valueName: "date"))
    var startDate: String?

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Only items dated on or before this day (YYYY-MM-DD), read as midnight as LiveCodeBench reads it: an item dated later that day is left out.", valueName: "date"))
    var endDate: String?

    @Option(help: ArgumentHelp("The question set of a benchmark with releases (LiveBench: YYYY-MM-DD; default: the latest, as its runner does).", valueName: "date"))
    var release: String?

    @Option(name: .customLong("exec-workers"), help: "Programs a scorer may run at once (code benchmarks), independent of --concurrency.")
    var execWorkers: Int = 2

    @Option(help: ArgumentHelp("A name for this run in reports and comparisons (a checkpoint name).", valueName: "label"))
    var label: String?

    @Option(help: "Engine threads (default: one per physical core, read from /sys; logical cores when unknown).")
    var threads: Int?

    @Option(name: .customLong("chat-template"), help: ArgumentHelp("A chat template file overriding the model's own.", valueName: "file"))
    var chatTemplate: String?

    @Option(name: .customLong("folder-weights"), help: "How the engine holds a Hugging Face checkpoint folder's float weights: f32 (exact) or q8_0 (4× less memory, faster; a separate run).")
    var folderWeights = "f32"

    @Option(name: .customLong("request-timeout"), help: "Seconds before a server request is abandoned and retried.")
    var requestTimeout: Double = 600

    @Option(name: .customLong("max-retries"), help: "Retries of a server request on 429, 5xx, timeouts and dropped connections.")
    var maxRetries: Int = 4

    @Option(help: "Which verdicts the printed table shows: official or strict.")
    var mode: ScoringMode = .official

    @Option(help: ArgumentHelp(
        "Prompt variant: official (the benchmark authors' prompts) or vlmevalkit (VLMEvalKit's, for MMMU, MMMU-Pro and OlympiadBench; other benchmarks keep the official prompt). Recorded with the run.",
        valueName: "style"))
    var prompt: String = PromptStyle.official

    @Flag(name: .customLong("allow-partial"), help: "Go on with the complete items when a local copy lacks some items' images.")
    var allowPartial = false

    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if execWorkers < 1 { throw ValidationError("--exec-workers must be at least 1") }
        let styles = Set(BenchmarkRegistry.definitions.flatMap(\.promptStyles))
        if !styles.contains(prompt) {
            throw ValidationError("unknown --prompt \"\(prompt)\"; known: \(styles.sorted().joined(separator: ", "))")
        }
        for (name, date) in [("--start-date", startDate), ("--end-date", endDate)] {
            if let date, let problem = DateWindow.problem(with: date) { throw ValidationError("\(name) \(problem)") }
        }
    }

    func run() async throws {
        var logger = Logger(label: "proctor")
        logger.logLevel = .warning
        let shard = try self.shard.map(Shard.init(parsing:)) ?? Shard.fromEnvironment(ProcessInfo.processInfo.environment, countOption: shardCount)
        let reproduction = try reproduce.map { try Reproduction(id: $0, command: self) }
        let resolved = try BenchmarkRegistry.resolveList(reproduction?.benchmark ?? benchmarks ?? "aime24,math500")
        var options: [String: String] = [:]
        options["start-date"] = startDate
        options["end-date"] = endDate
        if let release, !resolved.contains(where: { $0.definition.releaseSchedule != nil }) {
            throw ProctorError(.invalidArgument, "none of these benchmarks has releases; --release \(release) applies to benchmarks with releases (livebench)")
        }
        let context = ScorerContext(data: data.location, execWorkers: execWorkers, options: options)
        let plans = try resolved.map { benchmark -> BenchmarkPlan in
            let definition = benchmark.definition
            if let reason = definition.unavailableReason(split: benchmark.name.split) {
                throw ProctorError(.unsupported, "\(benchmark.name) cannot be run: \(reason)")
            }
            let adapter = definition.adapter(promptStyle: prompt) ?? {
                Console.error("\(definition.name) has no \(prompt) prompt variant; it uses its official prompt")
                return definition.adapter
            }()
            let loaded = try Proctor.loadItems(adapter: adapter, split: benchmark.name.split, location: data.location, allowPartial: allowPartial)
            let window = ItemSelection(dateField: definition.dateField, startDate: startDate, endDate: endDate, limit: limit)
            let (items, problems) = try window.apply(
                try Proctor.selectRelease(release, of: loaded, definition: definition, name: benchmark.name), benchmark: benchmark.name.description)
            return BenchmarkPlan(
                name: benchmark.name, items: items, scorer: try definition.makeScorer(context), problems: problems, conversation: definition.conversation)
        }
        let spec = ModelSpec(
            model: model, modelName: modelName, chatTemplate: chatTemplate, threads: threads, requestTimeout: requestTimeout,
            maxRetries: maxRetries, folderWeights: folderWeights)
        let backend = try await Catalog.backend(for: spec)
        let presetValues = try reproduction?.preset ?? preset.map { try BenchmarkRegistry.preset($0, for: resolved) }
        let parameters = GenerationParameters(
            temperature: temperature ?? presetValues?.temperature ?? 0, topP: topP ?? presetValues?.topP ?? 1,
            topK: topK ?? presetValues?.topK, minP: minP, repetitionPenalty: repetitionPenalty,
            maxTokens: maxTokens ?? presetValues?.maxTokens ?? 2048, seed: seed, stop: [])
        let config = RunConfig(model: backend.identity, parameters: parameters, samples: samples ?? presetValues?.samples ?? 1, preset: preset,
            promptStyle: prompt == PromptStyle.official ? nil : prompt, reproduces: reproduction?.entry.reproductionID,
            release: Proctor.chosenRelease(release, of: resolved.map(\.definition)))
        if let reproduction { reproduction.announce(parameters: parameters, samples: config.samples) }
        let db = try database.open()
        let plan = RunPlan(
            config: config, label: label, benchmarks: plans, shard: shard, concurrency: concurrency,
            harnessVersion: ProctorVersion.string, gitCommit: BuildInfo.gitCommit, host: BuildInfo.host)
        let printer = ProgressPrinter(label: "[\(backend.identity.name)\(shard.map { " shard \($0)" } ?? "")]")
        let runner = Runner(database: db, backend: backend, logger: logger, progress: printer.show)
        let summary = try await Interrupts.cancellable { try await runner.run(plan) }
        if summary.cancelled {
            Console.error("stopped: \(summary.progress.done) samples stored this time; run the same command again to continue")
            throw ExitCode(130)
        }
        if summary.progress.failed > 0 {
            Console.error("\(summary.progress.failed) requests failed and are recorded as errors; run the same command again to retry them")
        }
        let results = try RunResults(run: summary.run, mode: mode, database: db)
        print(Report(results: [results], metrics: BenchmarkRegistry.metricsByBenchmark, suites: BenchmarkRegistry.suites).markdown())
        Console.error("stored in \(database.path) as run \(summary.run.runID); `proctor report --db \(database.path)` renders it again")
    }
}

extension ScoringMode: ExpressibleByArgument {}
