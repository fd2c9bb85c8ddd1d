import Foundation
import ProctorCore

/// A value read from a Parquet file, in the row-oriented API.
///
/// Integers of every width are ``int(_:)``, floats and doubles ``double(_:)``; byte arrays annotated as UTF-8
/// strings (or enums, or JSON) are ``string(_:)``, other byte arrays (images!) and `INT96`/fixed-length values
/// ``bytes(_:)``. Structs are ``record(_:)``; `LIST` columns and repeated fields are ``list(_:)``; a `MAP` is a
/// list of `{"key": …, "value": …}` records.
public enum ParquetValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case bytes(Data)
    case list([ParquetValue])
    case record([String: ParquetValue])

    /// The string, if this is a ``string(_:)``.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The bytes, if this is ``bytes(_:)`` (or the UTF-8 bytes of a ``string(_:)``).
    public var bytesValue: Data? {
        switch self {
        case .bytes(let d): d
        case .string(let s): Data(s.utf8)
        default: nil
        }
    }

    /// The integer, if this is an ``int(_:)``.
    public var intValue: Int? {
        if case .int(let i) = self { return Int(exactly: i) }
        return nil
    }

    /// The elements, if this is a ``list(_:)``.
    public var listValue: [ParquetValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// The fields, if this is a ``record(_:)``.
    public var recordValue: [String: ParquetValue]? {
        if case .record(let r) = self { return r }
        return nil
    }

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The field `key` of a ``record(_:)``.
    public subscript(key: String) -> ParquetValue? {
        recordValue?[key]
    }

    /// The value as JSON: bytes become a base64 string; everything else maps one to one.
    public var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): Int(exactly: i).map(JSONValue.int) ?? .double(Double(i))
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .bytes(let d): .string(d.base64EncodedString())
        case .list(let l): .array(l.map(\.jsonValue))
        case .record(let r): .object(r.mapValues(\.jsonValue))
        }
    }
}

/// One row: the top-level fields by name (a Hugging Face `Image` column is a record `{bytes, path}`).
public struct ParquetRow: Sendable, Hashable {
    /// The top-level field names in schema order (only the columns that were read).
    public let fieldNames: [String]
    /// The values by field name.
    public let values: [String: ParquetValue]

    /// Creates a row.
    public init(fieldNames: [String], values: [String: ParquetValue]) {
        self.fieldNames = fieldNames
        self.values = values
    }

    /// The value of top-level field `name`, or `nil` if the row has no such field.
    public subscript(name: String) -> ParquetValue? {
        values[name]
    }

    /// The row as a JSON object (bytes as base64).
    public var jsonValue: JSONValue {
        .object(values.mapValues(\.jsonValue))
    }
}
