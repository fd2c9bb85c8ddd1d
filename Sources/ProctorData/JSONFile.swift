import Foundation
import ProctorCore

/// Reading whole JSON files with errors that name the file.
public enum JSONFile {
    /// Reads a JSON file.
    ///
    /// - Parameter url: The file.
    /// - Returns: Its value.
    /// - Throws: `ProctorError` (`.notFound`) when it cannot be read, `.invalidInput` naming the file and the
    ///   problem when it is not JSON.
    public static func read(_ url: URL) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProctorError(.notFound, "cannot read \(url.path): check the path")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ProctorError(.invalidInput, "\(url.path): not valid JSON (\(JSONLines.describe(error))); fetch the file again", underlying: error)
        }
    }

    /// Reads a JSON file holding an object (`{"1": {...}, "2": {...}}`).
    ///
    /// - Parameter url: The file.
    /// - Returns: The object's members.
    /// - Throws: `ProctorError` as `read`, and `.invalidInput` when the value is not an object.
    public static func object(_ url: URL) throws -> [String: JSONValue] {
        guard let object = try read(url).objectValue else {
            throw ProctorError(.invalidInput, "\(url.path): expected a JSON object")
        }
        return object
    }

    /// Reads a JSON file holding an array.
    ///
    /// - Parameter url: The file.
    /// - Returns: The elements.
    /// - Throws: `ProctorError` as `read`, and `.invalidInput` when the value is not an array.
    public static func array(_ url: URL) throws -> [JSONValue] {
        guard let array = try read(url).arrayValue else {
            throw ProctorError(.invalidInput, "\(url.path): expected a JSON array")
        }
        return array
    }
}
