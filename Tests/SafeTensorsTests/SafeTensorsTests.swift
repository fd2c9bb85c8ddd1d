import Foundation
import SafeTensors
import Testing
import TokenizerTestSupport

/// Builds safetensors bytes for tests.
enum SafeTensorsBuilder {
    /// `(name, dtype, shape, raw bytes)` → file bytes.
    static func bytes(_ tensors: [(String, String, [Int], [UInt8])], headerLengthOverride: UInt64? = nil) -> Data {
        var header: [String] = []
        var payload: [UInt8] = []
        for (name, dtype, shape, raw) in tensors {
            header.append("\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[\(payload.count),\(payload.count + raw.count)]}")
            payload += raw
        }
        let json = Array(("{\"__metadata__\":{\"format\":\"pt\"}," + header.joined(separator: ",") + "}").utf8)
        let length = headerLengthOverride ?? UInt64(json.count)
        return Data((0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + json + payload)
    }

    static func floats(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt32($0))) } }
    }
}

struct SafeTensorsTests {
    static let golden = TestPaths.engineGolden.appendingPathComponent("tiny-internvl/golden.safetensors")

    @Test(.enabled(if: TestPaths.exists(golden), "shared engine-golden/tiny-internvl absent"))
    func readsTheTinyInternVLGolden() throws {
        let file = try SafeTensorsFile(url: Self.golden)
        #expect(try file.info("pixel_values").shape == [2, 3, 56, 56])
        #expect(try file.info("pixel_values").dtype == .f32)
        #expect(try file.integers("input_ids") == [5, 6, 7, 8] + Array(repeating: 299, count: 8) + [9, 10, 11])
        #expect(try file.floats("image_features").count == 8 * 64)
        #expect(file.metadata.isEmpty || file.metadata["format"] != nil)
    }

    @Test func convertsHalfAndBFloat() throws {
        // 1.0, -2.0, 0.5, 65504 in F16; 1.0, -3.0 in BF16.
        let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38, 0xFF, 0x7B]
        let bf16: [UInt8] = [0x80, 0x3F, 0x40, 0xC0]
        let data = SafeTensorsBuilder.bytes([("h", "F16", [4], f16), ("b", "BF16", [2], bf16), ("f", "F32", [1, 2], SafeTensorsBuilder.floats([1.5, -0.25]))])
        let file = try SafeTensorsFile(data: data, path: "mem.safetensors")
        #expect(try file.floats("h") == [1, -2, 0.5, 65504])
        #expect(try file.floats("b") == [1, -3])
        #expect(try file.floats("f") == [1.5, -0.25])
        let error = #expect(throws: SafeTensorsError.self) { try file.integers("f") }
        #expect(error?.tensor == "f")
    }

    @Test func corruptFilesAreClearErrors() {
        let good = SafeTensorsBuilder.bytes([("w", "F32", [2], SafeTensorsBuilder.floats([1, 2]))])
        let cases: [(Data, String)] = [
            (good.prefix(5), "truncated"),
            (good.prefix(good.count - 4), "outside"),
            (SafeTensorsBuilder.bytes([("w", "F32", [2], SafeTensorsBuilder.floats([1, 2]))], headerLengthOverride: 1 << 40), "truncated"),
            (SafeTensorsBuilder.bytes([("w", "F32", [3], SafeTensorsBuilder.floats([1, 2]))]), "byte count"),
            (SafeTensorsBuilder.bytes([("w", "Q4", [2], [0, 0])]), "not supported"),
        ]
        for (data, words) in cases {
            let error = #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(data: data, path: "bad.safetensors") }
            #expect(error?.description.contains("bad.safetensors") == true)
            #expect(error?.description.contains(words) == true, "\(error?.description ?? "")")
        }
    }

    @Test func shardedCheckpoint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SafeTensorsBuilder.bytes([("a", "F32", [1], SafeTensorsBuilder.floats([1]))]).write(to: folder.appendingPathComponent("model-00001-of-00002.safetensors"))
        try SafeTensorsBuilder.bytes([("b", "F32", [2], SafeTensorsBuilder.floats([2, 3]))]).write(to: folder.appendingPathComponent("model-00002-of-00002.safetensors"))
        let index = #"{"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}"#
        try Data(index.utf8).write(to: folder.appendingPathComponent("model.safetensors.index.json"))
        let checkpoint = try SafeTensorsCheckpoint(folder: folder)
        #expect(checkpoint.tensorNames == ["a", "b"])
        #expect(try checkpoint.floats("b", shape: [2]) == [2, 3])
        #expect(throws: SafeTensorsError.self) { try checkpoint.floats("b", shape: [3]) }
        let missing = #expect(throws: SafeTensorsError.self) { try checkpoint.floats("c") }
        #expect(missing?.code == .notFound)

        // A shard named by the index but absent is an error naming that file.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("model-00002-of-00002.safetensors"))
        let error = #expect(throws: SafeTensorsError.self) { try SafeTensorsCheckpoint(folder: folder) }
        #expect(error?.file.hasSuffix("model-00002-of-00002.safetensors") == true)
    }
}

struct SafeTensorsWriterTests {
    @Test func writtenFilesReadBack() throws {
        var writer = SafeTensorsWriter()
        writer.metadata = ["format": "pt"]
        writer.add("b", shape: [2, 2], floats: [1, -2, 3.5, 0])
        writer.add("a", shape: [3], integers: [7, -1, 1 << 40])
        let file = try SafeTensorsFile(data: writer.data(), path: "written.safetensors")
        #expect(try file.floats("b") == [1, -2, 3.5, 0])
        #expect(try file.info("b").shape == [2, 2])
        #expect(try file.integers("a") == [7, -1, 1 << 40])
        #expect(file.metadata["format"] == "pt")
    }
}
