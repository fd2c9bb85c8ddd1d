import Foundation
import Testing

/// Where the tests find shared goldens, fixtures and cached models.
enum TestPaths {
    /// The repository root, derived from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `<repo>/../shared/engine-golden`.
    static let engineGolden = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/engine-golden")
    /// This test target's committed fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// Proctor's model cache (`$PROCTOR_CACHE/models`, default `~/.cache/proctor/models`).
    static let models: URL = {
        if let cache = ProcessInfo.processInfo.environment["PROCTOR_CACHE"] {
            return URL(fileURLWithPath: cache).appendingPathComponent("models")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/proctor/models")
    }()
    static let smolLM2 = models.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf")
    static let gemma3 = models.appendingPathComponent("gemma-3-270m-q4_k_m.gguf")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}

/// One case of a `*-tokenizer-golden.json` file.
struct TokenizerGoldenCase: Decodable, Sendable, CustomTestStringConvertible {
    var text: String
    var idsParseSpecial: [Int]
    var idsNoSpecial: [Int]
    enum CodingKeys: String, CodingKey {
        case text, idsParseSpecial = "ids_parse_special", idsNoSpecial = "ids_no_special"
    }
    var testDescription: String { text.debugDescription }
}

/// A tokenizer golden file.
struct TokenizerGolden: Decodable {
    var cases: [TokenizerGoldenCase]

    /// The cases of `name` in the shared goldens, or empty when the shared folder is absent.
    static func cases(_ name: String) -> [TokenizerGoldenCase] {
        let url = TestPaths.engineGolden.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url),
              let golden = try? JSONDecoder().decode(TokenizerGolden.self, from: data) else { return [] }
        return golden.cases
    }
}
