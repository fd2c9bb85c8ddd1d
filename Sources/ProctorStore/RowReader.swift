import GRDB
import ProctorCore

/// Reads one fetched row's columns by name, with errors that name the table, the column and the row.
///
/// Every stored record decodes through it: a required column that is absent or NULL, a value of the wrong type,
/// stored JSON that does not decode and an unknown enumeration value are errors, never defaults.
struct RowReader {
    /// The fetched row.
    let row: Row
    /// Its table.
    let table: String
    /// The columns that identify the row, named in error messages.
    let keyColumns: [String]

    /// The value of a required column.
    ///
    /// - Parameter column: The column's name.
    /// - Returns: Its value.
    /// - Throws: `ProctorError` (`.database`) when the column is absent, NULL or of another type.
    func required<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        guard let value: Value = try optional(column) else {
            throw failure(column, "is NULL but required")
        }
        return value
    }

    /// The value of a column that may be NULL.
    ///
    /// - Parameter column: The column's name.
    /// - Returns: Its value, nil when NULL.
    /// - Throws: `ProctorError` (`.database`) when the column is absent or of another type.
    func optional<Value: DatabaseValueConvertible>(_ column: String) throws -> Value? {
        guard row.hasColumn(column) else {
            throw failure(column, "is missing from the query's result")
        }
        let stored: DatabaseValue = row[column]
        if stored.isNull { return nil }
        guard let value = Value.fromDatabaseValue(stored) else {
            throw failure(column, "holds \(stored) where \(Value.self) was expected")
        }
        return value
    }

    /// A required text column that holds a value of a `String`-backed enumeration.
    ///
    /// - Throws: `ProctorError` (`.database`) when the text names no case.
    func required<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = try optional(column, as: type) else { throw failure(column, "is NULL but required") }
        return value
    }

    /// An optional text column that holds a value of a `String`-backed enumeration.
    ///
    /// - Throws: `ProctorError` (`.database`) when the text names no case.
    func optional<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let text: String = try optional(column) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw failure(column, "holds \"\(text)\", which is not a known \(Value.self); the database may come from a newer Proctor")
        }
        return value
    }

    /// A required text column that holds JSON.
    ///
    /// - Throws: `ProctorError` (`.database`) when the text is NULL or does not decode as `type`.
    func json<Value: Decodable>(_ column: String, as type: Value.Type) throws -> Value {
        let text: String = try required(column)
        do {
            return try JSONCoding.decode(type, text, what: "\(table).\(column)")
        } catch {
            throw failure(column, "is not valid JSON for \(Value.self) (\(error))")
        }
    }

    /// An error naming the table, the row's key and the column.
    func failure(_ column: String, _ problem: String) -> ProctorError {
        let key = keyColumns.map { name -> String in
            guard row.hasColumn(name) else { return "\(name)=?" }
            let value: DatabaseValue = row[name]
            return "\(name)=\(value)"
        }.joined(separator: ", ")
        return ProctorError(.database, "table \(table), row (\(key)): column \(column) \(problem)")
    }
}

/// Runs the statements of a record type and names its table when SQLite rejects one.
enum StoreErrors {
    /// Wraps an error from GRDB (or SQLite) in a `ProctorError` naming the database file; `ProctorError`s pass as
    /// they are, with the file's path prepended.
    ///
    /// - Parameters:
    ///   - error: What was thrown.
    ///   - path: The database file.
    /// - Returns: The error to throw.
    static func wrap(_ error: any Error, path: String) -> ProctorError {
        if let error = error as? ProctorError {
            guard error.code == .database, !error.message.hasPrefix("results database") else { return error }
            return ProctorError(.database, "results database \(path): \(error.message)", underlying: error.underlying)
        }
        if let error = error as? DatabaseError {
            let statement = error.sql.map { sql in " (in `\(sql.split(separator: "\n").first.map(String.init)?.prefix(80) ?? "")`)" } ?? ""
            return ProctorError(.database, "results database \(path): \(error.message ?? "\(error.resultCode)")\(statement)", underlying: error)
        }
        return ProctorError(.database, "results database \(path): \(error)", underlying: error)
    }
}
