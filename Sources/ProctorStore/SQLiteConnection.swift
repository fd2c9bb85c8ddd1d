import CSQLite
import Foundation
import ProctorCore

/// A value bound to or read from an SQLite statement.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The text, if this is text.
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The integer, if this is an integer (or a real with an integral value).
    public var integer: Int64? {
        switch self {
        case .integer(let i): return i
        case .real(let d): return Int64(exactly: d)
        default: return nil
        }
    }

    /// The number as a double, if this is a number.
    public var real: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }
}

/// One SQLite connection: statements, transactions and errors as Swift values.
///
/// The only type that touches the C API. Not thread-safe on its own; `ResultsDatabase` serialises access.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (creating if needed) the database at `path`, in WAL mode with a busy timeout so that several
    /// processes (shards) can write the same file.
    init(path: String) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw ProctorError(.database, "cannot open the results database \(path): \(message); check the folder exists and is writable")
        }
        sqlite3_busy_timeout(handle, 30_000)
        try enableWriteAheadLog()
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Switches the file to WAL mode. SQLite does not call the busy handler for this switch, so when another
    /// connection is creating the same file at this moment (shards started together), it is retried here.
    private func enableWriteAheadLog() throws {
        var delay = 1_000  // microseconds
        var waited = 0
        while true {
            var errorMessage: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(handle, "PRAGMA journal_mode=WAL", nil, nil, &errorMessage)
            let message = errorMessage.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(errorMessage)
            if rc == SQLITE_OK { return }
            guard rc & 0xff == SQLITE_BUSY || rc & 0xff == SQLITE_LOCKED, waited < 30_000_000 else {
                throw error(message, sql: "PRAGMA journal_mode=WAL")
            }
            usleep(useconds_t(delay))
            waited += delay
            delay = min(delay * 2, 100_000)
        }
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error \(rc)"
            sqlite3_free(errorMessage)
            throw error(message, sql: sql)
        }
    }

    /// Runs a statement with bound values; returns the rows it produced.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw error(lastMessage, sql: sql)
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, position)
            case .integer(let i): rc = sqlite3_bind_int64(statement, position, i)
            case .real(let d): rc = sqlite3_bind_double(statement, position, d)
            case .text(let s): rc = sqlite3_bind_text(statement, position, s, -1, sqliteTransient)
            }
            guard rc == SQLITE_OK else { throw error(lastMessage, sql: sql) }
        }
        var rows: [[SQLValue]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(lastMessage, sql: sql) }
            let columns = sqlite3_column_count(statement)
            var row: [SQLValue] = []
            row.reserveCapacity(Int(columns))
            for column in 0..<columns {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_NULL: row.append(.null)
                default:
                    if let text = sqlite3_column_text(statement, column) {
                        row.append(.text(String(cString: text)))
                    } else {
                        row.append(.null)
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// Runs `body` in one transaction (BEGIN IMMEDIATE, so concurrent writers wait instead of failing late).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    private func error(_ message: String, sql: String) -> ProctorError {
        let statement = sql.split(separator: "\n").first.map(String.init) ?? sql
        return ProctorError(.database, "results database \(path): \(message) (in `\(statement.prefix(80))`)")
    }
}

/// SQLite's SQLITE_TRANSIENT: make a private copy of bound text.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
