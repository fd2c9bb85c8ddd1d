import Foundation
import Parquet
import ProctorCore

/// Finding and reading a Hugging Face dataset's Parquet files in a data root.
public enum HubParquet {
    /// The Parquet files under `root` whose relative path satisfies `matches`, sorted by path (shards in order).
    ///
    /// - Parameters:
    ///   - root: A data root (usually a hub snapshot).
    ///   - matches: A test on the path relative to the root (`data/testmini-00000-of-00001-….parquet`).
    /// - Returns: The files.
    public static func files(in root: DataRoot, where matches: (String) -> Bool) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.url.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".parquet"), matches(path) { paths.append(path) }
        }
        return paths.sorted().map(root.file)
    }

    /// The files of a split in the hub's usual layouts: `data/<split>-*.parquet`, `<split>-*.parquet`,
    /// `<config>/<split>-*.parquet` (`config` nil: none).
    public static func splitFiles(in root: DataRoot, config: String? = nil, split: String) -> [URL] {
        files(in: root) { path in
            let parts = path.split(separator: "/").map(String.init)
            guard let name = parts.last, name.hasPrefix("\(split)-") || name == "\(split).parquet" else { return false }
            let folders = parts.dropLast()
            if let config { return folders.contains(config) }
            return folders.isEmpty || folders == ["data"]
        }
    }

    /// Calls `body` with every row of `files`, in order.
    ///
    /// - Parameters:
    ///   - files: Parquet files.
    ///   - columns: The top-level fields to read (nil: all).
    ///   - body: Called with each file and row.
    /// - Throws: The reader's `ProctorError` naming the file, or what `body` throws.
    public static func forEachRow(_ files: [URL], columns: [String]? = nil, _ body: (URL, ParquetRow) throws -> Void) throws {
        for file in files {
            let parquet = try ParquetFile(path: file.path)
            let available = columns?.filter { name in parquet.schema.fields.contains { $0.name == name } }
            try parquet.forEachRow(columns: available) { try body(file, $0) }
        }
    }

    /// The number of rows of `files` (footers only).
    public static func rowCount(_ files: [URL]) -> Int {
        files.reduce(0) { $0 + ((try? ParquetFile(path: $1.path).rowCount) ?? 0) }
    }

    /// The number of non-null values of a leaf column (`decoded_image.bytes`) in `files`.
    public static func nonNullCount(_ files: [URL], column: String) -> Int {
        files.reduce(0) { count, file in
            count + ((try? ParquetFile(path: file.path).readColumnValues(column)) ?? []).filter { !$0.isNull }.count
        }
    }

    /// The number of images in a Hugging Face `Image` column (a struct of `bytes` and `path`): counted on the small
    /// `path` column when it is filled in, else on `bytes` (which reads the images).
    public static func imageCount(_ files: [URL], column: String) -> Int {
        let paths = nonNullCount(files, column: "\(column).path")
        return paths > 0 ? paths : nonNullCount(files, column: "\(column).bytes")
    }

    /// What a split stored as Parquet shards holds: rows, and images in its `Image` column.
    public static func availability(_ root: DataRoot, files: [URL], imageColumn: String) -> DataAvailability {
        DataAvailability(source: root.description, items: rowCount(files), images: imageCount(files, column: imageColumn))
    }

    /// A row as JSON fields, leaving out the named (image) columns.
    public static func fields(_ row: ParquetRow, except: Set<String> = []) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for name in row.fieldNames where !except.contains(name) { fields[name] = row[name]?.jsonValue ?? .null }
        return fields
    }
}
