import ArgumentParser
import Foundation
import ProctorCore
import ProctorRunner
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
        let session = JudgeRun(database: db, judgeName: judgeName, promptVersion: LLMJudge.promptVersion, concurrency: concurrency) { output, item in
            let judgement = try await llmJudge.judge(output: output, item: item)
            return JudgeRun.Reply(correct: judgement.correct, extracted: judgement.extracted, reply: judgement.reply)
        }
        print("| run | benchmark | samples | judge % | official % | strict % | agrees with official | agrees with strict | no judge verdict | failed |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for run in selected {
            for row in try await session.judge(run) {
                func percent(_ n: Int) -> String { row.decided == 0 ? "—" : String(format: "%.1f", Double(n) / Double(row.decided) * 100) }
                print("| \(row.run) | \(row.benchmark) | \(row.samples) | \(percent(row.judgeCorrect)) | \(percent(row.officialCorrect)) | \(percent(row.strictCorrect)) | \(percent(row.agreesWithOfficial)) | \(percent(row.agreesWithStrict)) | \(row.samples - row.decided) | \(row.failed) |")
            }
        }
        Console.error("judge \(judgeName); verdicts stored in the judgements table of \(database.path)")
    }
}
