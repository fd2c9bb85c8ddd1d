import Foundation

/// A JSON value whose objects keep every member, in order, exactly as written.
///
/// Tokenizer files and chat messages need this: Swift `String` equality is canonical equivalence, so a
/// `Dictionary` keyed by token text merges tokens such as U+F978 and U+5169 (Gemma's vocabulary holds 434 such
/// pairs); Foundation's `JSONSerialization` drops a leading U+FEFF from keys; and `tojson` in chat templates
/// shows key order.
public enum JSONTree: Sendable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([(key: String, value: JSONTree)])

    /// The first member named `key` of an object (compared by bytes).
    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
    }

    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The boolean, if this is one.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The number as an integer, if it is one.
    public var int: Int? {
        switch self {
        case .integer(let i): i
        case .number(let n) where n == n.rounded() && abs(n) < 9e15: Int(n)
        default: nil
        }
    }

    /// The value as Foundation objects (`NSNull`, `Bool`, `NSNumber`, `String`, arrays, dictionaries; later
    /// duplicate keys win), for small settings objects.
    public var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .integer(let value): NSNumber(value: value)
        case .number(let value): NSNumber(value: value)
        case .string(let value): value
        case .array(let items): items.map(\.foundation)
        case .object(let members): Dictionary(members.map { ($0.key, $0.value.foundation) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// Parses a JSON document (also accepting `NaN`, `Infinity` and `-Infinity`, as Python's `json` module does).
    ///
    /// - Parameter data: UTF-8 JSON.
    /// - Returns: The value.
    /// - Throws: ``JSONTreeError`` naming the byte offset of the first error.
    public static func parse(_ data: Data) throws -> JSONTree {
        try data.withUnsafeBytes { buffer in
            var parser = JSONTreeParser(bytes: buffer.bindMemory(to: UInt8.self))
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.position == parser.bytes.count else { throw parser.error("trailing characters") }
            return value
        }
    }
}

/// The error ``JSONTree/parse(_:)`` throws.
public struct JSONTreeError: Error, Sendable, CustomStringConvertible {
    /// The byte offset of the problem.
    public var offset: Int
    /// What is wrong there.
    public var message: String

    public var description: String { "JSON at byte \(offset): \(message)" }
}

/// The recursive-descent parser behind ``JSONTree/parse(_:)``.
private struct JSONTreeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    func error(_ what: String) -> JSONTreeError {
        JSONTreeError(offset: position, message: what)
    }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw error("expected \"\(Character(Unicode.Scalar(byte)))\"") }
        position += 1
    }

    mutating func value(depth: Int) throws -> JSONTree {
        guard depth < 64 else { throw error("nesting deeper than 64 levels") }
        skipSpace()
        guard position < bytes.count else { throw error("unexpected end of file") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, value: JSONTree)] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipSpace()
                let key = try string()
                try expect(UInt8(ascii: ":"))
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard position < bytes.count else { throw error("unterminated object") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw error("expected \",\" or \"}\"") }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONTree] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw error("unterminated array") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { throw error("expected \",\" or \"]\"") }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        // Python's json module writes (and reads) these for non-finite floats; benchmark outputs contain them.
        case UInt8(ascii: "N"): return try literal("NaN", .number(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .number(.infinity))
        case UInt8(ascii: "-") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "I"):
            position += 1
            return try literal("Infinity", .number(-.infinity))
        default:
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if let integer = Int(text) { return .integer(integer) }
            guard let number = Double(text) else {
                position = start
                throw error("unexpected character")
            }
            return .number(number)
        }
    }

    mutating func literal(_ word: StaticString, _ value: JSONTree) throws -> JSONTree {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of file") }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] { throw error("unexpected token") }
        position += count
        return value
    }

    mutating func string() throws -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string") }
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
        guard position < bytes.count else { throw error("unterminated string") }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while bytes[position] == UInt8(ascii: "\\") {
            position += 1
            guard position < bytes.count else { throw error("unterminated string") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                   bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                }
                utf8.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
            default: utf8.append(escape)
            }
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
                utf8.append(bytes[position])
                position += 1
            }
            guard position < bytes.count else { throw error("unterminated string") }
        }
        position += 1  // closing quote
        return String(decoding: utf8, as: UTF8.self)
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count,
              let code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + 4]), as: UTF8.self), radix: 16) else {
            throw error("bad \\u escape")
        }
        position += 4
        return code
    }
}
