import EngineThreads
import Foundation
import ProctorCore
import ProctorEngineBackend
import SafeTensors
import Testing

/// The tiny Qwen2 checkpoint folder committed with the engine tests (made by
/// `Tests/InferenceEngineTests/Fixtures/make-hf-fixtures.py`): BF16 weights, a byte-level BPE tokenizer.json, a
/// ChatML template and generation_config.json EOS ids.
private let tinyQwen2 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("InferenceEngineTests/Fixtures/tiny-qwen2")

@Suite("Engine backend on a Hugging Face checkpoint folder")
struct HuggingFaceBackendTests {
    @Test("chat prompt ids equal transformers' apply_chat_template; greedy ids equal transformers' up to EOS")
    func chatEndToEnd() async throws {
        let golden = try SafeTensorsFile(url: tinyQwen2.appendingPathComponent("golden.safetensors"))
        let expectedPrompt = try golden.integers("chat.input_ids").map { Int($0) }
        let expectedGreedy = try golden.integers("chat.greedy_ids").map { Int($0) }
        let backend = try EngineBackend(path: tinyQwen2.path, threads: 2)
        let (text, ids) = try backend.promptIds(for: [ChatMessage(role: .user, text: "What is 12 + 35?")])
        #expect(text == "<|im_start|>user\nWhat is 12 + 35?<|im_end|>\n<|im_start|>assistant\n")
        #expect(ids == expectedPrompt)
        let completion = try await backend.complete(promptIds: ids, parameters: GenerationParameters(maxTokens: 8))
        // generation_config.json names <|im_end|> (2) and <|endoftext|> (0) as EOS: transformers' greedy ids up to
        // the first of them are the engine's output.
        let continuation = Array(expectedGreedy.dropFirst(ids.count))
        let stop = continuation.firstIndex { $0 == 0 || $0 == 2 }
        #expect(completion.tokenIds == Array(continuation.prefix(stop ?? continuation.count)))
        #expect(completion.stopReason == (stop == nil ? .length : .stopToken))
        #expect(backend.identity.details["format"] == "safetensors" && backend.identity.details["architecture"] == "qwen2")
        #expect(backend.identity.weightsSHA256?.count == 64)
        #expect(backend.identity.name == "tiny-qwen2")
    }

    @Test("a read-only model folder loads, and nothing is written into it (checksums go to the cache folder)")
    func readOnlyFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-ro-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("tiny-qwen2")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: tinyQwen2, to: folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: base)
        }
        let cache = ChecksumCache(folder: base.appendingPathComponent("cache"))
        let backend = try EngineBackend(path: folder.path, threads: 1, checksums: cache)
        let again = try EngineBackend(path: folder.path, threads: 1, checksums: cache)
        #expect(backend.identity.weightsSHA256?.count == 64)
        #expect(again.identity.weightsSHA256 == backend.identity.weightsSHA256)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(!before.contains { $0.hasSuffix(".sha256") })
    }

    @Test("the model identity records the kernel set the backend runs (the fastest by default, or the one given)")
    func kernelsRecorded() throws {
        let cache = ChecksumCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("proctor-kernels-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: cache.folder) }
        let scalar = try EngineBackend(path: tinyQwen2.path, threads: 1, checksums: cache, kernels: .scalar)
        #expect(scalar.identity.details["kernels"] == "scalar")
        #expect(scalar.identity.details["kernels_detail"] == KernelSet.scalar.detail)
        if ProcessInfo.processInfo.environment[KernelSet.environmentKey] == nil {
            let chosen = try EngineBackend(path: tinyQwen2.path, threads: 1, checksums: cache)
            #expect(chosen.identity.details["kernels"] == KernelSet.best.name)
        }
    }

    @Test("the default thread count is the machine's physical cores, and the help text says so")
    func defaultThreads() throws {
        let backend = try EngineBackend(path: tinyQwen2.path, checksums: ChecksumCache(folder: FileManager.default.temporaryDirectory
            .appendingPathComponent("proctor-threads-\(UUID().uuidString)")))
        #expect(backend.identity.details["threads"] == String(EngineBackend.defaultThreadCount))
        #expect(EngineBackend.defaultThreadCount >= 1 && EngineBackend.defaultThreadCount <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(EngineBackend.threadsHelp.contains("physical core") && EngineBackend.threadsHelp.contains("\(EngineBackend.defaultThreadCount)"))
    }

    @Test("a folder without tokenizer.json is an error naming the file")
    func missingTokenizer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-hf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["config.json", "model.safetensors"] {
            try FileManager.default.copyItem(at: tinyQwen2.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        do {
            _ = try EngineBackend(path: folder.path)
            Issue.record("loaded without tokenizer.json")
        } catch {
            #expect(String(describing: error).contains(folder.appendingPathComponent("tokenizer.json").path), "\(error)")
        }
    }
}
