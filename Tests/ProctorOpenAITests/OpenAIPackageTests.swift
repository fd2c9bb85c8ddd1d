import Foundation
import ProctorCore
import Testing

/// The official `openai` Python package (PyPI, in the venv `scripts/install-deps --tests` makes) against
/// `proctor serve --model smollm2 --api-key …`, run as a subprocess: scripts/openai-client-check.py.
@Suite("The openai Python package against proctor serve --model smollm2",
       .enabled(if: OpenAIPackage.missing == nil, Comment(rawValue: OpenAIPackage.missing ?? "")))
struct OpenAIPackageTests {
    @Test("models, whole and streamed answers (and their logprobs) agree at temperature 0, 401 on a wrong key, 400 on context overflow, a closed stream frees its slot")
    func officialClient() async throws {
        let key = "sk-proctor-\(UUID().uuidString.prefix(8))"
        let server = try ServerProcess(["--model", "smollm2", "--served-model-name", "smollm2", "--api-key", key, "--threads", "1"], echo: false)
        defer { server.stop() }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: OpenAIPackage.python)
        python.arguments = [OpenAIPackage.script.path, server.baseURL.absoluteString, "smollm2", key]
        let output = Pipe()
        python.standardOutput = output
        try python.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let report = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(python.terminationStatus == 0 && report["ok"] == .bool(true), "\(text)\n\(server.log)")
        #expect(report["streamed_text"] == report["whole_text"])
        #expect((report["whole_text"]?.stringValue ?? "").count > 10, "\(text)")
        #expect(report["wrong_key_status"]?.intValue == 401)
        #expect((report["logprobs_tokens"]?.intValue ?? 0) > 0, "\(text)")
        #expect(report["top_logprobs_21"] == .array([.int(400), .string("top_logprobs")]), "\(text)")
        #expect(report["overflow_errors"]?["prompt"] == .array([.int(400), .string("context_length_exceeded")]), "\(text)")
        #expect(report["active_while_streaming"]?.intValue == 1 && report["active_after_close"]?.intValue == 0)
        // One decode step of a 135M model on one thread is a few milliseconds; a busy CI machine may stretch it.
        #expect((report["freed_after_s"]?.doubleValue ?? 99) < 2, "\(text)")
        #expect(server.log.contains("the client went away"), "\(server.log)")
    }
}

/// Where the venv, the script and the model are, and what is missing.
enum OpenAIPackage {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repo.appendingPathComponent("scripts/openai-client-check.py")

    static var cache: String {
        let env = ProcessInfo.processInfo.environment
        if let cache = env["PROCTOR_CACHE"], !cache.isEmpty { return cache }
        return (env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")) + "/proctor"
    }

    static var python: String { cache + "/venv-openai/bin/python" }

    static var missing: String? {
        if !FileManager.default.isExecutableFile(atPath: python) {
            return "no venv with the openai package at \(python): run scripts/install-deps --tests"
        }
        if !FileManager.default.fileExists(atPath: cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf") {
            return "SmolLM2-135M-Instruct is not downloaded: run scripts/fetch-model"
        }
        return nil
    }
}
