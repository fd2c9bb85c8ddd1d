import Foundation
import ProctorCore
import Testing

@Suite struct StableHashTests {
    @Test func fnvMatchesPublishedVectors() {
        // FNV-1a 64 test vectors from the reference implementation's test suite.
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func sampleSeedsDependOnEveryPart() {
        let base = StableHash.sampleSeed(runSeed: 1, benchmark: "aime24:test", itemID: "60", sampleIndex: 0)
        #expect(base == StableHash.sampleSeed(runSeed: 1, benchmark: "aime24:test", itemID: "60", sampleIndex: 0))
        #expect(base != StableHash.sampleSeed(runSeed: 2, benchmark: "aime24:test", itemID: "60", sampleIndex: 0))
        #expect(base != StableHash.sampleSeed(runSeed: 1, benchmark: "aime25:test", itemID: "60", sampleIndex: 0))
        #expect(base != StableHash.sampleSeed(runSeed: 1, benchmark: "aime24:test", itemID: "61", sampleIndex: 0))
        #expect(base != StableHash.sampleSeed(runSeed: 1, benchmark: "aime24:test", itemID: "60", sampleIndex: 1))
        #expect(base < 1 << 63)
    }

    @Test func shardsAreDisjointAndCoverEverything() {
        let ids = (0..<500).map(String.init)
        var seen = Set<String>()
        for shard in 0..<3 {
            let mine = ids.filter { StableHash.shard(benchmark: "math500:test", itemID: $0, count: 3) == shard }
            #expect(!mine.isEmpty)
            #expect(seen.isDisjoint(with: mine))
            seen.formUnion(mine)
        }
        #expect(seen.count == ids.count)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256MatchesKnownDigests(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func jsonLinesNamesTheBadLine() throws {
        let data = Data("{\"id\": \"1\"}\n\n{\"id\": 2,}\n".utf8)
        struct Row: Decodable { var id: String }
        #expect(throws: ProctorError.self) { try JSONLines.decode(Row.self, from: data, name: "preds.jsonl") }
        do {
            _ = try JSONLines.decode(Row.self, from: data, name: "preds.jsonl")
        } catch let error as ProctorError {
            #expect(error.message.contains("preds.jsonl:3"))
        }
    }

    /// Line numbers count every line (blank ones included); blank and whitespace-only lines, a missing final newline
    /// and CRLF endings are all read as before lines were found in a byte array.
    @Test(arguments: [
        ("{\"id\": \"a\"}\n{\"id\": \"b\"}\n", [1, 2]),
        ("{\"id\": \"a\"}\n\n \t\n{\"id\": \"b\"}", [1, 4]),
        ("\n\n{\"id\": \"a\"}\r\n{\"id\": \"b\"}\r\n\r\n", [3, 4]),
        ("", []),
        ("\n", []),
    ] as [(String, [Int])])
    func jsonLinesNumbersEveryLine(text: String, lines: [Int]) throws {
        struct Row: Decodable { var id: String }
        let rows = try JSONLines.decode(Row.self, from: Data(text.utf8), name: "t.jsonl")
        #expect(rows.map(\.line) == lines)
        #expect(rows.map(\.value.id) == Array(["a", "b"].prefix(lines.count)))
    }

    @Test func benchmarkNamesParse() {
        #expect(BenchmarkName(parsing: "MMMU:validation") == BenchmarkName(name: "mmmu", split: "validation"))
        #expect(BenchmarkName(parsing: "aime24").split == "")
        #expect(BenchmarkName(name: "aime24", split: "test").description == "aime24:test")
    }
}

@Suite struct ProctorErrorTests {
    struct Underlying: Error, CustomStringConvertible {
        var description: String
    }

    @Test func theUnderlyingErrorIsShownOnceOnly() {
        let repeated = ProctorError(.invalidInput, "cannot load m.gguf: byte 9 is corrupt", underlying: Underlying(description: "byte 9 is corrupt"))
        #expect(repeated.description == "cannot load m.gguf: byte 9 is corrupt")
        let added = ProctorError(.backend, "request failed", underlying: Underlying(description: "connection reset"))
        #expect(added.description == "request failed (connection reset)")
    }
}
