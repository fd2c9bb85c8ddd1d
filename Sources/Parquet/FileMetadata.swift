/// Parquet's physical storage types.
public enum ParquetPhysicalType: Int32, Sendable, Hashable, CaseIterable {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

/// How often a schema field occurs in its parent.
public enum ParquetRepetition: Int32, Sendable, Hashable {
    case required = 0, optional = 1, repeated = 2
}

/// One node of the flattened schema in the file footer (Thrift `SchemaElement`).
struct SchemaElement: Sendable {
    var type: ParquetPhysicalType?
    var typeLength: Int32 = 0
    var repetition: ParquetRepetition = .required
    var name = ""
    var childCount: Int = 0
    var convertedType: Int32?
    /// The field id set in the `LogicalType` union (1 STRING, 2 MAP, 3 LIST, …), if any.
    var logicalType: Int16?
}

/// The metadata of one column chunk (Thrift `ColumnChunk` + `ColumnMetaData`).
struct ColumnChunkMetadata: Sendable {
    var type: ParquetPhysicalType = .boolean
    var path: [String] = []
    var codec: Int32 = 0
    var valueCount: Int64 = 0
    var totalCompressedSize: Int64 = 0
    var dataPageOffset: Int64 = 0
    var dictionaryPageOffset: Int64?
    var externalFile: String?
}

/// The metadata of one row group (Thrift `RowGroup`).
struct RowGroupMetadata: Sendable {
    var columns: [ColumnChunkMetadata] = []
    var rowCount: Int64 = 0
}

/// The decoded file footer (Thrift `FileMetaData`).
struct FileMetadata: Sendable {
    var version: Int32 = 0
    var schema: [SchemaElement] = []
    var rowCount: Int64 = 0
    var rowGroups: [RowGroupMetadata] = []
    var keyValues: [(String, String)] = []
    var createdBy: String?
}

extension FileMetadata {
    /// Decodes the footer from its Thrift compact bytes.
    init(thrift bytes: UnsafeRawBufferPointer) throws {
        var reader = ThriftCompactReader(ByteCursor(bytes))
        var metadata = FileMetadata()
        try reader.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): metadata.version = try r.readInt32(type)
            case (2, .list): metadata.schema = try r.readStructs { r in try SchemaElement(reader: &r) }
            case (3, _): metadata.rowCount = try r.readInt(type)
            case (4, .list): metadata.rowGroups = try r.readStructs { r in try RowGroupMetadata(reader: &r) }
            case (5, .list):
                metadata.keyValues = try r.readStructs { r in
                    var key = "", value = ""
                    try r.readStruct { r, id, type in
                        switch (id, type) {
                        case (1, .binary): key = try r.readString(type)
                        case (2, .binary): value = try r.readString(type)
                        default: try r.skip(type)
                        }
                    }
                    return (key, value)
                }
            case (6, .binary): metadata.createdBy = try r.readString(type)
            case (8, _): throw ParquetFailure.unsupported("the file is encrypted")
            default: try r.skip(type)
            }
        }
        self = metadata
    }
}

extension SchemaElement {
    init(reader r: inout ThriftCompactReader) throws {
        var element = SchemaElement()
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): element.type = try r.readEnum(type, "physical type")
            case (2, _): element.typeLength = try r.readInt32(type)
            case (3, _): element.repetition = try r.readEnum(type, "repetition type")
            case (4, .binary): element.name = try r.readString(type)
            case (5, _):
                let count = try r.readInt32(type)
                guard count >= 0 else { throw ParquetFailure("negative child count in the schema") }
                element.childCount = Int(count)
            case (6, _): element.convertedType = try r.readInt32(type)
            case (10, .structure):
                try r.readStruct { r, id, type in
                    element.logicalType = id
                    try r.skip(type)
                }
            default: try r.skip(type)
            }
        }
        self = element
    }
}

extension RowGroupMetadata {
    init(reader r: inout ThriftCompactReader) throws {
        var group = RowGroupMetadata()
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, .list): group.columns = try r.readStructs { r in try ColumnChunkMetadata(reader: &r) }
            case (3, _): group.rowCount = try r.readInt(type)
            default: try r.skip(type)
            }
        }
        self = group
    }
}

extension ColumnChunkMetadata {
    init(reader r: inout ThriftCompactReader) throws {
        var chunk = ColumnChunkMetadata()
        var sawMetadata = false
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, .binary): chunk.externalFile = try r.readString(type)
            case (3, .structure):
                sawMetadata = true
                try chunk.readColumnMetadata(&r)
            default: try r.skip(type)
            }
        }
        guard sawMetadata else { throw ParquetFailure("a column chunk has no metadata (encrypted or corrupt footer)") }
        self = chunk
    }

    private mutating func readColumnMetadata(_ r: inout ThriftCompactReader) throws {
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): self.type = try r.readEnum(type, "physical type")
            case (3, .list): self.path = try r.readList { r, t in try r.readString(t) }
            case (4, _): self.codec = try r.readInt32(type)
            case (5, _): self.valueCount = try r.readInt(type)
            case (7, _): self.totalCompressedSize = try r.readInt(type)
            case (9, _): self.dataPageOffset = try r.readInt(type)
            case (11, _): self.dictionaryPageOffset = try r.readInt(type)
            default: try r.skip(type)
            }
        }
    }
}
