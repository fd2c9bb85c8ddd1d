import Foundation

/// Reading JSON Lines files with errors that name the file and the line.
public enum JSONLines {
    /// Decodes every non-blank line of a JSONL file.
    ///
    /// - Parameters:
    ///   - type: The type of each line.
    ///   - url: The file.
    /// - Returns: The decoded lines with their 1-based line numbers.
    /// - Throws: `ProctorError` (`.notFound`) when the file cannot be read, `.invalidInput` naming the first
    ///   malformed line (nothing is returned then, so a caller never acts on half a file).
    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> [(line: Int, value: T)] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProctorError(.notFound, "cannot read \(url.path): check the path")
        }
        return try decode(type, from: data, name: url.path)
    }

    /// Decodes every non-blank line of JSONL bytes.
    ///
    /// - Parameters:
    ///   - type: The type of each line.
    ///   - data: The file's bytes.
    ///   - name: The file name used in error messages.
    /// - Returns: The decoded lines with their 1-based line numbers.
    /// - Throws: `ProctorError` (`.invalidInput`) naming the first malformed line.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, name: String) throws -> [(line: Int, value: T)] {
        let decoder = JSONDecoder()
        var out: [(line: Int, value: T)] = []
        var lineNumber = 0
        // Lines are found in a byte array: splitting `Data` itself goes through its generic iterator, which cost
        // as much as the decoding on large prediction files.
        let bytes = [UInt8](data)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                out.append((lineNumber, try decoder.decode(T.self, from: Data(line))))
            } catch {
                throw ProctorError(
                    .invalidInput,
                    "\(name):\(lineNumber): not a valid JSON line (\(describe(error))); fix or remove that line and run again")
            }
        }
        return out
    }

    /// A short description of a decoding error (the field and the problem, without Foundation's noise).
    ///
    /// - Parameter error: Any error.
    /// - Returns: A one-line description.
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch decodingError {
        case .keyNotFound(let key, let context): return "missing field \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context): return "wrong type\(path(context)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "null value\(path(context))"
        case .dataCorrupted(let context): return "malformed JSON\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
