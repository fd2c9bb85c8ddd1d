import ArgumentParser
import Foundation
import ProctorCore
import ProctorScoring
import ProctorStore

/// `proctor judge`: an optional LLM judge beside the rule verdicts, with their agreement.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Ask an LLM judge (any OpenAI-compatible server) about stored outputs; report its agreement with the rules.",
        discussion: """
            The judge's verdicts are stored in the judgements table beside the rule verdicts and never change a score. \
            Samples already judged by the same judge are skipped, so the command resumes. The printed table gives, \
            per run and benchmark, the judge's accuracy, the official and strict rule accuracies on the same samples, \
            and how often the judge agrees with each.
            """)

    @Option(help: ArgumentHelp("The judge: openai:http://HOST:PORT/v1.", valueName: "model"))
    var judge: String

    @Option(name: .customLong("judge-model"), help: ArgumentHelp("The judge's model name on that server.", valueName: "name"))
    var judgeModel: String?

    @Option(help: ArgumentHelp("Comma-separated runs; default: all.", valueName: "list"))
    var runs: String?

    @Option(help: "Judge requests in flight at once.")
    var concurrency: Int = 4

    @Option(name: .customLong("request-timeout"), help: "Seconds per judge request.")
    var requestTimeout: Double = 300

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try database.openExisting()
        let backend = try await Catalog.backend(for: ModelSpec(
            model: judge, modelName: judgeModel, chatTemplate: nil, threads: nil, requestTimeout: requestTimeout, maxRetries: 4))
        let judgeName = "\(backend.identity.name)@\(backend.identity.location)"
        let llmJudge = LLMJudge(backend: backend)
        let selected = try runs.map { try $0.split(separator: ",").map { try db.run(matching: String($0)) } } ?? db.runs()
        print("| run | benchmark | samples | judge % | official % | strict % | agrees with official | agrees with strict | no judge verdict | failed |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for run in selected {
            let done = Set(try db.judgements(runID: run.runID, judge: judgeName).map(\.key))
            var items: [String: [String: BenchmarkItem]] = [:]
            var todo: [(SampleRecord, BenchmarkItem)] = []
            for sample in try db.samples(runID: run.runID) where sample.output != nil && !done.contains(sample.key) {
                if items[sample.key.benchmark] == nil { items[sample.key.benchmark] = try db.items(benchmark: sample.key.benchmark) }
                if let item = items[sample.key.benchmark]?[sample.key.itemID] { todo.append((sample, item)) }
            }
            var failed: [String: Int] = [:]
            try await withThrowingTaskGroup(of: (SampleKey, LLMJudge.Judgement?).self) { group in
                var next = todo.makeIterator()
                func add() {
                    guard let (sample, item) = next.next(), let output = sample.output else { return }
                    group.addTask { (sample.key, try? await llmJudge.judge(output: output, item: item)) }
                }
                for _ in 0..<max(1, concurrency) { add() }
                while let (key, judgement) = try await group.next() {
                    if let judgement {
                        try db.record(JudgementRecord(
                            runID: run.runID, key: key, judge: judgeName, promptVersion: LLMJudge.promptVersion,
                            correct: judgement.correct, extracted: judgement.extracted, reply: judgement.reply))
                    } else {
                        failed[key.benchmark, default: 0] += 1
                    }
                    add()
                }
            }
            let judged = try db.judgements(runID: run.runID, judge: judgeName)
            let official = Dictionary(try db.scores(runID: run.runID, mode: .official).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
            let strict = Dictionary(try db.scores(runID: run.runID, mode: .strict).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
            for (benchmark, rows) in Dictionary(grouping: judged, by: \.key.benchmark).sorted(by: { $0.key < $1.key }) {
                let decided = rows.filter { $0.correct != nil }
                func percent(_ n: Int, _ d: Int) -> String { d == 0 ? "—" : String(format: "%.1f", Double(n) / Double(d) * 100) }
                let judgeCorrect = decided.filter { $0.correct == true }.count
                let officialCorrect = decided.filter { official[$0.key] == true }.count
                let strictCorrect = decided.filter { strict[$0.key] == true }.count
                let agreeOfficial = decided.filter { official[$0.key] == $0.correct }.count
                let agreeStrict = decided.filter { strict[$0.key] == $0.correct }.count
                print("| \(run.displayName) | \(benchmark) | \(rows.count) | \(percent(judgeCorrect, decided.count)) | \(percent(officialCorrect, decided.count)) | \(percent(strictCorrect, decided.count)) | \(percent(agreeOfficial, decided.count)) | \(percent(agreeStrict, decided.count)) | \(rows.count - decided.count) | \(failed[benchmark] ?? 0) |")
            }
        }
        Console.error("judge \(judgeName); verdicts stored in the judgements table of \(database.path)")
    }
}
