/// The kinds of pages in a column chunk.
enum PageType: Int32, Sendable {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// Parquet's value and level encodings.
enum ParquetEncoding: Int32, Sendable, CustomStringConvertible {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

    var description: String {
        switch self {
        case .plain: "PLAIN"
        case .plainDictionary: "PLAIN_DICTIONARY"
        case .rle: "RLE"
        case .bitPacked: "BIT_PACKED"
        case .deltaBinaryPacked: "DELTA_BINARY_PACKED"
        case .deltaLengthByteArray: "DELTA_LENGTH_BYTE_ARRAY"
        case .deltaByteArray: "DELTA_BYTE_ARRAY"
        case .rleDictionary: "RLE_DICTIONARY"
        case .byteStreamSplit: "BYTE_STREAM_SPLIT"
        }
    }

    static func decode(_ raw: Int32) throws -> ParquetEncoding {
        guard let encoding = ParquetEncoding(rawValue: raw) else {
            throw ParquetFailure.unsupported("unknown encoding \(raw)")
        }
        return encoding
    }
}

/// A decoded page header (Thrift `PageHeader` with its data, dictionary or v2 sub-header).
struct PageHeader: Sendable {
    var type: PageType = .dataPage
    var uncompressedSize = 0
    var compressedSize = 0
    /// Values in the page, nulls included (data pages) or dictionary entries (dictionary pages).
    var valueCount = 0
    var encoding: ParquetEncoding = .plain
    var definitionLevelEncoding: ParquetEncoding = .rle
    var repetitionLevelEncoding: ParquetEncoding = .rle
    /// Data page v2 only: byte lengths of the (never compressed) level sections and whether values are compressed.
    var definitionLevelsLength = 0
    var repetitionLevelsLength = 0
    var isCompressed = true
}

extension PageHeader {
    /// Decodes a page header at the cursor, leaving the cursor at the page body.
    init(cursor: inout ByteCursor) throws {
        var reader = ThriftCompactReader(cursor)
        var header = PageHeader()
        var rawType: Int32 = -1
        try reader.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): rawType = try r.readInt32(type)
            case (2, _): header.uncompressedSize = try Self.size(r.readInt32(type), "uncompressed page size")
            case (3, _): header.compressedSize = try Self.size(r.readInt32(type), "compressed page size")
            case (5, .structure), (7, .structure), (8, .structure):
                try header.readSubHeader(&r, v2: id == 8, dictionary: id == 7)
            default: try r.skip(type)
            }
        }
        guard let pageType = PageType(rawValue: rawType) else {
            throw ParquetFailure("unknown page type \(rawType) in a page header")
        }
        header.type = pageType
        cursor = reader.cursor
        self = header
    }

    private static func size(_ raw: Int32, _ what: String) throws -> Int {
        guard raw >= 0 else { throw ParquetFailure("negative \(what) in a page header") }
        return Int(raw)
    }

    private mutating func readSubHeader(_ r: inout ThriftCompactReader, v2: Bool, dictionary: Bool) throws {
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): valueCount = try Self.size(r.readInt32(type), "value count")
            case (2, _) where !v2, (4, _) where v2: encoding = try ParquetEncoding.decode(r.readInt32(type))
            case (3, _) where !v2 && !dictionary: definitionLevelEncoding = try ParquetEncoding.decode(r.readInt32(type))
            case (4, _) where !v2 && !dictionary: repetitionLevelEncoding = try ParquetEncoding.decode(r.readInt32(type))
            case (5, _) where v2: definitionLevelsLength = try Self.size(r.readInt32(type), "level length")
            case (6, _) where v2: repetitionLevelsLength = try Self.size(r.readInt32(type), "level length")
            case (7, _) where v2: isCompressed = try r.readBool(type)
            default: try r.skip(type)
            }
        }
    }
}
