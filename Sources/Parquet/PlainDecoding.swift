/// Decodes the PLAIN encoding (and BYTE_STREAM_SPLIT, its transposed variant for fixed-width values).
enum PlainDecoding {
    /// Decodes `count` PLAIN values of the column's physical type from `cursor` into `values`.
    ///
    /// - Parameter page: The array that `cursor` reads, when there is one; byte arrays may then keep it as their
    ///   storage instead of copying values out of it.
    static func decode(
        _ cursor: inout ByteCursor, count: Int, type: ParquetPhysicalType, typeLength: Int,
        into values: inout ParquetColumnValues, page: [UInt8]? = nil
    ) throws {
        switch type {
        case .boolean:
            let range = try cursor.take((count + 7) / 8, "\(count) PLAIN booleans")
            try values.modifyBooleans { out in
                out.reserveCapacity(out.count + count)
                for index in 0..<count {
                    out.append(cursor.bytes[range.lowerBound + index / 8] >> UInt8(index % 8) & 1 == 1)
                }
            }
        case .int32: try values.modifyInt32s { try fixed(&cursor, count, into: &$0) }
        case .int64: try values.modifyInt64s { try fixed(&cursor, count, into: &$0) }
        case .float: try values.modifyFloats { out in
            var bits: [UInt32] = []
            try fixed(&cursor, count, into: &bits)
            out += bits.map(Float.init(bitPattern:))
        }
        case .double: try values.modifyDoubles { out in
            var bits: [UInt64] = []
            try fixed(&cursor, count, into: &bits)
            out += bits.map(Double.init(bitPattern:))
        }
        case .int96, .fixedLenByteArray:
            let width = type == .int96 ? 12 : typeLength
            guard width > 0 else { throw ParquetFailure("FIXED_LEN_BYTE_ARRAY column has type length \(width)") }
            let range = try cursor.take(count * width, "\(count) values of \(width) bytes")
            try values.modifyByteArrays { out in
                out.reserve(values: count, bytes: count * width)
                for index in 0..<count {
                    let start = range.lowerBound + index * width
                    out.append(UnsafeRawBufferPointer(rebasing: cursor.bytes[start..<(start + width)]))
                }
            }
        case .byteArray:
            try values.modifyByteArrays { out in
                // A page decoded into an empty column becomes its storage: values are addressed in place.
                if out.isEmpty, let page {
                    var ranges: [Range<Int>] = []
                    ranges.reserveCapacity(count)
                    for _ in 0..<count {
                        let length = try cursor.readLittleEndian(UInt32.self)
                        ranges.append(try cursor.take(Int(length), "a BYTE_ARRAY value of \(length) bytes"))
                    }
                    out.adopt(page, ranges: ranges)
                    return
                }
                out.reserve(values: count, bytes: cursor.remaining)
                for _ in 0..<count {
                    let length = try cursor.readLittleEndian(UInt32.self)
                    let range = try cursor.take(Int(length), "a BYTE_ARRAY value of \(length) bytes")
                    out.append(UnsafeRawBufferPointer(rebasing: cursor.bytes[range]))
                }
            }
        }
    }

    private static func fixed<T: FixedWidthInteger>(_ cursor: inout ByteCursor, _ count: Int, into out: inout [T]) throws {
        let size = MemoryLayout<T>.size
        let range = try cursor.take(count * size, "\(count) values of \(size) bytes")
        let base = cursor.bytes
        out.reserveCapacity(out.count + count)
        for index in 0..<count {
            out.append(T(littleEndian: base.loadUnaligned(fromByteOffset: range.lowerBound + index * size, as: T.self)))
        }
    }

    /// Decodes `count` BYTE_STREAM_SPLIT values: byte `k` of every value is stored in stream `k`.
    static func decodeByteStreamSplit(
        _ cursor: inout ByteCursor, count: Int, type: ParquetPhysicalType, typeLength: Int,
        into values: inout ParquetColumnValues
    ) throws {
        let width: Int
        switch type {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .fixedLenByteArray: width = typeLength
        default: throw ParquetFailure.unsupported("BYTE_STREAM_SPLIT for \(type) columns")
        }
        guard width > 0 else { throw ParquetFailure("FIXED_LEN_BYTE_ARRAY column has type length \(width)") }
        let range = try cursor.take(count * width, "\(count) BYTE_STREAM_SPLIT values")
        var interleaved = [UInt8](repeating: 0, count: count * width)
        for index in 0..<count {
            for byte in 0..<width {
                interleaved[index * width + byte] = cursor.bytes[range.lowerBound + byte * count + index]
            }
        }
        try interleaved.withUnsafeBytes { buffer in
            var plain = ByteCursor(buffer)
            try decode(&plain, count: count, type: type, typeLength: typeLength, into: &values)
        }
    }
}
