import Foundation
import ProctorCore
import Testing
import TokenizerTestSupport

/// The random-weight tiny InternVL of `../shared/engine-golden/tiny-internvl` (HF-native naming, 56-pixel tiles of
/// 4 image tokens, image token 299) assembled into a checkpoint folder the engine backend can load: the shared
/// config.json and model.safetensors, symlinked, with the committed tokenizer fixture
/// (`Fixtures/make-internvl-tokenizer.py`: 300 ids, `<img>` 297, `</img>` 298, `<IMG_CONTEXT>` 299, ChatML).
enum TinyInternVLCheckpoint {
    static let fixtures = TestPaths.fixtures(of: "ProctorEngineBackendTests")
    static let repositoryRoot = TestPaths.repositoryRoot
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let golden = TestPaths.engineGolden.appendingPathComponent("tiny-internvl")
    static let available = FileManager.default.fileExists(atPath: golden.appendingPathComponent("model.safetensors").path)
    static let skipReason: Comment = "../shared/engine-golden/tiny-internvl is absent"

    /// A fresh temporary folder of symlinks: config.json and model.safetensors from the shared golden,
    /// tokenizer.json and tokenizer_config.json from the fixture.
    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-tiny-internvl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["config.json", "model.safetensors"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                       withDestinationURL: golden.appendingPathComponent(name))
        }
        for name in ["tokenizer.json", "tokenizer_config.json"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: fixtures.appendingPathComponent("tiny-internvl-tokenizer").appendingPathComponent(name))
        }
        return folder
    }

    /// A committed PNG fixture as an attachment.
    static func png(_ name: String) throws -> ImageAttachment {
        ImageAttachment(data: try Data(contentsOf: fixtures.appendingPathComponent(name)), name: name)
    }

    /// One case of `tiny-internvl-tokenizer-expected.json`: transformers' ids for an expanded prompt.
    struct ExpectedCase: Decodable {
        var question: String
        var imageTokens: [Int]
        var text: String
        var ids: [Int]

        enum CodingKeys: String, CodingKey {
            case question, imageTokens = "image_tokens", text, ids
        }
    }

    static func expectedCases() throws -> [ExpectedCase] {
        struct File: Decodable { var cases: [ExpectedCase] }
        let data = try Data(contentsOf: fixtures.appendingPathComponent("tiny-internvl-tokenizer-expected.json"))
        return try JSONDecoder().decode(File.self, from: data).cases
    }
}
