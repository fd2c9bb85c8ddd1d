import Foundation
import ProctorCore

/// A Parquet file opened for reading.
///
/// Opening reads only the footer (schema, row groups, column chunk locations). Column chunks are read from disk
/// when a row group or column is asked for, so a caller that needs a few columns of one row group reads only
/// those bytes. Every read is bounds-checked: a corrupt or truncated file throws a ``ProctorCore/ProctorError``
/// naming the file, the row group and the column, never crashes.
///
/// ```swift
/// let file = try ParquetFile(path: "Accounting/validation-00000-of-00001.parquet")
/// for row in try file.readRows(rowGroup: 0, columns: ["id", "image_1"]) {
///     let id = row["id"]?.stringValue
///     let png = row["image_1"]?["bytes"]?.bytesValue
/// }
/// ```
public final class ParquetFile: Sendable {
    /// The name used in error messages (the path, or the name given for in-memory bytes).
    public let name: String
    /// The schema: top-level fields and leaf columns.
    public let schema: ParquetSchema
    /// The key/value metadata of the footer (pyarrow's `ARROW:schema`, the hub's `huggingface` features, …).
    public let keyValueMetadata: [String: String]
    /// The writer that produced the file (`parquet-cpp-arrow version 14.0.1`).
    public let createdBy: String?
    let metadata: FileMetadata
    let source: ParquetSource

    private static let magic: [UInt8] = Array("PAR1".utf8)

    /// Opens the file at `path` and reads its footer.
    ///
    /// - Parameter path: A file system path.
    /// - Throws: ``ProctorCore/ProctorError`` (`.notFound` if the file is missing, `.invalidInput` if it is not a
    ///   valid Parquet file, `.unsupported` for encrypted files or unsupported codecs).
    public convenience init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ProctorError(.notFound, "Parquet file \(path) does not exist. Check the path or fetch the data.")
        }
        let source = try ProctorError.naming(file: path) { try ParquetSource(path: path) }
        try self.init(source: source, name: path)
    }

    /// Reads a Parquet file held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - name: A name for error messages.
    /// - Throws: ``ProctorCore/ProctorError`` when the bytes are not a valid Parquet file.
    public convenience init(bytes: [UInt8], name: String) throws {
        try self.init(source: ParquetSource(bytes: bytes), name: name)
    }

    private init(source: ParquetSource, name: String) throws {
        self.name = name
        self.source = source
        let metadata = try ProctorError.naming(file: name) { () throws -> FileMetadata in
            guard source.size >= 12 else { throw ParquetFailure("the file is only \(source.size) bytes long") }
            let head = try source.read(offset: 0, count: 4, "the leading magic")
            let tail = try source.read(offset: Int64(source.size - 8), count: 8, "the footer length and magic")
            guard head == Self.magic else { throw ParquetFailure("it does not start with PAR1") }
            guard Array(tail[4...]) == Self.magic else {
                if Array(tail[4...]) == Array("PARE".utf8) { throw ParquetFailure.unsupported("the file is encrypted") }
                throw ParquetFailure("it does not end with PAR1 (truncated download?)")
            }
            let length = Int64(tail[0]) | Int64(tail[1]) << 8 | Int64(tail[2]) << 16 | Int64(tail[3]) << 24
            guard length <= Int64(source.size - 12) else {
                throw ParquetFailure("the footer claims \(length) bytes in a \(source.size)-byte file")
            }
            let footer = try source.read(offset: Int64(source.size - 8) - length, count: length, "the footer")
            return try footer.withUnsafeBytes { try FileMetadata(thrift: $0) }
        }
        self.metadata = metadata
        self.schema = try ProctorError.naming(file: name) {
            let schema = try ParquetSchema(elements: metadata.schema)
            guard !schema.columns.isEmpty else { throw ParquetFailure("the schema has no columns") }
            guard metadata.rowCount >= 0, metadata.rowGroups.allSatisfy({ $0.rowCount >= 0 }),
                  metadata.rowGroups.reduce(0, { $0 &+ $1.rowCount }) == metadata.rowCount
            else { throw ParquetFailure("the row counts of the footer and its row groups disagree") }
            for (index, group) in metadata.rowGroups.enumerated() where group.columns.count != schema.columns.count {
                throw ParquetFailure("row group \(index) has \(group.columns.count) column chunks, the schema \(schema.columns.count) columns")
            }
            return schema
        }
        self.keyValueMetadata = Dictionary(metadata.keyValues, uniquingKeysWith: { _, last in last })
        self.createdBy = metadata.createdBy
    }

    /// The total number of rows.
    public var rowCount: Int { Int(metadata.rowCount) }

    /// The number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// The number of rows in row group `index`.
    public func rowCount(rowGroup index: Int) -> Int {
        metadata.rowGroups.indices.contains(index) ? Int(metadata.rowGroups[index].rowCount) : 0
    }

    /// Reads and decodes one leaf column of one row group.
    ///
    /// - Parameters:
    ///   - dottedPath: The column's dotted path (`"id"`, `"image_1.bytes"`, `"prompt.list.element.content"`).
    ///   - rowGroup: The row group index.
    /// - Returns: The column's values and levels.
    /// - Throws: ``ProctorCore/ProctorError`` naming the file, row group and column.
    public func readColumn(_ dottedPath: String, rowGroup: Int) throws -> ParquetColumnChunk {
        guard let index = schema.columns.firstIndex(where: { $0.dottedPath == dottedPath }) else {
            let known = schema.columns.map(\.dottedPath).joined(separator: ", ")
            throw ProctorError(.invalidArgument, "Parquet file \(name) has no column '\(dottedPath)' (columns: \(known)).")
        }
        return try readColumn(index: index, rowGroup: rowGroup)
    }

    func readColumn(index: Int, rowGroup: Int) throws -> ParquetColumnChunk {
        guard metadata.rowGroups.indices.contains(rowGroup) else {
            throw ProctorError(.invalidArgument, "Parquet file \(name) has \(rowGroupCount) row groups, not \(rowGroup + 1).")
        }
        let descriptor = schema.columns[index]
        return try ProctorError.naming(file: name, column: descriptor.dottedPath, rowGroup: rowGroup) {
            let chunk = metadata.rowGroups[rowGroup].columns[index]
            if let external = chunk.externalFile {
                throw ParquetFailure.unsupported("column data stored in another file (\(external))")
            }
            var start = chunk.dataPageOffset
            if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
            let reader = try ColumnChunkReader(descriptor: descriptor, metadata: chunk)
            return try source.withBytes(offset: start, count: chunk.totalCompressedSize, "the column chunk") {
                try reader.decode($0)
            }
        }
    }
}
