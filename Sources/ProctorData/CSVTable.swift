import Foundation
import ProctorCore

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes written twice, and line breaks) as rows keyed by
/// the header.
public struct CSVTable: Sendable {
    /// The column names.
    public var header: [String]
    /// The rows, each with one value per column.
    public var rows: [[String: String]]

    /// Parses CSV text.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - name: The file name, for errors.
    /// - Throws: `ProctorError` naming the file and record when a record's field count differs from the header's or
    ///   a quote is unterminated.
    public init(_ text: String, name: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if quoted { throw ProctorError(.invalidInput, "\(name): a quoted field is not closed (record \(records.count + 1))") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { throw ProctorError(.invalidInput, "\(name): empty CSV file") }
        self.header = header
        self.rows = try records.dropFirst().enumerated().map { index, values in
            guard values.count == header.count else {
                throw ProctorError(.invalidInput, "\(name): record \(index + 1) has \(values.count) fields, the header \(header.count)")
            }
            return Dictionary(zip(header, values), uniquingKeysWith: { first, _ in first })
        }
    }
}
