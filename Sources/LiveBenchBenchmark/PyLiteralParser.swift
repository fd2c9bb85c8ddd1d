/// A recursive-descent reader of Python literal displays: numbers, strings (with prefixes, escapes and implicit
/// concatenation), `None`/`True`/`False`, lists, tuples, sets and dicts, unary signs, comments and line breaks inside
/// brackets. Anything else (names, calls, operators) fails, as `ast.literal_eval` refuses it.
struct PyLiteralParser {
    var h: [Unicode.Scalar]
    var i = 0
    var depth = 0

    init(_ h: [Unicode.Scalar]) { self.h = h }

    mutating func parseWhole() -> PyLiteral? {
        // literal_eval strips leading spaces and tabs; a leading newline is a syntax error.
        while i < h.count, h[i] == " " || h[i] == "\t" { i += 1 }
        guard let value = expression() else { return nil }
        skip(newlines: true)
        return i == h.count ? value : nil
    }

    mutating func skip(newlines: Bool) {
        while i < h.count {
            let c = h[i]
            if c == " " || c == "\t" || c == "\u{0C}" || (newlines && (c == "\n" || c == "\r")) {
                i += 1
            } else if c == "\\", i + 1 < h.count, h[i + 1] == "\n" {
                i += 2
            } else if c == "#" {
                while i < h.count, h[i] != "\n" { i += 1 }
            } else {
                break
            }
        }
    }

    /// One value, or a bare tuple `a, b` at the top level or inside parentheses.
    mutating func expression() -> PyLiteral? {
        guard let first = value() else { return nil }
        skip(newlines: depth > 0)
        guard i < h.count, h[i] == ",", depth == 0 else { return first }
        var items = [first]
        while i < h.count, h[i] == "," {
            i += 1
            skip(newlines: false)
            if i == h.count || h[i] == "\n" || h[i] == "#" { break }
            guard let next = value() else { return nil }
            items.append(next)
            skip(newlines: false)
        }
        return .tuple(items)
    }

    mutating func value() -> PyLiteral? {
        skip(newlines: depth > 0)
        guard i < h.count else { return nil }
        let c = h[i]
        switch c {
        case "[": return sequence(close: "]").map { PyLiteral.list($0.items) }
        case "(":
            guard let (items, comma) = sequence(close: ")") else { return nil }
            // `(x)` is x; `(x,)` and `()` are tuples.
            return items.count == 1 && !comma ? items[0] : .tuple(items)
        case "{": return braces()
        case "-", "+":
            i += 1
            guard let operand = value() else { return nil }
            switch operand {
            case .int(let n): return .int(c == "-" ? -n : n)
            case .float(let d): return .float(c == "-" ? -d : d)
            case .bool(let b): return .int(c == "-" ? (b ? -1 : 0) : (b ? 1 : 0))
            default: return nil
            }
        case "'", "\"": return strings()
        default:
            if PyText.isDigit(c) || c == "." { return number() }
            return nameOrPrefixedString()
        }
    }

    mutating func sequence(close: Unicode.Scalar) -> (items: [PyLiteral], comma: Bool)? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var items: [PyLiteral] = []
        var comma = false
        while true {
            skip(newlines: true)
            guard i < h.count else { return nil }
            if h[i] == close { i += 1; return (items, comma) }
            guard let item = value() else { return nil }
            items.append(item)
            skip(newlines: true)
            guard i < h.count else { return nil }
            if h[i] == "," { i += 1; comma = true } else if h[i] != close { return nil }
        }
    }

    mutating func braces() -> PyLiteral? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var pairs: [(key: PyLiteral, value: PyLiteral)] = []
        var elements: [PyLiteral] = []
        while true {
            skip(newlines: true)
            guard i < h.count else { return nil }
            if h[i] == "}" {
                i += 1
                return elements.isEmpty ? .dict(pairs) : (pairs.isEmpty ? .set(elements) : nil)
            }
            guard let key = value() else { return nil }
            skip(newlines: true)
            guard i < h.count else { return nil }
            if h[i] == ":" {
                guard elements.isEmpty else { return nil }
                i += 1
                guard let v = value() else { return nil }
                // Unhashable keys (lists, dicts) raise.
                switch key {
                case .list, .dict, .set: return nil
                default: break
                }
                if let at = pairs.firstIndex(where: { $0.key == key }) { pairs[at].value = v } else { pairs.append((key, v)) }
            } else {
                guard pairs.isEmpty else { return nil }
                elements.append(key)
            }
            skip(newlines: true)
            guard i < h.count else { return nil }
            if h[i] == "," { i += 1 } else if h[i] != "}" { return nil }
        }
    }
}
