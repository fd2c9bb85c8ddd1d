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

    @Test(arguments: scored)
    func agreesWithPublishedJudgments(task: LiveBenchTask) throws {
        let row = try LiveBenchAgreement.compare(task, reference: SharedData.reference, location: SharedData.location)
        #expect(row.questions > 0)
        let shown = row.differences.prefix(8).map { "\($0.id.prefix(12)): official \($0.official) proctor \($0.proctor) (\($0.rule))" }
        #expect(row.agreement >= 0.99, "\(task.name): \(row.agreeing)/\(row.questions) agree; \(shown.joined(separator: "; "))")
        #expect(abs(row.officialMean - row.proctorMean) < 1e-6, "\(task.name): mean \(row.proctorMean) vs published \(row.officialMean)")
    }

    /// Writes the agreement table when `LIVEBENCH_AGREEMENT` names a file (results/livebench-agreement.md).
    @Test func agreementTable() throws {
        let rows = try Self.scored.map { try LiveBenchAgreement.compare($0, reference: SharedData.reference, location: SharedData.location) }
        let table = LiveBenchAgreement.markdown(rows)
        #expect(table.contains("| math | math_comp |"))
        if let path = ProcessInfo.processInfo.environment["LIVEBENCH_AGREEMENT"] {
            try table.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
