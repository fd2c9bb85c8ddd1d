import Foundation
import Parquet
import ProctorCore
import Testing

/// Damaged files are clear errors naming the file (and the column when the damage is in one), never crashes.
@Suite struct CorruptionTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: SharedData.fixtures.appendingPathComponent(name)))
    }

    /// Reads everything the way a caller would; returns the error, if any.
    static func readAll(_ bytes: [UInt8], name: String) -> ProctorError? {
        do {
            let file = try ParquetFile(bytes: bytes, name: name)
            _ = try file.readRows()
            for group in 0..<file.rowGroupCount {
                for column in file.schema.columns { _ = try file.readColumn(column.dottedPath, rowGroup: group) }
            }
            return nil
        } catch let error as ProctorError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test(arguments: [0, 3, 100, 4000, 9000])
    func truncatedFilesNameTheFile(keep: Int) throws {
        let bytes = try Self.fixture("codec-snappy-v1.parquet")
        let error = try #require(Self.readAll(Array(bytes.prefix(keep)), name: "cut.parquet"))
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("cut.parquet"))
        #expect(error.message.contains("corrupt or truncated"))
    }

    @Test func damageInsideAColumnNamesTheColumn() throws {
        var bytes = try Self.fixture("plain-v1.parquet")
        // The first page header starts right after the 4-byte magic: make its compressed size absurd.
        let file = try ParquetFile(bytes: bytes, name: "ok.parquet")
        #expect(file.schema.columns.first?.dottedPath == "i32")
        for index in 4..<12 { bytes[index] = 0xFF }
        let error = try #require(Self.readAll(bytes, name: "damaged.parquet"))
        #expect(error.message.contains("damaged.parquet"))
        #expect(error.message.contains("column 'i32'"))
        #expect(error.message.contains("row group 0"))
    }

    /// Flipping bytes all over a file (footer included) must only ever produce errors or values.
    @Test(arguments: ["codec-zstd-v2.parquet", "delta-v1.parquet", "codec-gzip-v1.parquet"])
    func flippedBytesNeverCrash(name: String) throws {
        let original = try Self.fixture(name)
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        for trial in 0..<120 {
            var bytes = original
            let position = trial < 60 ? Int.random(in: 0..<bytes.count, using: &generator)
                : bytes.count - 1 - Int.random(in: 0..<min(600, bytes.count), using: &generator)
            bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
            if let error = Self.readAll(bytes, name: name) {
                failures += 1
                #expect(error.message.contains(name))
            }
        }
        #expect(failures > 0)
    }

    @Test func notParquetAtAll() {
        let error = Self.readAll(Array("id,question\n1,what?\n".utf8) + [UInt8](repeating: 0, count: 20), name: "a.csv")
        #expect(error?.message.contains("does not start with PAR1") == true)
    }
}
