/// Decodes the DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY encodings.
enum DeltaDecoding {
    /// Decodes one DELTA_BINARY_PACKED run (all the values its header announces, at most `limit`), leaving the
    /// cursor after it.
    static func binaryPacked(_ cursor: inout ByteCursor, limit: Int) throws -> [Int64] {
        let blockSize = try cursor.readLength("a delta block size")
        let miniblockCount = try cursor.readLength("a delta miniblock count")
        let total = try cursor.readLength("a delta value count")
        var current = try cursor.readZigZag()
        guard blockSize > 0, blockSize % 128 == 0, miniblockCount > 0, blockSize % miniblockCount == 0,
              (blockSize / miniblockCount) % 32 == 0
        else { throw ParquetFailure("invalid DELTA_BINARY_PACKED block layout \(blockSize)/\(miniblockCount)") }
        guard total <= limit else {
            throw ParquetFailure("DELTA_BINARY_PACKED claims \(total) values in a page of \(limit)")
        }
        let miniblockSize = blockSize / miniblockCount
        var values: [Int64] = []
        values.reserveCapacity(total)
        if total > 0 { values.append(current) }
        while values.count < total {
            let minDelta = try cursor.readZigZag()
            let widths = try cursor.readBytes(miniblockCount, "delta miniblock bit widths")
            for width in widths where values.count < total {
                guard width <= 64 else { throw ParquetFailure("delta miniblock bit width \(width) exceeds 64") }
                let byteCount = miniblockSize * Int(width) / 8
                let range = try cursor.take(byteCount, "a delta miniblock")
                var reader = BitReader(ByteCursor(cursor.bytes, from: range.lowerBound, end: range.upperBound))
                for _ in 0..<min(miniblockSize, total - values.count) {
                    let delta = try reader.read(width: Int(width))
                    current = current &+ minDelta &+ Int64(bitPattern: delta)
                    values.append(current)
                }
            }
        }
        return values
    }

    /// Decodes `count` DELTA_BINARY_PACKED values into an INT32 or INT64 column.
    static func decodeIntegers(
        _ cursor: inout ByteCursor, count: Int, type: ParquetPhysicalType, into values: inout ParquetColumnValues
    ) throws {
        let decoded = try binaryPacked(&cursor, limit: count)
        guard decoded.count >= count else {
            throw ParquetFailure("DELTA_BINARY_PACKED holds \(decoded.count) values, the page needs \(count)")
        }
        switch type {
        case .int32: try values.modifyInt32s { $0 += decoded.prefix(count).map { Int32(truncatingIfNeeded: $0) } }
        case .int64: try values.modifyInt64s { $0 += decoded.prefix(count) }
        default: throw ParquetFailure("DELTA_BINARY_PACKED used for a \(type) column")
        }
    }

    /// Decodes `count` DELTA_LENGTH_BYTE_ARRAY values: all lengths (delta-packed), then all bytes.
    static func decodeLengthByteArrays(
        _ cursor: inout ByteCursor, count: Int, into values: inout ParquetColumnValues
    ) throws {
        let lengths = try binaryPacked(&cursor, limit: count)
        guard lengths.count >= count else {
            throw ParquetFailure("DELTA_LENGTH_BYTE_ARRAY holds \(lengths.count) lengths, the page needs \(count)")
        }
        try values.modifyByteArrays { out in
            out.reserve(values: count, bytes: cursor.remaining)
            for length in lengths.prefix(count) {
                guard length >= 0, length <= Int64(cursor.remaining) else {
                    throw ParquetFailure("a DELTA_LENGTH_BYTE_ARRAY length \(length) runs past the page")
                }
                let range = try cursor.take(Int(length), "a byte array")
                out.append(UnsafeRawBufferPointer(rebasing: cursor.bytes[range]))
            }
        }
    }

    /// Decodes `count` DELTA_BYTE_ARRAY values: prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; each
    /// value is the previous value's prefix followed by its suffix.
    static func decodeByteArrays(
        _ cursor: inout ByteCursor, count: Int, into values: inout ParquetColumnValues
    ) throws {
        let prefixes = try binaryPacked(&cursor, limit: count)
        var suffixes = ParquetColumnValues.byteArrays(ParquetByteArrays())
        try decodeLengthByteArrays(&cursor, count: count, into: &suffixes)
        guard prefixes.count >= count, case .byteArrays(let tails) = suffixes else {
            throw ParquetFailure("DELTA_BYTE_ARRAY holds \(prefixes.count) prefixes, the page needs \(count)")
        }
        try values.modifyByteArrays { out in
            var previous: [UInt8] = []
            for index in 0..<count {
                let prefix = prefixes[index]
                guard prefix >= 0, prefix <= Int64(previous.count) else {
                    throw ParquetFailure("a DELTA_BYTE_ARRAY prefix of \(prefix) exceeds the previous value")
                }
                previous.removeSubrange(Int(prefix)...)
                previous += tails[index]
                previous.withUnsafeBytes { out.append($0) }
            }
        }
    }
}
