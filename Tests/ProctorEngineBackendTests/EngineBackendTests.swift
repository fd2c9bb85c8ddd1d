import Foundation
import ProctorCore
import ProctorEngineBackend
import Testing

private let smolLMPath: String? = {
    let env = ProcessInfo.processInfo.environment
    let cache = env["PROCTOR_CACHE"] ?? ((env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/proctor")
    let path = cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()

@Suite("Engine backend", .enabled(if: smolLMPath != nil, "SmolLM2 GGUF absent: run scripts/fetch-model"))
struct EngineBackendTests {
    @Test("real text in and out; concurrent requests (batched) equal one at a time; identity carries the hash")
    func endToEnd() async throws {
        let backend = try EngineBackend(path: try #require(smolLMPath), threads: 2)
        #expect(backend.identity.weightsSHA256 == "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")
        let questions = ["What is the capital of France?", "Name a primary colour.", "What is 2 + 2?"]
        let parameters = GenerationParameters(maxTokens: 8)
        let requests = questions.map { GenerationRequest(messages: [ChatMessage(role: .user, text: $0)], parameters: parameters) }
        let together = try await withThrowingTaskGroup(of: (Int, GenerationResult).self) { group in
            for (i, r) in requests.enumerated() { group.addTask { (i, try await backend.generate(r)) } }
            var out = [GenerationResult?](repeating: nil, count: requests.count)
            for try await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        for (i, r) in requests.enumerated() {
            let alone = try await backend.generate(r)
            #expect(alone.text == together[i].text)
            #expect(!alone.text.isEmpty)
        }
        #expect(together[0].renderedPrompt?.hasSuffix("<|im_start|>assistant\n") == true)
        // A stop string taken from the middle of the free output ends generation there and is cut from the text.
        let full = together[0].text
        let stop = String(full.dropFirst(full.count / 2).prefix(3))
        var stopping = parameters
        stopping.stop = [stop]
        let stopped = try await backend.generate(GenerationRequest(messages: requests[0].messages, parameters: stopping))
        #expect(stopped.finishReason == .stop)
        #expect(!stopped.text.contains(stop) && full.hasPrefix(stopped.text), "stop \(stop): \(stopped.text) / \(full)")
    }
}
