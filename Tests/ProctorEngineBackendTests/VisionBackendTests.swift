import Foundation
import ImageCodec
import InferenceEngine
import ProctorCore
import ProctorEngineBackend
import Testing
import VisionEncoder

/// Images through the embedded engine on the tiny InternVL checkpoint (`TinyInternVLCheckpoint`). The spliced
/// forward pass itself is checked against transformers' logits in InferenceEngineTests/InternVLGoldenTests; these
/// tests check the wiring around it: image blocks in the prompt, the encoder's features at their positions, errors.
@Suite("Engine backend: InternVL images", .enabled(if: TinyInternVLCheckpoint.available, TinyInternVLCheckpoint.skipReason))
struct VisionBackendTests {
    static let question = "What is the area of the triangle?"

    @Test("prompt ids: each image is <img> + <IMG_CONTEXT> x (4 per tile x tiles) + </img> before the text, as transformers tokenizes it",
          arguments: [1, 2])
    func promptIds(imageCount: Int) throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let images = try ["square-56.png", "wide-112x56.png"].prefix(imageCount).map(TinyInternVLCheckpoint.png)
        let message = ChatMessage(role: .user, parts: images.map(ContentPart.image) + [.text(Self.question)])
        let (text, ids) = try backend.promptIds(for: [message])

        let expected = try #require(try TinyInternVLCheckpoint.expectedCases().first { $0.imageTokens.count == imageCount })
        #expect(text == expected.text)
        #expect(ids == expected.ids)
        // The structure, stated directly: after "<|im_start|>user\n", the blocks, one per image, in order.
        let sizes = imageCount == 1 ? [4] : [4, 12]  // 56×56: one tile; 112×56: a 2×1 grid + the thumbnail
        #expect(ids.filter { $0 == 299 }.count == sizes.reduce(0, +))
        var position = try #require(ids.firstIndex(of: 297))
        for size in sizes {
            #expect(ids[position] == 297)
            #expect(ids[(position + 1)...(position + size)].allSatisfy { $0 == 299 })
            #expect(ids[position + size + 1] == 298)
            position = (ids[(position + size + 2)...].firstIndex(of: 297)) ?? ids.count
        }
        #expect(backend.identity.details["vision_tokens_per_tile"] == "4")
        #expect(backend.identity.details["vision_tiles"] == "1-12")
    }

    @Test("an image after text stands in its place, without the newline a leading image gets")
    func imageAfterText() throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let message = ChatMessage(role: .user, parts: [.text(Self.question + "\n"), .image(try TinyInternVLCheckpoint.png("square-56.png"))])
        let (text, _) = try backend.promptIds(for: [message])
        #expect(text == "<|im_start|>user\n\(Self.question)\n<img>\(String(repeating: "<IMG_CONTEXT>", count: 4))</img><|im_end|>\n<|im_start|>assistant\n")
    }

    @Test("generate with a real image equals decoding, tiling and encoding it by hand and feeding Generator")
    func generateMatchesManualPipeline() async throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A real benchmark JPEG when the shared data is there, else the committed PNG.
        let jpeg = TinyInternVLCheckpoint.shared.appendingPathComponent("data/mathvision/images/4.jpg")
        let image = FileManager.default.fileExists(atPath: jpeg.path)
            ? ImageAttachment(data: try Data(contentsOf: jpeg), name: "images/4.jpg") : try TinyInternVLCheckpoint.png("wide-112x56.png")
        let messages = [ChatMessage(role: .user, parts: [.image(image), .text(Self.question)])]
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let result = try await backend.generate(GenerationRequest(messages: messages, parameters: GenerationParameters(maxTokens: 6)))

        // By hand: ImageCodec → InternVLPreprocessor → InternVLVisionModel → features at the <IMG_CONTEXT> positions.
        let decoded = try ImageDecoder.decode(image.data, name: image.name)
        let vision = try InternVLVisionModel(folder: folder)
        let preprocessor = try InternVLPreprocessor(checkpointFolder: folder, config: vision.config)
        let (pixels, tiles) = try preprocessor.pixelValues(decoded)
        let features = try vision.imageFeatures(pixels: pixels, tileCount: tiles)
        let (text, ids) = try backend.promptIds(for: messages)
        #expect(result.renderedPrompt == text && result.promptTokens == ids.count)
        let positions = ids.indices.filter { ids[$0] == 299 }
        #expect(positions.count == tiles * 4)
        var embeddings: [Int: [Float]] = [:]
        for (row, position) in positions.enumerated() { embeddings[position] = Array(features[(row * 64)..<((row + 1) * 64)]) }

        let generator = try Generator(model: try LanguageModel(huggingFaceFolder: folder), threads: 1)
        let parameters = SamplingParameters(maxTokens: 6, stopTokens: backend.tokenizer.endOfGeneration)
        let id = try generator.add(prompt: ids, embeddings: embeddings, parameters: parameters)
        let withImage = try #require(generator.logits(id))
        while generator.activeIDs.contains(id) { generator.step() }
        let tokens = generator.sequence(id)?.tokens ?? []
        #expect(result.text == backend.tokenizer.decode(tokens))
        #expect(result.completionTokens == tokens.count)
        // The features matter: the same ids without them give other logits.
        let plain = try generator.add(prompt: ids, parameters: parameters)
        #expect(generator.logits(plain) != withImage)
    }

    @Test("a corrupt or undecodable image is a ProctorError naming the image", arguments: ["truncated", "gif"])
    func badImage(kind: String) async throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backend = try EngineBackend(path: folder.path, threads: 1)
        let png = try Data(contentsOf: TinyInternVLCheckpoint.fixtures.appendingPathComponent("square-56.png"))
        let data = kind == "truncated" ? png.prefix(200) : Data("GIF89a".utf8) + png.dropFirst(6)
        let image = ImageAttachment(data: Data(data), name: "images/broken-\(kind)")
        let request = GenerationRequest(messages: [ChatMessage(role: .user, parts: [.image(image), .text("Hi")])],
                                        parameters: GenerationParameters(maxTokens: 2))
        do {
            _ = try await backend.generate(request)
            Issue.record("a \(kind) image was accepted")
        } catch let error as ProctorError {
            #expect(error.code == (kind == "truncated" ? .invalidInput : .unsupported))
            #expect(error.message.contains("images/broken-\(kind)"), "\(error.message)")
            #expect(error.message.contains(kind == "truncated" ? "download it again" : "Convert it to PNG"), "\(error.message)")
        }
    }
}

/// A text-only checkpoint keeps refusing images.
@Suite("Engine backend: images on a text-only model")
struct TextOnlyImageTests {
    @Test("the committed tiny Qwen2 refuses a request with an image")
    func textOnlyModelRefusesImages() throws {
        let qwen = TinyInternVLCheckpoint.repositoryRoot.appendingPathComponent("Tests/InferenceEngineTests/Fixtures/tiny-qwen2")
        let backend = try EngineBackend(path: qwen.path, threads: 1)
        let image = try TinyInternVLCheckpoint.png("square-56.png")
        do {
            _ = try backend.promptIds(for: [ChatMessage(role: .user, parts: [.image(image), .text("Hi")])])
            Issue.record("a text-only model accepted an image")
        } catch let error as ProctorError {
            #expect(error.code == .unsupported)
            #expect(error.message.contains("text-only"), "\(error.message)")
        }
    }
}
