import Foundation
import Testing

/// Where the tokenizer, template and vision tests find shared goldens, fixtures and cached models.
public enum TestPaths {
    /// The repository root, derived from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `<repo>/../shared/engine-golden`.
    public static let engineGolden = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/engine-golden")
    /// The committed fixtures of a test target (`Tests/<target>/Fixtures`).
    public static func fixtures(of target: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests").appendingPathComponent(target).appendingPathComponent("Fixtures")
    }
    /// Proctor's model cache (`$PROCTOR_CACHE/models`, default `~/.cache/proctor/models`).
    public static let models: URL = {
        if let cache = ProcessInfo.processInfo.environment["PROCTOR_CACHE"] {
            return URL(fileURLWithPath: cache).appendingPathComponent("models")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/proctor/models")
    }()
    /// The default model (`scripts/fetch-model`).
    public static let smolLM2 = models.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf")
    /// Gemma-3-270M (`scripts/fetch-gemma3`).
    public static let gemma3 = models.appendingPathComponent("gemma-3-270m-q4_k_m.gguf")

    /// Whether a file exists.
    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}

/// One case of a `*-tokenizer-golden.json` file.
public struct TokenizerGoldenCase: Decodable, Sendable, CustomTestStringConvertible {
    public var text: String
    public var idsParseSpecial: [Int]
    public var idsNoSpecial: [Int]
    enum CodingKeys: String, CodingKey {
        case text, idsParseSpecial = "ids_parse_special", idsNoSpecial = "ids_no_special"
    }
    public var testDescription: String { text.debugDescription }
}

/// A tokenizer golden file.
public struct TokenizerGolden: Decodable {
    public var cases: [TokenizerGoldenCase]

    /// The cases of `name` in the shared goldens, or empty when the shared folder is absent.
    public static func cases(_ name: String) -> [TokenizerGoldenCase] {
        let url = TestPaths.engineGolden.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url),
              let golden = try? JSONDecoder().decode(TokenizerGolden.self, from: data) else { return [] }
        return golden.cases
    }
}
