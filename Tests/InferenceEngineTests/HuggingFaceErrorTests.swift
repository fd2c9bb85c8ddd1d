import Foundation
import InferenceEngine
import Testing

/// Broken copies of the fixture checkpoints: each load fails with an error naming the file (and tensor).
@Suite("Hugging Face checkpoints: clear errors naming the file")
struct HuggingFaceErrorTests {
    /// A scratch copy of a fixture folder, removed when the test ends.
    final class Scratch {
        let folder: URL
        init(copying name: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-hf-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: HuggingFaceFixtures.folder.appendingPathComponent(name), to: folder)
        }
        func url(_ file: String) -> URL { folder.appendingPathComponent(file) }
        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// The message of the error loading `folder` throws (fails the test when it loads).
    func loadError(_ folder: URL) -> String {
        do {
            _ = try LanguageModel(path: folder.path)
            Issue.record("\(folder.path) loaded although it is broken")
            return ""
        } catch {
            return String(describing: error)
        }
    }

    /// Rewrites a JSON object file.
    func editJSON(_ url: URL, _ edit: (inout [String: Any]) -> Void) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    @Test("missing config.json")
    func missingConfig() throws {
        let scratch = try Scratch(copying: "tiny-qwen2")
        try FileManager.default.removeItem(at: scratch.url("config.json"))
        let message = loadError(scratch.folder)
        #expect(message.contains(scratch.url("config.json").path) && message.contains("missing"), "\(message)")
    }

    @Test("unknown architecture")
    func unknownArchitecture() throws {
        let scratch = try Scratch(copying: "tiny-qwen2")
        try editJSON(scratch.url("config.json")) { $0["architectures"] = ["MambaForCausalLM"]; $0["model_type"] = "mamba" }
        let message = loadError(scratch.folder)
        #expect(message.contains(scratch.url("config.json").path) && message.contains("MambaForCausalLM"), "\(message)")
        #expect(message.contains("Qwen2ForCausalLM"), "the message lists what is supported: \(message)")
    }

    @Test("a tensor missing from the shards")
    func missingTensor() throws {
        let scratch = try Scratch(copying: "tiny-llama")
        try editJSON(scratch.url("model.safetensors.index.json")) { root in
            var map = root["weight_map"] as? [String: Any] ?? [:]
            map["model.layers.1.mlp.up_proj.weight"] = nil
            root["weight_map"] = map
        }
        let message = loadError(scratch.folder)
        #expect(message.contains(scratch.folder.path) && message.contains("model.layers.1.mlp.up_proj.weight"), "\(message)")
    }

    @Test("an unsupported dtype names the shard and tensor")
    func unsupportedDType() throws {
        let scratch = try Scratch(copying: "tiny-qwen2")
        let file = scratch.url("model.safetensors")
        let data = try Data(contentsOf: file)
        let length = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var header = try #require(try JSONSerialization.jsonObject(with: data[8..<8 + length]) as? [String: Any])
        var entry = try #require(header["model.norm.weight"] as? [String: Any])
        entry["dtype"] = "I16"  // the same 2 bytes per element, so the offsets stay valid
        header["model.norm.weight"] = entry
        var json = try JSONSerialization.data(withJSONObject: header)
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var rewritten = Data((0..<8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) })
        rewritten.append(json)
        rewritten.append(data[(8 + length)...])
        try rewritten.write(to: file)
        let message = loadError(scratch.folder)
        #expect(message.contains(file.path) && message.contains("model.norm.weight") && message.contains("I16"), "\(message)")
    }

    @Test("a truncated shard")
    func truncated() throws {
        let scratch = try Scratch(copying: "tiny-llama")
        let file = scratch.url("model-00002-of-00002.safetensors")
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        let message = loadError(scratch.folder)
        #expect(message.contains(file.path) && message.contains("truncated"), "\(message)")
    }
}
