import ArgumentParser
import Foundation
import ProctorScoringReference

/// `proctor-scoring`: the scoring area's maintenance commands (reference agreement, speed measurement).
@main
struct ScoringTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proctor-scoring",
        abstract: "Check Proctor's scorers against published official verdicts and measure their speed.",
        subcommands: [AgreementCommand.self, SpeedCommand.self, MathVistaTraceCommand.self, CasesCommand.self])
}

/// `proctor-scoring agreement`: writes results/scoring-agreement.md.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Score every published reference output and report agreement with the official verdicts.")

    @Option(help: "The shared data folder (default: ../shared/data next to the current directory).")
    var data: String = "../shared/data"

    @Option(help: "Where to write the Markdown table.")
    var output: String = "results/scoring-agreement.md"

    func run() throws {
        let (rows, skipped) = AgreementReport.collect(dataRoot: URL(fileURLWithPath: data))
        let command = "swift run proctor-scoring agreement --data \(data) --output \(output)"
        let text = AgreementReport.markdown(rows: rows, skipped: skipped, command: command)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print(text)
    }
}
