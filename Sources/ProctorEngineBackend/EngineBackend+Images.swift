import ChatTemplates
import Foundation
import ProctorCore
import TextTokenizers

/// A rendered, tokenized prompt, with the image features that replace its `<IMG_CONTEXT>` embeddings.
struct PreparedPrompt: Sendable {
    /// The prompt text as tokenized (image blocks written out in full).
    var text: String
    var ids: [Int]
    /// Prompt position → projected image feature row (empty for text-only prompts, or until encoded).
    var embeddings: [Int: [Float]] = [:]
    /// The decoded, tiled images with their names, waiting for the vision tower (``EngineBackend/encodeImages(_:)``).
    var images: [(image: VisionFrontEnd.PreparedImage, name: String)] = []
    /// The `<IMG_CONTEXT>` positions, in order, that the images' feature rows replace.
    var imagePositions: [Int] = []
}

extension EngineBackend {
    /// Stands for an image in the rendered chat until it is replaced by the image's token block (U+FFFC, the
    /// object replacement character).
    static let imageMarker = "\u{FFFC}"

    /// Renders and tokenizes a conversation, expanding each image into its token block (decoded and tiled; the
    /// vision tower runs later, in ``encodeImages(_:)``).
    ///
    /// Images are placed as InternVL's `chat()` places `<image>`: images before any text of a message become
    /// `<image>\n` (what `chat()` prepends to a question without placeholders; the single-image adapters put the
    /// image first), an image after some text stands where the adapter put it, as an `<image>` the question
    /// contained there would (MMMU's `<image N>` places). Each is then expanded as InternVL does:
    /// `<img>` + `<IMG_CONTEXT>` × (tokens per tile · tiles) + `</img>`.
    ///
    /// - Throws: `ProctorError`: `.unsupported` for images sent to a text-only model, `.invalidInput` for an image
    ///   that cannot be decoded (naming it) or a chat template that drops images.
    func prepare(_ messages: [ChatMessage]) throws -> PreparedPrompt {
        let images = messages.flatMap(\.images)
        guard !images.isEmpty else {
            let text = try render(messages.map { TemplateValue.message(role: $0.role.rawValue, content: $0.text) })
            return PreparedPrompt(text: text, ids: tokenizer.encode(text, addSpecialTokens: true, parseSpecial: true))
        }
        guard let vision else {
            throw ProctorError(.unsupported, "the embedded engine runs this model as a text-only model (it has no InternVL vision_config); this request has images. Use an InternVL/Skywork-R1V checkpoint folder or an OpenAI-compatible server for vision models")
        }
        var values: [TemplateValue] = []
        for message in messages {
            var content = ""
            var leading = true
            for part in message.parts {
                switch part {
                case .text(let text):
                    guard !text.contains(Self.imageMarker) else {
                        throw ProctorError(.invalidInput, "the prompt text contains U+FFFC, which the engine reserves for image places; remove it from the item")
                    }
                    content += text
                    if !text.isEmpty { leading = false }
                case .image:
                    content += leading ? Self.imageMarker + "\n" : Self.imageMarker
                }
            }
            values.append(.message(role: message.role.rawValue, content: content))
        }
        let pieces = try render(values).components(separatedBy: Self.imageMarker)
        guard pieces.count == images.count + 1 else {
            throw ProctorError(.invalidInput, "the chat template kept \(pieces.count - 1) of the request's \(images.count) images; pass --chat-template FILE with a template that keeps every message's content")
        }
        let prepared = try images.map { try vision.prepare($0) }
        var text = pieces[0]
        for (index, image) in prepared.enumerated() {
            text += vision.block(tileCount: image.tileCount) + pieces[index + 1]
        }
        let ids = tokenizer.encode(text, addSpecialTokens: true, parseSpecial: true)
        let positions = ids.indices.filter { ids[$0] == vision.contextID }
        let expected = prepared.reduce(0) { $0 + $1.tileCount } * vision.model.tokensPerTile
        guard positions.count == expected else {
            throw ProctorError(.invalidInput, "the prompt has \(positions.count) \(vision.contextToken) tokens where its images need \(expected); the item's text must not contain \(vision.contextToken) itself")
        }
        return PreparedPrompt(text: text, ids: ids, images: zip(prepared, images).map { ($0, $1.name) }, imagePositions: positions)
    }

    /// Runs the vision tower over the prompt's images on the engine's worker and thread pool (one image at a time,
    /// between decode steps of the running requests), so that concurrent requests never start pools of their own
    /// and oversubscribe the cores; fills the prompt's embeddings.
    ///
    /// - Throws: `ProctorError` (`.backend`) naming the image when the encoder fails.
    func encodeImages(_ prompt: PreparedPrompt) async throws -> PreparedPrompt {
        guard let vision, !prompt.images.isEmpty else { return prompt }
        var result = prompt
        var next = prompt.imagePositions.makeIterator()
        let width = vision.model.outputWidth
        for (image, name) in prompt.images {
            let features = try await worker.onPool { pool in try vision.features(image, name: name, pool: pool) }
            for row in 0..<(features.count / width) {
                guard let position = next.next() else { break }
                result.embeddings[position] = Array(features[(row * width)..<((row + 1) * width)])
            }
        }
        result.images = []
        return result
    }

    /// Renders messages with the chat template and the generation prompt.
    private func render(_ values: [TemplateValue]) throws -> String {
        let vocab = tokenizer.vocabulary
        do {
            return try template.render(
                messages: values, addGenerationPrompt: true,
                bosToken: vocab.bos.flatMap { vocab.tokens.indices.contains($0) ? vocab.tokens[$0] : nil } ?? "",
                eosToken: vocab.eos.flatMap { vocab.tokens.indices.contains($0) ? vocab.tokens[$0] : nil } ?? "",
                now: Date(timeIntervalSince1970: 0))
        } catch {
            throw ProctorError(.invalidInput, "the chat template failed: \(error); pass --chat-template FILE", underlying: error)
        }
    }
}
