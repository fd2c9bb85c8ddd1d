/// Reading template values from JSON text, keeping object keys in document order (which `tojson` reproduces).
extension TemplateValue {
    /// Parses JSON text.
    ///
    /// - Parameter text: A JSON document.
    /// - Returns: The value, objects keeping their key order.
    /// - Throws: ``ChatTemplateError`` with code `.syntax` naming the byte offset of the first error.
    public static func parseJSON(_ text: String) throws -> TemplateValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.error("trailing characters") }
        return value
    }
}

/// A small order-preserving JSON parser.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0

    func error(_ what: String) -> ChatTemplateError {
        ChatTemplateError(.syntax, "JSON at byte \(position): \(what)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func literal(_ word: String, _ value: TemplateValue) throws -> TemplateValue {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw error("unexpected token")
        }
        position += expected.count
        return value
    }

    mutating func value() throws -> TemplateValue {
        skipSpace()
        guard position < bytes.count else { throw error("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var dictionary: [String: TemplateValue] = [:]
            var order: [String] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(dictionary, order: order) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                position += 1
                let item = try value()
                if dictionary.updateValue(item, forKey: key) == nil { order.append(key) }
                skipSpace()
                guard position < bytes.count else { throw error("unterminated object") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(dictionary, order: order) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [TemplateValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard position < bytes.count else { throw error("unterminated array") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try number()
        }
    }

    mutating func number() throws -> TemplateValue {
        let start = position
        while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if let integer = Int(text) { return .int(integer) }
        if let double = Double(text) { return .double(double) }
        throw error("invalid number \"\(text)\"")
    }

    mutating func string() throws -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string") }
        position += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
            guard byte == UInt8(ascii: "\\") else { run.append(byte); continue }
            flush()
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                   bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: scalars.append(Unicode.Scalar(escape))
            }
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("bad \\u escape")
        }
        position += 4
        return code
    }
}
