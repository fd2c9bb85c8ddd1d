import Foundation
import ModelFormats
import Testing

/// The repository root, derived from this file's path.
private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The default model, if `scripts/fetch-model` has put it in the cache.
private let smolLMPath: String? = {
    let env = ProcessInfo.processInfo.environment
    let cache = env["PROCTOR_CACHE"] ?? ((env["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/proctor")
    let path = cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()

/// A small GGUF with every value type, a nested array and two tensors.
private func sampleFile() -> [UInt8] {
    var w = GGUFWriter()
    w.add("general.architecture", .string("llama"))
    w.add("u8", .uint8(200)); w.add("i8", .int8(-3)); w.add("u16", .uint16(60000)); w.add("i16", .int16(-300))
    w.add("u32", .uint32(4_000_000_000)); w.add("i32", .int32(-7)); w.add("u64", .uint64(1 << 40)); w.add("i64", .int64(-1 << 40))
    w.add("f32", .float32(1.5)); w.add("f64", .float64(-2.25)); w.add("flag", .bool(true)); w.add("name", .string("héllo"))
    w.add("words", .array(.string(["a", "bc", ""])))
    w.add("ints", .array(.int32([1, -2, 3])))
    w.add("floats", .array(.float32([0.5, 1.5])))
    w.add("nested", .array(.array([.uint8([1, 2]), .string(["x"])])))
    w.addTensor("norm", shape: [4], floats: [1, 2, 3, 4])
    w.addTensor("q", type: .q8_0, shape: [32, 2], data: [UInt8](repeating: 1, count: 68))
    return w.bytes()
}

@Suite("GGUF reader")
struct GGUFReaderTests {
    @Test("every value type, nested arrays and tensors round-trip")
    func roundTrip() throws {
        let gguf = try GGUFFile(file: MappedFile(copying: sampleFile()))
        #expect(gguf.version == 3)
        #expect(gguf.architecture == "llama")
        #expect(try gguf.int("u8") == 200)
        #expect(try gguf.int("i8") == -3)
        #expect(try gguf.int("u16") == 60000)
        #expect(try gguf.int("i16") == -300)
        #expect(try gguf.int("u32") == 4_000_000_000)
        #expect(try gguf.int("i32") == -7)
        #expect(try gguf.int("u64") == 1 << 40)
        #expect(try gguf.int("i64") == -1 << 40)
        #expect(try gguf.float("f32") == 1.5)
        #expect(try gguf.float("f64") == -2.25)
        #expect(try gguf.bool("flag") == true)
        #expect(try gguf.string("name") == "héllo")
        #expect(try gguf.strings("words") == ["a", "bc", ""])
        #expect(try gguf.ints("ints") == [1, -2, 3])
        #expect(try gguf.floats("floats") == [0.5, 1.5])
        #expect(try gguf.array("nested") == .array([.uint8([1, 2]), .string(["x"])]))
        #expect(try gguf.string("absent") == nil)
        #expect(throws: ModelFormatError.self) { try gguf.int("name") }
        #expect(gguf.tensors.map(\.name) == ["norm", "q"])
        let norm = try gguf.data(named: "norm")
        #expect(Array(norm.bindMemory(to: Float.self)) == [1, 2, 3, 4])
        let q = try gguf.requireTensor("q")
        #expect(q.rowLength == 32 && q.rowCount == 2 && q.byteCount == 68)
        #expect(q.fileOffset % 32 == 0)
    }

    @Test("every truncation of a valid file is an error naming the file, never a crash")
    func truncations() throws {
        let bytes = sampleFile()
        let tensorEnd = bytes.count
        for length in 0..<tensorEnd {
            let file = MappedFile(copying: bytes.prefix(length), label: "cut.gguf")
            #expect(throws: ModelFormatError.self, "length \(length)") { try GGUFFile(file: file) }
        }
    }

    @Test("corrupt fields give clear errors", arguments: [
        (0, UInt8(0x00), "not a GGUF file"),
        (4, UInt8(9), "version 9"),
    ])
    func corrupt(offset: Int, byte: UInt8, message: String) throws {
        var bytes = sampleFile()
        bytes[offset] = byte
        do {
            _ = try GGUFFile(file: MappedFile(copying: bytes, label: "bad.gguf"))
            Issue.record("a corrupt file was accepted")
        } catch let error as ModelFormatError {
            #expect(error.description.contains("bad.gguf"))
            #expect(error.description.contains(message))
        }
    }

    @Test("a huge element count is rejected before allocating")
    func hugeCount() throws {
        var w = GGUFWriter()
        w.add("words", .array(.string(["a"])))
        var bytes = w.bytes()
        // The array count sits after magic, version, two counts, the key and the value/element types.
        let countOffset = 4 + 4 + 8 + 8 + 8 + 5 + 4 + 4
        for i in 0..<8 { bytes[countOffset + i] = 0xFF }
        #expect(throws: ModelFormatError.self) { try GGUFFile(file: MappedFile(copying: bytes)) }
    }

    @Test("the real SmolLM2 file", .enabled(if: smolLMPath != nil, "SmolLM2 GGUF absent: run scripts/fetch-model"))
    func smolLM2() throws {
        let gguf = try GGUFFile(path: try #require(smolLMPath))
        #expect(gguf.version == 3)
        #expect(gguf.metadataKeys.count == 33)
        #expect(gguf.tensors.count == 272)
        #expect(gguf.dataOffset == 1_785_664)
        #expect(try gguf.int("llama.block_count") == 30)
        #expect(try gguf.float("llama.rope.freq_base") == 100_000)
        #expect(try gguf.strings("tokenizer.ggml.tokens")?.count == 49152)
        #expect(try gguf.strings("tokenizer.ggml.merges")?.first == "Ġ t")
        #expect(try gguf.ints("tokenizer.ggml.token_type")?.filter { $0 == 3 }.count == 17)
        let embd = try gguf.requireTensor("token_embd.weight")
        #expect(embd.type == .q8_0 && embd.shape == [576, 49152] && embd.byteCount == 30_081_024)
        let down = try gguf.requireTensor("blk.0.ffn_down.weight")
        #expect(down.type == .q4_1 && down.relativeOffset == 30_083_328)
    }

    @Test("released pages read back the same bytes", .enabled(if: smolLMPath != nil, "SmolLM2 GGUF absent: run scripts/fetch-model"))
    func releasedPagesReadBack() throws {
        let gguf = try GGUFFile(path: try #require(smolLMPath))
        let down = try gguf.requireTensor("blk.0.ffn_down.weight")
        let before = Array(try gguf.data(of: down))
        gguf.releasePages(of: down)
        #expect(Array(try gguf.data(of: down)) == before)
        gguf.file.releasePages(0..<gguf.file.bytes.count)
        #expect(try gguf.int("llama.block_count") == 30)
        #expect(Array(try gguf.data(of: down)) == before)
    }

    @Test("a missing file is a not-found error")
    func missing() {
        #expect(throws: ModelFormatError.self) { try GGUFFile(path: "/nonexistent/model.gguf") }
    }
}
