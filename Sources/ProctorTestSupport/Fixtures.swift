import Foundation
import ProctorCore

/// Builders for test inputs and the location of the shared data.
public enum Fixtures {
    /// The repository root (found from this file's path).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository, where the real benchmark files and reference outputs live.
    public static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/data`.
    public static let sharedData: URL = shared.appendingPathComponent("data")

    /// Whether the shared data folder is present (tests that need it skip otherwise).
    public static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    /// A fresh temporary folder.
    public static func temporaryDirectory(_ name: String = "proctor-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Math items with integer answers.
    ///
    /// - Parameters:
    ///   - count: How many.
    ///   - benchmark: Their benchmark.
    public static func mathItems(_ count: Int, benchmark: BenchmarkName = BenchmarkName(name: "toy", split: "test")) -> [BenchmarkItem] {
        (0..<count).map { i in
            BenchmarkItem(
                benchmark: benchmark, id: "q\(i)", messages: [ChatMessage(role: .user, text: "What is \(i) + \(i)?")],
                promptTemplate: "toy-v1", answer: String(2 * i), categories: ["parity": i % 2 == 0 ? "even" : "odd"])
        }
    }

    /// Gold answers keyed by prompt text, for `ScriptedBackend.mathSolver`.
    public static func answersByPrompt(_ items: [BenchmarkItem]) -> [String: String] {
        Dictionary(items.map { ($0.messages.map(\.text).joined(), $0.answer) }, uniquingKeysWith: { a, _ in a })
    }
}
