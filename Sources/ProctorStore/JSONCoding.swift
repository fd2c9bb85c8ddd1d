import Foundation
import ProctorCore

/// JSON helpers shared by the store: canonical (sorted-key) encoding for hashes, and decoding with clear errors.
public enum JSONCoding {
    /// Encodes `value` with sorted keys and no extra whitespace, so equal values give equal text.
    ///
    /// - Parameter value: Any encodable value.
    /// - Returns: The JSON text (`null` if encoding fails, which it does not for Proctor's own types).
    public static func canonical<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes JSON text stored in the database.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - text: The stored text.
    ///   - what: What the text is, for the error message.
    /// - Returns: The value.
    /// - Throws: `ProctorError` (`.database`) when the stored text does not decode.
    public static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw ProctorError(.database, "the stored \(what) is not valid (\(JSONLines.describe(error))); the database may come from a newer Proctor", underlying: error)
        }
    }
}

/// Timestamps as stored: ISO 8601 in UTC with milliseconds.
public enum Timestamp {
    /// The format (`2026-12-04T17:51:37.583Z`): a value, cheap to use once per stored sample.
    static let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The current time.
    public static func now() -> String {
        format.format(Date())
    }
}

extension BenchmarkItem {
    /// The item with image bytes dropped (hashes and names kept), as stored in the database.
    public func strippingImageData() -> BenchmarkItem {
        var copy = self
        copy.messages = messages.map { message in
            ChatMessage(role: message.role, parts: message.parts.map { part in
                guard case .image(var image) = part else { return part }
                image.data = Data()
                return .image(image)
            })
        }
        return copy
    }
}
