/// Parsing the Python-literal lists MMMU and MMMU-Pro store as strings (`"['$6', '$7', \"it's\"]"`), as
/// `ast.literal_eval` would for a list of string literals.
public enum PythonLiteral {
    /// Parses a list of string literals.
    ///
    /// - Parameters:
    ///   - text: The literal, such as `['a', "b"]` or `[]`.
    ///   - context: Where it came from (file and item), for the error message.
    /// - Returns: The strings.
    /// - Throws: `ProctorError` (`.invalidInput`) naming `context` when the text is not such a list.
    public static func stringList(_ text: String, context: String) throws -> [String] {
        var chars = Array(text.unicodeScalars)[...]
        func fail(_ why: String) -> ProctorError {
            ProctorError(.invalidInput, "\(context): options \(text.prefix(80)) is not a Python list of strings (\(why))")
        }
        func skipSpaces() { while let c = chars.first, c.properties.isWhitespace { chars.removeFirst() } }
        skipSpaces()
        let out = try list(&chars, fail: fail)
        skipSpaces()
        guard chars.isEmpty else { throw fail("text after the closing bracket") }
        return out
    }

    /// Reads a list whose elements are strings or nested lists; a nested list becomes its Python `str()` form, as
    /// the official code's f-string formatting renders it (one MMMU-Pro item has `[['A', 'B', '…']]`).
    static func list(_ chars: inout ArraySlice<Unicode.Scalar>, fail: (String) -> ProctorError) throws -> [String] {
        guard chars.first == "[" else { throw fail("no opening bracket") }
        chars.removeFirst()
        var out: [String] = []
        while true {
            while let c = chars.first, c.properties.isWhitespace { chars.removeFirst() }
            guard let c = chars.first else { throw fail("no closing bracket") }
            if c == "]" { chars.removeFirst(); break }
            if c == "," { chars.removeFirst(); continue }
            if c == "[" {
                out.append("[" + (try list(&chars, fail: fail)).map(repr).joined(separator: ", ") + "]")
            } else {
                out.append(try string(&chars, fail: fail))
            }
        }
        return out
    }

    /// Python's `repr` of a string (single quotes unless the text has a single quote and no double quote).
    static func repr(_ text: String) -> String {
        let quote = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var body = text.replacingOccurrences(of: "\\", with: "\\\\")
        if quote == "'" { body = body.replacingOccurrences(of: "'", with: "\\'") }
        body = body.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return quote + body + quote
    }

    /// Reads one quoted string literal (single or double quotes, optional `r`/`u` prefix, adjacent literals joined).
    static func string(_ chars: inout ArraySlice<Unicode.Scalar>, fail: (String) -> ProctorError) throws -> String {
        var result = String.UnicodeScalarView()
        var sawLiteral = false
        while true {
            while let c = chars.first, c.properties.isWhitespace, sawLiteral { chars.removeFirst() }
            var raw = false
            if let c = chars.first, c == "r" || c == "R" || c == "u" || c == "U" {
                raw = c == "r" || c == "R"
                chars.removeFirst()
            }
            guard let quote = chars.first, quote == "'" || quote == "\"" else {
                if sawLiteral { break }
                throw fail("expected a quoted string")
            }
            chars.removeFirst()
            sawLiteral = true
            while true {
                guard let c = chars.popFirst() else { throw fail("unterminated string") }
                if c == quote { break }
                guard c == "\\", !raw else { result.append(c); continue }
                guard let e = chars.popFirst() else { throw fail("unterminated escape") }
                switch e {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "0": result.append("\0")
                case "\\", "'", "\"": result.append(e)
                case "\n": break
                case "x", "u", "U":
                    let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                    let hex = String(String.UnicodeScalarView(chars.prefix(width)))
                    guard hex.count == width, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw fail("bad \\\(e) escape")
                    }
                    result.append(scalar)
                    chars.removeFirst(width)
                default:
                    result.append("\\")
                    result.append(e)
                }
            }
            if let next = chars.first(where: { !$0.properties.isWhitespace }), next == "'" || next == "\"" { continue }
            break
        }
        return String(result)
    }
}
