import ArgumentParser
import Foundation
import ProctorScoringReference

/// `proctor-scoring mathvista-trace`: each item of one published MathVista output file scored from its raw
/// response, beside the published extraction and verdict, as JSON Lines (for reading the disagreements).
struct MathVistaTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mathvista-trace",
        abstract: "Print one published MathVista file's items scored from the raw response, as JSON Lines.")

    @Option(help: "The shared data folder.")
    var data: String = "../shared/data"

    @Option(help: "The model: the output file's name after output_ (bard, gpt4, llava_llama_2_13b, …).")
    var model: String

    @Flag(help: "Print only the items whose verdict differs from the published true_false.")
    var disagreements = false

    func run() throws {
        let rows = try MathVistaReference.trace(dataRoot: URL(fileURLWithPath: data), model: model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for row in rows where !disagreements || row.verdict != row.published {
            print(String(decoding: try encoder.encode(row), as: UTF8.self))
        }
    }
}
