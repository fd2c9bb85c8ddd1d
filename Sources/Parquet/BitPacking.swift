/// Reads values packed least-significant-bit first, as Parquet's bit-packed runs and delta miniblocks store them.
struct BitReader {
    private var cursor: ByteCursor
    private var accumulator: UInt64 = 0
    private var bitsHeld = 0

    /// Creates a reader over exactly the bytes of one packed run.
    init(_ cursor: ByteCursor) {
        self.cursor = cursor
    }

    /// Reads one value of `width` bits (0…64).
    @inline(__always)
    mutating func read(width: Int) throws -> UInt64 {
        if width <= 32 { return try readSmall(width) }
        let low = try readSmall(32)
        let high = try readSmall(width - 32)
        return low | (high << 32)
    }

    @inline(__always)
    private mutating func readSmall(_ width: Int) throws -> UInt64 {
        while bitsHeld < width {
            accumulator |= UInt64(try cursor.readByte()) << UInt64(bitsHeld)
            bitsHeld += 8
        }
        let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        let value = accumulator & mask
        accumulator = width == 64 ? 0 : accumulator >> UInt64(width)
        bitsHeld -= width
        return value
    }
}

/// Decodes Parquet's RLE/bit-packed hybrid encoding (definition and repetition levels, dictionary indices,
/// RLE booleans).
enum RLEHybrid {
    /// Decodes `count` values of `bitWidth` bits from the runs in `cursor`, appending them to `output`.
    ///
    /// - Throws: ``ParquetFailure`` when a run is truncated or a width is invalid.
    static func decode(
        _ cursor: inout ByteCursor, count: Int, bitWidth: Int, into output: inout [Int32]
    ) throws {
        guard (0...32).contains(bitWidth) else { throw ParquetFailure("RLE bit width \(bitWidth) is not in 0…32") }
        output.reserveCapacity(output.count + count)
        var left = count
        let valueBytes = (bitWidth + 7) / 8
        while left > 0 {
            let header = try cursor.readVarint()
            if header & 1 == 0 {
                guard header >> 1 <= UInt64(Int32.max) else { throw ParquetFailure("an RLE run is too long") }
                let runLength = Int(header >> 1)
                guard runLength > 0 else { throw ParquetFailure("an RLE run has length zero") }
                var value: UInt32 = 0
                for index in 0..<valueBytes {
                    value |= UInt32(try cursor.readByte()) << UInt32(8 * index)
                }
                let take = min(runLength, left)
                output.append(contentsOf: repeatElement(Int32(bitPattern: value), count: take))
                left -= take
            } else {
                guard header >> 1 <= UInt64(1 << 24) else { throw ParquetFailure("a bit-packed run is too long") }
                let groups = Int(header >> 1)
                let byteCount = groups * bitWidth
                let range = try cursor.take(byteCount, "a bit-packed run")
                var reader = BitReader(ByteCursor(cursor.bytes, from: range.lowerBound, end: range.upperBound))
                let take = min(groups * 8, left)
                for _ in 0..<take {
                    output.append(Int32(truncatingIfNeeded: try reader.read(width: bitWidth)))
                }
                left -= take
            }
        }
    }

    /// The number of bits needed to store values up to `maximum`.
    static func bitWidth(_ maximum: Int) -> Int {
        maximum <= 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount
    }
}
