import Foundation
import OrderedJSON
import ProctorCore

/// Reading the reference files with the package's one JSON parser (`OrderedJSON.JSONTree`).
extension JSONValue: JSONTreeConvertible {
    /// An object in which the last of duplicate keys wins, as in Python's `json`.
    public init(jsonObject members: [(key: String, value: JSONValue)]) {
        self = .object(Dictionary(members, uniquingKeysWith: { _, last in last }))
    }

    /// Parses a JSON document into a `JSONValue`.
    ///
    /// Foundation's `JSONSerialization` plus bridging costs seconds per megabyte in debug builds, and the
    /// reference files are megabytes each; this is a byte-level parse and one conversion.
    ///
    /// - Parameter data: UTF-8 JSON (`NaN` and `Infinity` accepted, as Python writes them).
    /// - Returns: The value.
    /// - Throws: `JSONTreeError` naming the byte offset of the first error.
    static func parse(_ data: Data) throws -> JSONValue {
        JSONValue(try JSONTree.parse(data))
    }
}
