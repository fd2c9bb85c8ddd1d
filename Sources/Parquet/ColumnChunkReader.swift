/// Decodes every page of one column chunk into levels and values.
struct ColumnChunkReader {
    /// No page may hold more values than this: real writers stay far below it (pyarrow and parquet-mr cut pages
    /// at 20,000 rows), and the cap keeps a corrupt header from making the reader allocate gigabytes.
    static let maximumPageValues = 1 << 24

    let descriptor: ParquetColumnDescriptor
    let metadata: ColumnChunkMetadata
    let codec: CompressionCodec

    init(descriptor: ParquetColumnDescriptor, metadata: ColumnChunkMetadata) throws {
        self.descriptor = descriptor
        self.metadata = metadata
        self.codec = try CompressionCodec.decode(metadata.codec)
        guard metadata.type == descriptor.physicalType else {
            throw ParquetFailure("the chunk's type \(metadata.type) differs from the schema's \(descriptor.physicalType)")
        }
    }

    /// Decodes the chunk's bytes (all its pages, headers included).
    func decode(_ bytes: UnsafeRawBufferPointer) throws -> ParquetColumnChunk {
        var chunk = ParquetColumnChunk(descriptor: descriptor)
        var dictionary: ParquetColumnValues?
        var cursor = ByteCursor(bytes)
        var valuesSeen = 0
        while valuesSeen < metadata.valueCount && cursor.remaining > 0 {
            let header = try PageHeader(cursor: &cursor)
            let body = try cursor.take(header.compressedSize, "a page body of \(header.compressedSize) bytes")
            let raw = UnsafeRawBufferPointer(rebasing: bytes[body])
            guard header.valueCount <= Self.maximumPageValues else {
                throw ParquetFailure.unsupported("a page with \(header.valueCount) values (limit \(Self.maximumPageValues))")
            }
            switch header.type {
            case .dictionaryPage:
                guard dictionary == nil else { throw ParquetFailure("the chunk has two dictionary pages") }
                var values = ParquetColumnValues(empty: descriptor.physicalType)
                try codec.withDecompressed(raw, size: header.uncompressedSize) { buffer, page in
                    var pageCursor = ByteCursor(buffer)
                    try PlainDecoding.decode(
                        &pageCursor, count: header.valueCount, type: descriptor.physicalType,
                        typeLength: descriptor.typeLength, into: &values, page: page)
                }
                dictionary = values
            case .dataPage:
                try codec.withDecompressed(raw, size: header.uncompressedSize) { buffer, page in
                    var pageCursor = ByteCursor(buffer)
                    try decodeV1(header, &pageCursor, page: page, dictionary: dictionary, into: &chunk)
                }
                valuesSeen += header.valueCount
            case .dataPageV2:
                try decodeV2(header, raw, dictionary: dictionary, into: &chunk)
                valuesSeen += header.valueCount
            case .indexPage:
                continue
            }
        }
        guard valuesSeen == metadata.valueCount else {
            throw ParquetFailure("the chunk holds \(valuesSeen) values but its metadata says \(metadata.valueCount)")
        }
        return chunk
    }

    private func decodeV1(
        _ header: PageHeader, _ cursor: inout ByteCursor, page: [UInt8]?, dictionary: ParquetColumnValues?,
        into chunk: inout ParquetColumnChunk
    ) throws {
        let count = header.valueCount
        if descriptor.maxRepetitionLevel > 0 {
            try readLevelsV1(&cursor, header.repetitionLevelEncoding, count, descriptor.maxRepetitionLevel,
                             into: &chunk.repetitionLevels)
        }
        var present = count
        if descriptor.maxDefinitionLevel > 0 {
            let start = chunk.definitionLevels.count
            try readLevelsV1(&cursor, header.definitionLevelEncoding, count, descriptor.maxDefinitionLevel,
                             into: &chunk.definitionLevels)
            let maxLevel = UInt8(descriptor.maxDefinitionLevel)
            present = chunk.definitionLevels[start...].reduce(0) { $0 + ($1 == maxLevel ? 1 : 0) }
        }
        try decodeValues(header.encoding, &cursor, count: present, page: page, dictionary: dictionary, into: &chunk.values)
    }

    private func readLevelsV1(
        _ cursor: inout ByteCursor, _ encoding: ParquetEncoding, _ count: Int, _ maximum: Int,
        into levels: inout [UInt8]
    ) throws {
        guard encoding == .rle else { throw ParquetFailure.unsupported("\(encoding) levels in a v1 data page") }
        let length = Int(try cursor.readLittleEndian(UInt32.self))
        let range = try cursor.take(length, "levels of \(length) bytes")
        var levelCursor = ByteCursor(cursor.bytes, from: range.lowerBound, end: range.upperBound)
        try Self.appendLevels(&levelCursor, count, maximum, into: &levels)
    }

