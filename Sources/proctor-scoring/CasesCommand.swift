import ArgumentParser
import Foundation
import ProctorScoringReference

/// `proctor-scoring cases`: `strict` against the hand-labelled corpus, as confusion tables (results/strict-cases.md).
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Score the hand-labelled realistic outputs with strict and write the confusion table against the labels.")

    @Option(help: "The corpus (JSON Lines of {id, benchmark, phenomenon, gold, fields, output, label}).")
    var cases: String = "Tests/ProctorScoringTests/Fixtures/strict-cases.jsonl"

    @Option(help: "Where to write the Markdown table.")
    var output: String = "results/strict-cases.md"

    func run() throws {
        let tables = try StrictCaseCorpus.strictConfusion(try StrictCaseCorpus.load(URL(fileURLWithPath: cases)))
        let text = StrictCaseCorpus.markdown(tables, command: "swift run proctor-scoring cases --cases \(cases) --output \(output)")
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print(text)
    }
}
