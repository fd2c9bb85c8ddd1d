import ProctorCore

/// A decoding failure raised deep inside the reader, before the file and column it belongs to are known.
///
/// The public entry points catch it and turn it into a ``ProctorCore/ProctorError`` that names the file and the
/// column, so every error a caller sees says where the damage is.
struct ParquetFailure: Error, Sendable {
    /// What is wrong, in a phrase ("page header runs past the end of the column chunk").
    var reason: String
    /// Whether the data is well-formed but uses something this reader does not implement.
    var unsupported: Bool

    init(_ reason: String, unsupported: Bool = false) {
        self.reason = reason
        self.unsupported = unsupported
    }

    static func unsupported(_ reason: String) -> ParquetFailure {
        ParquetFailure(reason, unsupported: true)
    }
}

extension ProctorError {
    /// Wraps a low-level decoding failure into the error callers see, naming the file and the column.
    static func parquet(_ failure: ParquetFailure, file: String, column: String?, rowGroup: Int?) -> ProctorError {
        var place = "Parquet file \(file)"
        if let rowGroup { place += ", row group \(rowGroup)" }
        if let column { place += ", column '\(column)'" }
        if failure.unsupported {
            return ProctorError(
                .unsupported,
                "\(place): \(failure.reason). This feature of the Parquet format is not supported by Proctor's reader;"
                    + " rewrite the file with pyarrow's defaults or report it.")
        }
        return ProctorError(
            .invalidInput,
            "\(place) is corrupt or truncated: \(failure.reason). Download the file again (or check its checksum).")
    }

    /// Runs `body`, converting any ``ParquetFailure`` into a ``ProctorCore/ProctorError`` naming the place.
    static func naming<T>(file: String, column: String? = nil, rowGroup: Int? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ParquetFailure {
            throw ProctorError.parquet(failure, file: file, column: column, rowGroup: rowGroup)
        }
    }
}
