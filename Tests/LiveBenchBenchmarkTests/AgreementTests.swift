import Foundation
import LiveBenchBenchmark
import ProctorCore
import Testing

enum SharedData {
    /// `<repo>/../shared/data`, derived from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static let reference = root.appendingPathComponent("livebench/reference-outputs")

    static let available = FileManager.default.fileExists(atPath: reference.appendingPathComponent("math/math_comp").path)

    static var location: DataLocation { DataLocation(root: root, hubCache: nil) }
}

/// The scorers against LiveBench's published ground-truth judgments, question by question.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data/livebench (question files and reference-outputs)"))
struct LiveBenchAgreementTests {
    static let scored = LiveBenchTask.all.filter { $0.unavailableReason == nil }

    /// Every judged question scores as published (the three sympy readings of AMPS_Hard included: `antlrFunctionApplication`,
    /// `ComplexCheck`, `MultipleAngleCheck`), so the task means equal the judgment file's.
    @Test(arguments: scored)
    func agreesWithPublishedJudgments(task: LiveBenchTask) throws {
        let row = try LiveBenchAgreement.compare(task, reference: SharedData.reference, location: SharedData.location)
        #expect(row.questions > 0)
        let shown = row.differences.prefix(8).map { "\($0.id.prefix(12)): official \($0.official) proctor \($0.proctor) (\($0.rule))" }
        #expect(row.differences.isEmpty, "\(task.name): \(row.agreeing)/\(row.questions) agree; \(shown.joined(separator: "; "))")
        #expect(abs(row.officialMean - row.proctorMean) < 1e-9, "\(task.name): mean \(row.proctorMean) vs published \(row.officialMean)")
    }

    /// Writes the agreement table when `LIVEBENCH_AGREEMENT` names a file (results/livebench-agreement.md).
    @Test func agreementTable() throws {
        let rows = try Self.scored.map { try LiveBenchAgreement.compare($0, reference: SharedData.reference, location: SharedData.location) }
        let table = LiveBenchAgreement.markdown(rows)
        #expect(table.contains("| math | math_comp |"))
        if let path = ProcessInfo.processInfo.environment["LIVEBENCH_AGREEMENT"] {
            let header = """
                # LiveBench: Proctor's ground-truth scorers against the published judgments

                Command: `LIVEBENCH_AGREEMENT=$PWD/results/livebench-agreement.md swift test --filter LiveBenchAgreementTests/agreementTable`

                Data: `../shared/data/livebench/` question files and `reference-outputs/` (LiveBench/LiveBench PR #271 head
                995e86f0: zft-community-8b-bs4's `model_answer` files and the official `ground_truth_judgment.jsonl`). Each judged
                question is scored again from its answer; "agreeing" means the same score (within 1e-9). Means are in percent;
                a category is the mean of its task means and the overall the mean of the categories, as `show_livebench_result`
                computes them (here over the four categories with questions; coding and language have none in the data).

                Every question agrees. AMPS_Hard needs three readings of sympy's (docs/livebench.md); the last, for question
                457dc1ce… (the answer's `\\cot(8-4x)` against the gold's `\\sin(16-8x)\\csc^2(8-4x)`, a double-angle identity
                sympy's `simplify` does not prove), scores 0 as published; `strict` scores it 1.


                """
            try (header + table).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
