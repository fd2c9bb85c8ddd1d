import Foundation

/// The engine-golden files in `../shared/engine-golden` (skipped with a message when absent).
enum Golden {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/engine-golden")

    struct Step: Decodable {
        var top5Ids: [Int]
        var top5Logits: [Float]
        enum CodingKeys: String, CodingKey { case top5Ids = "top5_ids", top5Logits = "top5_logits" }
    }

    struct Case: Decodable {
        var name: String
        var promptIds: [Int]
        var generatedIds: [Int]
        var steps: [Step]
        enum CodingKeys: String, CodingKey { case name, promptIds = "prompt_ids", generatedIds = "generated_ids", steps }
    }

    struct File: Decodable { var cases: [Case] }

    static func load(_ name: String) -> File? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }

    static let smolLMPath: String? = {
        let env = ProcessInfo.processInfo.environment
        let cache = env["PROCTOR_CACHE"] ?? ((env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/proctor")
        let path = cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static let llamaCpp = load("smollm2-q4_1-llamacpp-golden.json")
    static let numpyF32 = load("smollm2-q4_1-numpy-f32-reference.json")
    static var smolLMAvailable: Bool { smolLMPath != nil && llamaCpp != nil }
}
