import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import ProctorTestSupport

/// Where the test fixtures and the shared LiveCodeBench copy are.
enum LCBFixtures {
    /// This target's `Fixtures/` folder: a data root holding `livecodebench/test.jsonl` and `test2.jsonl`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The fixtures as a data location.
    static let location = DataLocation(root: root, hubCache: nil)
    /// The shared copy (problems only, the few-shot files, the O1-Mini submission).
    static let shared = DataLocation(root: Fixtures.sharedData, hubCache: nil)
    /// The shared LiveCodeBench folder.
    static let sharedFolder = Fixtures.sharedData.appendingPathComponent("livecodebench")
    /// Whether the shared LiveCodeBench folder is there.
    static var hasShared: Bool { FileManager.default.fileExists(atPath: sharedFolder.path) }
    /// The official O1-Mini submission.
    static let submission = sharedFolder.appendingPathComponent("reference-outputs/O1-Mini-2024-09-12 (N=1)/Scenario.codegeneration_1_0.2_eval_all.json")

    /// Whether python3 is on PATH (the scorer's programs need it).
    static var hasPython: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    /// A fenced answer as a model writes it.
    static func answer(_ code: String) -> String {
        "Here is my solution.\n\n```python\n\(code)\n```\n\nIt reads the input and prints the answer."
    }
}
