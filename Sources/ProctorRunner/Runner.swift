import Foundation
import Logging
import ProctorCore
import ProctorStore
import Synchronization

/// Runs a plan: generates every missing (item, sample) of this shard, scores each output in both modes, and
/// commits each sample with its verdicts as soon as it is done.
///
/// Resuming is the same call: samples already stored without an error are skipped, whatever number of shards or
/// processes produced them, because each sample's key and seed depend only on (run, benchmark, item, sample).
public struct Runner: Sendable {
    let database: ResultsDatabase
    let backend: any InferenceBackend
    let logger: Logger
    let progress: @Sendable (RunProgress) -> Void

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - database: Where samples and verdicts go.
    ///   - backend: What generates the outputs.
    ///   - logger: Where diagnostics go.
    ///   - progress: Called after every finished sample (from any task).
    public init(
        database: ResultsDatabase, backend: any InferenceBackend, logger: Logger = Logger(label: "proctor.runner"),
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.database = database
        self.backend = backend
        self.logger = logger
        self.progress = progress
    }

    struct WorkUnit: Sendable {
        var item: BenchmarkItem
        var sampleIndex: Int
        var scorer: any ItemScorer
        var conversation: (any ConversationDriver)?
    }

    /// Runs the plan until every sample of this shard is stored or the task is cancelled.
    ///
    /// - Parameter plan: The plan.
    /// - Returns: What was done.
    /// - Throws: `ProctorError` when the database cannot be written (a backend failure is recorded, not thrown).
    public func run(_ plan: RunPlan) async throws -> RunSummary {
        let run = try database.beginRun(
            config: plan.config, label: plan.label, harnessVersion: plan.harnessVersion, gitCommit: plan.gitCommit, host: plan.host)
        for benchmark in plan.benchmarks {
            try database.upsertItems(benchmark.items)
        }
        let completed = try database.completedKeys(runID: run.runID)
        var pending: [WorkUnit] = []
        var resumed = 0
        for benchmark in plan.benchmarks {
            for item in benchmark.items where plan.shard?.contains(benchmark: benchmark.name.description, itemID: item.id) ?? true {
                for sampleIndex in 0..<plan.config.samples {
                    let key = SampleKey(benchmark: benchmark.name.description, itemID: item.id, sampleIndex: sampleIndex)
                    if completed.contains(key) {
                        resumed += 1
                    } else {
                        pending.append(WorkUnit(item: item, sampleIndex: sampleIndex, scorer: benchmark.scorer, conversation: benchmark.conversation))
                    }
                }
            }
        }
        try recordLoadProblems(plan, run: run, completed: completed)
        logger.info("run \(run.runID): \(pending.count) samples to do, \(resumed) already stored")
        let state = ProgressState(RunProgress(total: pending.count, done: 0, failed: 0, resumed: resumed, correct: 0, completionTokens: 0, elapsed: 0))
        let start = ContinuousClock.now
        progress(state.mutex.withLock { $0 })

        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = pending.makeIterator()
            func addNext() -> Bool {
                guard !Task.isCancelled, let unit = next.next() else { return false }
                group.addTask {
                    guard let outcome = try await self.perform(unit, run: run, plan: plan) else { return }
                    let snapshot = state.mutex.withLock { p -> RunProgress in
                        p.done += 1
                        if outcome.failed { p.failed += 1 }
                        if outcome.correct { p.correct += 1 }
                        p.completionTokens += outcome.tokens
                        p.elapsed = (ContinuousClock.now - start).seconds
                        return p
                    }
                    self.progress(snapshot)
                }
                return true
            }
            for _ in 0..<plan.concurrency where !addNext() { break }
            while try await group.next() != nil {
                _ = addNext()
            }
        }
        for benchmark in plan.benchmarks {
            // The scorer's environment (the sandbox's python3 and isolation), once it has scored.
            try database.recordSettings(benchmark.scorer.settings, runID: run.runID, benchmark: benchmark.name.description)
            await benchmark.scorer.finish()
        }
        let final = state.mutex.withLock { $0 }
        return RunSummary(run: run, progress: final, cancelled: Task.isCancelled && final.done < final.total)
    }

    final class ProgressState: Sendable {
        let mutex: Mutex<RunProgress>
        init(_ value: RunProgress) { mutex = Mutex(value) }
    }

    struct Outcome {
        var failed: Bool
        var correct: Bool
        var tokens: Int
    }

    /// Records every sample of an item whose files are corrupt as a failed sample naming the problem, so that the
    /// report shows it apart and the rest of the run goes on.
    func recordLoadProblems(_ plan: RunPlan, run: RunRecord, completed: Set<SampleKey>) throws {
        for benchmark in plan.benchmarks {
            let name = benchmark.name.description
            for problem in benchmark.problems where plan.shard?.contains(benchmark: name, itemID: problem.itemID) ?? true {
                for sampleIndex in 0..<plan.config.samples {
                    let key = SampleKey(benchmark: name, itemID: problem.itemID, sampleIndex: sampleIndex)
                    guard !completed.contains(key) else { continue }
                    logger.warning("\(name) item \(problem.itemID): \(problem.message)")
                    try database.record(
                        SampleRecord(
                            runID: run.runID, key: key,
                            seed: StableHash.sampleSeed(runSeed: plan.config.parameters.seed, benchmark: name, itemID: problem.itemID, sampleIndex: sampleIndex),
                            promptJSON: "[]", output: nil, finishReason: .error, error: problem.message, shard: plan.shard?.description,
                            host: plan.host),
                        scores: [])
                }
            }
        }
    }

    /// Generates, scores and stores one sample. Returns nil when cancelled (nothing is stored then, so a resumed
    /// run does the sample again).
    func perform(_ unit: WorkUnit, run: RunRecord, plan: RunPlan) async throws -> Outcome? {
        let benchmark = unit.item.benchmark.description
        let key = SampleKey(benchmark: benchmark, itemID: unit.item.id, sampleIndex: unit.sampleIndex)
        var parameters = plan.config.parameters
        parameters.seed = StableHash.sampleSeed(
            runSeed: plan.config.parameters.seed, benchmark: benchmark, itemID: unit.item.id, sampleIndex: unit.sampleIndex)
        if let driver = unit.conversation {
            return try await converse(unit, driver: driver, key: key, parameters: parameters, run: run, plan: plan)
        }
        let request = GenerationRequest(messages: unit.item.messages, parameters: parameters, tools: unit.item.fields["tools"]?.arrayValue)
        let promptJSON = JSONCoding.canonical(unit.item.strippingImageData().messages)
        let images = unit.item.images.map(\.sha256)
        let started = ContinuousClock.now
        let result: GenerationResult
        do {
            result = try await backend.generate(request)
        } catch {
            if Task.isCancelled || error is CancellationError { return nil }
            if let proctorError = error as? ProctorError, proctorError.code == .cancelled { return nil }
            let message = (error as? ProctorError)?.description ?? "\(error)"
            logger.warning("\(benchmark) item \(unit.item.id) sample \(unit.sampleIndex): \(message)")
            let sample = SampleRecord(
                runID: run.runID, key: key, seed: parameters.seed, promptJSON: promptJSON, imageHashes: images, output: nil,
                finishReason: .error, latencyMs: (ContinuousClock.now - started).seconds * 1000, error: message,
                shard: plan.shard?.description, host: plan.host)
            try database.record(sample, scores: [])
            return Outcome(failed: true, correct: false, tokens: 0)
        }
        let latency = (ContinuousClock.now - started).seconds * 1000
        let sample = SampleRecord(
            runID: run.runID, key: key, seed: parameters.seed, promptJSON: promptJSON, renderedPrompt: result.renderedPrompt,
            imageHashes: images, output: result.text, reasoningContent: result.reasoningContent, finishReason: result.finishReason,
            promptTokens: result.promptTokens, completionTokens: result.completionTokens, latencyMs: latency,
            shard: plan.shard?.description, host: plan.host)
        let scores = await Self.score(sample: sample, item: unit.item, scorer: unit.scorer)
        try database.record(sample, scores: scores)
        let official = scores.first { $0.mode == .official }?.verdict.correct ?? false
        return Outcome(failed: false, correct: official, tokens: result.completionTokens ?? 0)
    }

    /// Scores a stored sample in every mode.
    ///
    /// - Parameters:
    ///   - sample: The sample (its output must be present).
    ///   - item: The item with its gold answer.
    ///   - scorer: The benchmark's scorer.
    /// - Returns: One verdict per mode (none when the sample has no output).
    public static func score(sample: SampleRecord, item: BenchmarkItem, scorer: any ItemScorer) async -> [ScoreRecord] {
        guard let output = sample.output else { return [] }
        let input = ScoringInput(
            response: output, finishReason: sample.finishReason, preExtracted: sample.preExtracted, sampleIndex: sample.key.sampleIndex)
        var records: [ScoreRecord] = []
        for mode in ScoringMode.allCases {
            records.append(
                ScoreRecord(
                    runID: sample.runID, key: sample.key, mode: mode, scorerID: scorer.id, scorerVersion: scorer.version,
                    verdict: await scorer.verdict(input, item: item, mode: mode)))
        }
        return records
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
