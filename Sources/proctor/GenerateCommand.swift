import ArgumentParser
import Foundation
import ProctorCore
import ProctorEngineBackend

/// `proctor generate`: one completion from the embedded engine.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate text with the embedded engine.",
        discussion: "Prints the completion; --json adds token ids, the finish reason and prefill/decode tokens per second.")

    @Option(help: "A GGUF file, a Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json), or the name of a known model (smollm2).")
    var model = "smollm2"
    @Flag(help: "Wrap the prompt as a user message in the model's chat template.")
    var chat = false
    @Option(help: "The prompt text.")
    var prompt: String
    @Option(name: .customLong("max-tokens"), help: "The most tokens to generate.")
    var maxTokens = 256
    @Option(help: "Sampling temperature (0: greedy).")
    var temperature = 0.0
    @Option(name: .customLong("top-p"), help: "Nucleus sampling mass.")
    var topP = 1.0
    @Option(name: .customLong("top-k"), help: "Keep only the k most likely tokens.")
    var topK: Int?
    @Option(help: "The random seed.")
    var seed: UInt64 = 0
    @Option(help: "Engine threads.")
    var threads: Int?
    @Option(name: .customLong("chat-template"), help: "A Jinja chat template file overriding the model's own.")
    var chatTemplate: String?
    @Option(name: .customLong("folder-weights"), help: "How a Hugging Face checkpoint folder's float weights are held: f32 (exact) or q8_0 (4× less memory, faster).")
    var folderWeights = "f32"
    @Option(name: .customLong("image"), help: "An image file (JPEG or PNG) placed before the prompt; repeat for several. Needs --chat and an InternVL-family checkpoint folder.")
    var images: [String] = []
    @Flag(help: "Print a JSON object with ids, finish reason and speeds.")
    var json = false

    func run() async throws {
        guard let path = try EngineModelResolver.modelPath(for: model) else {
            throw ValidationError("--model must be a .gguf file, a Hugging Face checkpoint folder or a known model name (smollm2)")
        }
        guard let weights = EngineBackend.FolderWeights(rawValue: folderWeights) else {
            throw ValidationError("--folder-weights must be f32 or q8_0")
        }
        guard images.isEmpty || chat else { throw ValidationError("--image needs --chat (images go into a user message)") }
        let attachments = try images.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ProctorError(.notFound, "the image file \(path) cannot be read; check the path")
            }
            return ImageAttachment(data: data, name: path)
        }
        let backend = try EngineBackend(path: path, threads: threads, chatTemplate: chatTemplate, floatWeights: weights)
        let parameters = GenerationParameters(temperature: temperature, topP: topP, topK: topK, maxTokens: maxTokens, seed: seed)
        let completion: EngineCompletion
        if chat {
            let message = ChatMessage(role: .user, parts: attachments.map(ContentPart.image) + [.text(prompt)])
            completion = try await backend.complete(messages: [message], parameters: parameters).completion
        } else {
            let ids = backend.tokenizer.encode(prompt, addSpecialTokens: true, parseSpecial: true)
            completion = try await backend.complete(promptIds: ids, parameters: parameters)
        }
        if json {
            let object: [String: Any] = [
                "text": completion.text, "prompt_ids": completion.promptIds, "token_ids": completion.tokenIds,
                "finish_reason": completion.stopReason == .length || completion.stopReason == .contextFull ? "length" : "stop",
                "stop_reason": completion.stopReason.rawValue,
                "prefill_tokens_per_second": completion.prefillTokensPerSecond,
                "decode_tokens_per_second": completion.decodeTokensPerSecond,
                "model": backend.identity.location, "weights_sha256": backend.identity.weightsSHA256 ?? "", "kernels": backend.identity.details["kernels"] ?? "",
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(completion.text)
        }
    }
}
