import EngineThreads
import Foundation
import SafeTensors
import Testing
import TokenizerTestSupport
import VisionEncoder
import VisionTestSupport

/// The vision front end against transformers' outputs for the random-weight tiny InternVL
/// (`../shared/engine-golden/tiny-internvl/`).
struct TinyInternVLTests {
    static let folder = TestPaths.engineGolden.appendingPathComponent("tiny-internvl")
    static let available = TestPaths.exists(folder.appendingPathComponent("golden.safetensors"))

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test("the tower and projector match transformers within the README's f32 tolerances, with every kernel set",
          .enabled(if: available, "shared engine-golden/tiny-internvl absent"), arguments: KernelSet.available.map(\.name))
    func visionAndProjectorMatchTransformers(set: String) throws {
        let golden = try SafeTensorsFile(url: Self.folder.appendingPathComponent("golden.safetensors"))
        let model = try InternVLVisionModel(folder: Self.folder, kernels: try KernelSet(named: set))
        #expect(model.tokensPerTile == 4)
        let pixels = try golden.floats("pixel_values")
        let hidden = try model.hiddenStates(pixels: pixels, tileCount: 2)
        let expectedHidden = try golden.floats("vision_last_hidden")
        #expect(hidden.count == expectedHidden.count)
        #expect(Self.maxDifference(hidden, expectedHidden) < 1e-4, "\(set)")
        let features = try model.imageFeatures(pixels: pixels, tileCount: 2)
        let expectedFeatures = try golden.floats("image_features")
        #expect(features.count == expectedFeatures.count)
        #expect(Self.maxDifference(features, expectedFeatures) < 1e-5, "\(set)")
    }

    @Test(.enabled(if: available, "shared engine-golden/tiny-internvl absent"))
    func wrongPixelCountIsAnError() throws {
        let model = try InternVLVisionModel(folder: Self.folder)
        #expect(throws: VisionEncoderError.self) { try model.imageFeatures(pixels: [0, 1, 2], tileCount: 1) }
    }

    @Test func pixelShuffleMatchesTheReshapes() {
        // 4×4 grid, 1 channel, values = row * 4 + column: output token (a, b) gathers rows 2a…2a+1, columns 2b…2b+1
        // in the order (row offset, column offset).
        let x = (0..<16).map(Float.init)
        let y = PixelShuffle.apply(x, side: 4, channels: 1, ratio: 0.5)
        #expect(y == [0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15])
    }
}

/// The tiny InternVL's Qwen2 language model with the image features spliced in.
struct TinyQwen2Tests {
    @Test(.enabled(if: TinyInternVLTests.available, "shared engine-golden/tiny-internvl absent"))
    func logitsAndGreedyIdsMatchTransformers() throws {
        let folder = TinyInternVLTests.folder
        let golden = try SafeTensorsFile(url: folder.appendingPathComponent("golden.safetensors"))
        let vision = try InternVLVisionModel(folder: folder)
        let features = try vision.imageFeatures(pixels: try golden.floats("pixel_values"), tileCount: 2)
        let text = try Qwen2ReferenceModel(folder: folder)
        #expect(text.config.kvHeadCount == 2)
        let ids = try golden.integers("input_ids").map(Int.init)
        let logits = try text.logits(tokens: ids, imageTokenID: 299, imageFeatures: features)
        let expected = try golden.floats("logits")
        #expect(logits.count == expected.count)
        #expect(TinyInternVLTests.maxDifference(logits, expected) < 1e-4)
        let generated = try text.greedy(tokens: ids, steps: 8, imageTokenID: 299, imageFeatures: features)
        #expect(generated == (try golden.integers("greedy_ids")).map(Int.init))
    }
}

/// The same tiny checkpoint renamed to the original InternVL-chat / Skywork layout (fused `attn.qkv`, `ls1`,
/// `mlp1.N`, `vision_model.*`, `select_layer`) must give the same features.
struct OriginalNamingTests {
    @Test(.enabled(if: TinyInternVLTests.available, "shared engine-golden/tiny-internvl absent"))
    func originalNamesGiveTheSameFeatures() throws {
        let source = TinyInternVLTests.folder
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-internvl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try InternVLOriginalNaming.weights(of: SafeTensorsCheckpoint(folder: source)).write(to: folder.appendingPathComponent("model.safetensors"))
        let config = #"{"downsample_ratio": 0.5, "select_layer": -1, "vision_config": {"hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4, "num_hidden_layers": 2, "patch_size": 14, "image_size": 56, "layer_norm_eps": 1e-06, "norm_type": "rms_norm", "qk_normalization": true, "hidden_act": "gelu"}, "llm_config": {"hidden_size": 64}}"#
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))

        let golden = try SafeTensorsFile(url: source.appendingPathComponent("golden.safetensors"))
        let features = try InternVLVisionModel(folder: folder).imageFeatures(pixels: try golden.floats("pixel_values"), tileCount: 2)
        #expect(TinyInternVLTests.maxDifference(features, try golden.floats("image_features")) < 1e-5)
    }
}