    static func appendLevels(_ cursor: inout ByteCursor, _ count: Int, _ maximum: Int, into levels: inout [UInt8]) throws {
        var decoded: [Int32] = []
        try RLEHybrid.decode(&cursor, count: count, bitWidth: RLEHybrid.bitWidth(maximum), into: &decoded)
        levels.reserveCapacity(levels.count + count)
        for level in decoded {
            guard level >= 0, level <= maximum else { throw ParquetFailure("level \(level) exceeds the maximum \(maximum)") }
            levels.append(UInt8(level))
        }
    }

    private func decodeV2(
        _ header: PageHeader, _ raw: UnsafeRawBufferPointer, dictionary: ParquetColumnValues?,
        into chunk: inout ParquetColumnChunk
    ) throws {
        let count = header.valueCount
        var cursor = ByteCursor(raw)
        let repetition = try cursor.take(header.repetitionLevelsLength, "repetition levels")
        let definition = try cursor.take(header.definitionLevelsLength, "definition levels")
        if descriptor.maxRepetitionLevel > 0 {
            var levels = ByteCursor(raw, from: repetition.lowerBound, end: repetition.upperBound)
            try Self.appendLevels(&levels, count, descriptor.maxRepetitionLevel, into: &chunk.repetitionLevels)
        }
        var present = count
        if descriptor.maxDefinitionLevel > 0 {
            let start = chunk.definitionLevels.count
            var levels = ByteCursor(raw, from: definition.lowerBound, end: definition.upperBound)
            try Self.appendLevels(&levels, count, descriptor.maxDefinitionLevel, into: &chunk.definitionLevels)
            let maxLevel = UInt8(descriptor.maxDefinitionLevel)
            present = chunk.definitionLevels[start...].reduce(0) { $0 + ($1 == maxLevel ? 1 : 0) }
        }
        let valuesBytes = UnsafeRawBufferPointer(rebasing: raw[cursor.position...])
        let levelsLength = header.repetitionLevelsLength + header.definitionLevelsLength
        let valuesCodec = header.isCompressed ? codec : .uncompressed
        let valuesSize = valuesCodec == .uncompressed ? valuesBytes.count : header.uncompressedSize - levelsLength
        try valuesCodec.withDecompressed(valuesBytes, size: valuesSize) { buffer, page in
            var valueCursor = ByteCursor(buffer)
            try decodeValues(
                header.encoding, &valueCursor, count: present, page: page, dictionary: dictionary, into: &chunk.values)
        }
    }

    private func decodeValues(
        _ encoding: ParquetEncoding, _ cursor: inout ByteCursor, count: Int, page: [UInt8]?,
        dictionary: ParquetColumnValues?, into values: inout ParquetColumnValues
    ) throws {
        let type = descriptor.physicalType
        switch encoding {
        case .plain:
            try PlainDecoding.decode(
                &cursor, count: count, type: type, typeLength: descriptor.typeLength, into: &values, page: page)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw ParquetFailure("a dictionary-encoded page comes without a dictionary page") }
            var indices: [Int32] = []
            if count > 0 {
                let width = Int(try cursor.readByte())
                try RLEHybrid.decode(&cursor, count: count, bitWidth: width, into: &indices)
            }
            try values.appendGathering(indices, from: dictionary)
        case .rle:
            guard type == .boolean else { throw ParquetFailure.unsupported("RLE values for a \(type) column") }
            let length = Int(try cursor.readLittleEndian(UInt32.self))
            let range = try cursor.take(length, "RLE booleans")
            var runs = ByteCursor(cursor.bytes, from: range.lowerBound, end: range.upperBound)
            var bits: [Int32] = []
            try RLEHybrid.decode(&runs, count: count, bitWidth: 1, into: &bits)
            try values.modifyBooleans { $0 += bits.map { $0 != 0 } }
        case .deltaBinaryPacked:
            try DeltaDecoding.decodeIntegers(&cursor, count: count, type: type, into: &values)
        case .deltaLengthByteArray:
            guard type == .byteArray else { throw ParquetFailure("\(encoding) used for a \(type) column") }
            try DeltaDecoding.decodeLengthByteArrays(&cursor, count: count, into: &values)
        case .deltaByteArray:
            guard type == .byteArray || type == .fixedLenByteArray else {
                throw ParquetFailure("\(encoding) used for a \(type) column")
            }
            try DeltaDecoding.decodeByteArrays(&cursor, count: count, into: &values)
        case .byteStreamSplit:
            try PlainDecoding.decodeByteStreamSplit(
                &cursor, count: count, type: type, typeLength: descriptor.typeLength, into: &values)
        case .bitPacked:
            throw ParquetFailure.unsupported("\(encoding) values")
        }
    }
}
