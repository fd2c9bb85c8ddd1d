@testable import Parquet
import Testing

/// The low-level decoders on the worked examples of the Parquet format specification (Encodings.md).
@Suite struct DecoderTests {
    static func decodeRLE(_ bytes: [UInt8], count: Int, width: Int) throws -> [Int32] {
        try bytes.withUnsafeBytes { buffer in
            var cursor = ByteCursor(buffer)
            var output: [Int32] = []
            try RLEHybrid.decode(&cursor, count: count, bitWidth: width, into: &output)
            return output
        }
    }

    static func decodeDelta(_ bytes: [UInt8], limit: Int = 1000) throws -> ([Int64], Int) {
        try bytes.withUnsafeBytes { buffer in
            var cursor = ByteCursor(buffer)
            let values = try DeltaDecoding.binaryPacked(&cursor, limit: limit)
            return (values, cursor.position)
        }
    }

    @Test func bitPackedRunFromTheSpec() throws {
        // 0…7 with bit width 3: one group of 8 values, header (1 << 1) | 1.
        #expect(try Self.decodeRLE([0x03, 0x88, 0xC6, 0xFA], count: 8, width: 3) == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func rleRunsAndMixedRuns() throws {
        // A run of 5 × 1 (header 5 << 1, one value byte), then one bit-packed group of width 1.
        #expect(try Self.decodeRLE([0x0A, 0x01, 0x03, 0b1010_0101], count: 13, width: 1)
                == [1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1])
    }

    @Test func truncatedRunsThrow() {
        #expect(throws: ParquetFailure.self) { try Self.decodeRLE([0x03, 0x88], count: 8, width: 3) }
        #expect(throws: ParquetFailure.self) { try Self.decodeRLE([0x0A], count: 5, width: 8) }
        #expect(throws: ParquetFailure.self) { try Self.decodeRLE([0x03], count: 8, width: 33) }
    }

    @Test func deltaBinaryPackedExampleOne() throws {
        // 1, 2, 3, 4, 5: block size 128, 4 miniblocks, 5 values, first value 1, min delta 1, widths 0.
        let (values, end) = try Self.decodeDelta([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0])
        #expect(values == [1, 2, 3, 4, 5])
        #expect(end == 10)
    }

    @Test func deltaBinaryPackedExampleTwo() throws {
        // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative deltas 0,0,0,3,3,3,3 in one 2-bit miniblock of 32.
        let bytes: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0]
        let (values, end) = try Self.decodeDelta(bytes)
        #expect(values == [7, 5, 3, 1, 2, 3, 4, 5])
        #expect(end == bytes.count)
    }

    @Test func deltaBinaryPackedRejectsBadHeaders() {
        #expect(throws: ParquetFailure.self) { try Self.decodeDelta([0x80, 0x01, 0x03, 0x05, 0x02]) }
        #expect(throws: ParquetFailure.self) { try Self.decodeDelta([0x80, 0x01, 0x04, 0x05, 0x02], limit: 3) }
        #expect(throws: ParquetFailure.self) { try Self.decodeDelta([0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2]) }
    }

    @Test func thriftSkipsUnknownFieldsAndRejectsGarbage() throws {
        // struct { 1: i32 = 3, 7: binary "hi" (unknown here), 2: list<i32> [1, 2] (long-form field id) } stop.
        let bytes: [UInt8] = [0x15, 0x06, 0x68, 0x02, 0x68, 0x69, 0x09, 0x04, 0x25, 0x02, 0x04, 0x00]
        var first: Int32 = 0
        var list: [Int64] = []
        try bytes.withUnsafeBytes { buffer in
            var reader = ThriftCompactReader(ByteCursor(buffer))
            try reader.readStruct { r, id, type in
                switch id {
                case 1: first = try r.readInt32(type)
                case 2: list = try r.readList { r, t in try r.readInt(t) }
                default: try r.skip(type)
                }
            }
        }
        #expect(first == 3)
        #expect(list == [1, 2])
        #expect(throws: ParquetFailure.self) {
            try [UInt8]([0x15, 0x06, 0x19]).withUnsafeBytes { buffer in
                var reader = ThriftCompactReader(ByteCursor(buffer))
                try reader.readStruct { r, _, type in try r.skip(type) }
            }
        }
    }
}
