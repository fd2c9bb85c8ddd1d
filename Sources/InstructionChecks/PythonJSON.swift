/// Whether Python's `json.loads(text)` succeeds, decided by a recogniser of the grammar CPython's decoder accepts
/// (which is not Foundation's): any value at the top level, `NaN`, `Infinity` and `-Infinity`, whitespace only
/// from ` \t\n\r`, no control character inside a string (`strict=True`), `\uXXXX` escapes with any four hex digits
/// (lone surrogates pass), repeated keys, and nothing but whitespace after the value.
enum PythonJSON {
    /// Nesting deeper than this fails (CPython raises `RecursionError` near 1,000 levels, not a `ValueError`, which
    /// would stop the official checker; a recogniser must not overflow its stack instead).
    static let maxDepth = 900

    /// Whether `json.loads(text)` returns without raising.
    static func loads(_ text: String) -> Bool {
        var parser = Parser(Array(text.utf8))
        parser.skipSpace()
        guard parser.value(depth: 0) else { return false }
        parser.skipSpace()
        return parser.atEnd
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { i >= bytes.count }
        var current: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, bytes[i..<i + w.count].elementsEqual(w) else { return false }
            i += w.count
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < PythonJSON.maxDepth, let c = current else { return false }
            switch c {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "N"): return literal("NaN")
            case UInt8(ascii: "I"): return literal("Infinity")
            case UInt8(ascii: "-"):
                if literal("-Infinity") { return true }
                return number()
            default: return number()
            }
        }

        mutating func object(depth: Int) -> Bool {
            i += 1
            skipSpace()
            if current == UInt8(ascii: "}") { i += 1; return true }
            while true {
                guard current == UInt8(ascii: "\""), string() else { return false }
                skipSpace()
                guard current == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if current == UInt8(ascii: "}") { i += 1; return true }
                guard current == UInt8(ascii: ",") else { return false }
                i += 1
                skipSpace()
            }
        }

        mutating func array(depth: Int) -> Bool {
            i += 1
            skipSpace()
            if current == UInt8(ascii: "]") { i += 1; return true }
            while true {
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if current == UInt8(ascii: "]") { i += 1; return true }
                guard current == UInt8(ascii: ",") else { return false }
                i += 1
                skipSpace()
            }
        }

        mutating func string() -> Bool {
            i += 1
            while let c = current {
                i += 1
                switch c {
                case UInt8(ascii: "\""): return true
                case 0..<0x20: return false
                case UInt8(ascii: "\\"):
                    guard let e = current else { return false }
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        guard i + 4 <= bytes.count, bytes[i..<i + 4].allSatisfy(Self.isHex) else { return false }
                        i += 4
                    default: return false
                    }
                default: continue
                }
            }
            return false
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`; a fraction or exponent that does not complete is left
        /// unread (so `1.` fails as extra data, as in CPython).
        mutating func number() -> Bool {
            let start = i
            if current == UInt8(ascii: "-") { i += 1 }
            guard let first = current, Self.isDigit(first) else { i = start; return false }
            i += 1
            if first != UInt8(ascii: "0") { while let c = current, Self.isDigit(c) { i += 1 } }
            if current == UInt8(ascii: "."), i + 1 < bytes.count, Self.isDigit(bytes[i + 1]) {
                i += 2
                while let c = current, Self.isDigit(c) { i += 1 }
            }
            if let e = current, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
                if j < bytes.count, Self.isDigit(bytes[j]) {
                    i = j
                    while let c = current, Self.isDigit(c) { i += 1 }
                }
            }
            return true
        }

        static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
    }
}
