import GRDB
import ProctorCore

/// The key columns every per-sample table shares.
enum SampleKeyColumns {
    static let runID = Column("run_id")
    static let benchmark = Column("benchmark")
    static let itemID = Column("item_id")
    static let sampleIndex = Column("sample_index")
    static let names = ["run_id", "benchmark", "item_id", "sample_index"]

    /// Deletes one sample's rows (in one mode, when given) of a per-sample table, with a cached statement (this runs
    /// once per stored sample or verdict, so it is not rebuilt each time).
    static func delete(from table: String, runID: String, _ key: SampleKey, mode: ScoringMode? = nil, in db: Database) throws {
        let sql = "DELETE FROM \(table) WHERE run_id = ? AND benchmark = ? AND item_id = ? AND sample_index = ?" + (mode == nil ? "" : " AND mode = ?")
        var arguments: StatementArguments = [runID, key.benchmark, key.itemID, key.sampleIndex]
        if let mode { arguments += [mode.rawValue] }
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// A reader of a per-sample table's row (errors name its key and `extra` columns), with the row's run and key.
    static func reader(_ row: Row, table: String, alsoNaming extra: [String] = []) throws -> (RowReader, runID: String, key: SampleKey) {
        let read = RowReader(row: row, table: table, keyColumns: names + extra)
        let (runID, key) = try Self.read(read)
        return (read, runID, key)
    }

    /// The run and key of a row of a per-sample table.
    static func read(_ read: RowReader) throws -> (runID: String, key: SampleKey) {
        let runID: String = try read.required("run_id")
        let key = SampleKey(benchmark: try read.required("benchmark"), itemID: try read.required("item_id"), sampleIndex: try read.required("sample_index"))
        return (runID, key)
    }

    /// Writes the run and key columns.
    static func encode(runID: String, _ key: SampleKey, to container: inout PersistenceContainer) {
        container[Self.runID] = runID
        container[Self.benchmark] = key.benchmark
        container[Self.itemID] = key.itemID
        container[Self.sampleIndex] = key.sampleIndex
    }
}

/// A row type written once per stored sample or verdict: its columns and values are listed once, in one order,
/// which `encode(to:)` (GRDB's persistence) and `insertCached(_:)` (a cached `INSERT` for the hot paths) both use.
protocol ListedColumns: PersistableRecord {
    /// The columns written, in the order of `values`.
    static var columnNames: [String] { get }
    /// The values written, in the order of `columnNames`.
    var values: [(any DatabaseValueConvertible)?] { get }
}

extension ListedColumns {
    func encode(to container: inout PersistenceContainer) throws {
        for (name, value) in zip(Self.columnNames, values) { container[name] = value }
    }

    /// Inserts the row with a cached statement (GRDB's `insert` rebuilds its persistence container per row).
    func insertCached(_ db: Database) throws {
        let names = Self.columnNames
        let sql = "INSERT INTO \(Self.databaseTableName) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
    }
}
