import Foundation

/// Jinja filters and tests used by chat templates.
extension TemplateInterpreter {
    func applyFilter(_ name: String, to value: Value, arguments: [Value], keywords: [(String, Value)], line: Int) throws -> Value {
        func keyword(_ key: String, _ position: Int) -> Value? {
            keywords.first { $0.0 == key }?.1 ?? (position < arguments.count ? arguments[position] : nil)
        }
        switch name {
        case "trim":
            return .string(PythonString.strip(value.text, nil, leading: true, trailing: true))
        case "length", "count":
            switch value {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .array(let items): return .int(items.count)
            case .object(let o): return .int(o.keys.count)
            case .undefined: return .int(0)
            default: throw ChatTemplateError.render("\(value.typeName) has no length", line: line)
            }
        case "upper": return .string(value.text.uppercased())
        case "lower": return .string(value.text.lowercased())
        case "capitalize": return .string(value.text.prefix(1).uppercased() + value.text.dropFirst().lowercased())
        case "title": return .string(value.text.capitalized)
        case "string": return .string(value.text)
        case "safe": return value
        case "int":
            switch value {
            case .int: return value
            case .double(let d): return .int(Int(d))
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s): return .int(Int(s.trimmingCharacters(in: .whitespaces)) ?? 0)
            default: return .int(0)
            }
        case "float":
            return .double(value.number ?? Double(value.text.trimmingCharacters(in: .whitespaces)) ?? 0)
        case "default", "d":
            let useIfFalsy = keyword("boolean", 1)?.truthy ?? false
            if value.isUndefined || (useIfFalsy && !value.truthy) { return keyword("default_value", 0) ?? .string("") }
            return value
        case "first":
            return try value.iterated(line: line).first ?? .undefined("first of an empty sequence")
        case "last":
            return try value.iterated(line: line).last ?? .undefined("last of an empty sequence")
        case "list":
            return .array(try value.iterated(line: line))
        case "reverse":
            if case .string(let s) = value { return .string(String(s.reversed())) }
            return .array(try value.iterated(line: line).reversed())
        case "join":
            var items = try value.iterated(line: line)
            if case .string(let attribute)? = keyword("attribute", 1) {
                items = try items.map { try attribute_(of: $0, attribute, line: line) }
            }
            return .string(items.map(\.text).joined(separator: keyword("d", 0)?.text ?? ""))
        case "items":
            guard case .object(let dictionary) = value else { throw ChatTemplateError.render("items needs a dict", line: line) }
            return .array(dictionary.pairs.map { .array([.string($0.0), $0.1]) })
        case "replace":
            guard arguments.count >= 2 else { throw ChatTemplateError.render("replace needs two arguments", line: line) }
            return .string(value.text.replacingOccurrences(of: arguments[0].text, with: arguments[1].text))
        case "tojson":
            let indent: Int? = { if case .int(let i)? = keyword("indent", 0) { i } else { nil } }()
            return .string(try JSONText.encode(value, indent: indent, line: line))
        case "unique":
            var seen: [Value] = []
            for item in try value.iterated(line: line) where !seen.contains(where: { Value.equal($0, item) }) { seen.append(item) }
            return .array(seen)
        case "abs":
            if case .int(let i) = value { return .int(abs(i)) }
            return .double(abs(value.number ?? 0))
        case "map":
            let items = try value.iterated(line: line)
            if case .string(let attribute)? = keywords.first(where: { $0.0 == "attribute" })?.1 {
                return .array(try items.map { try attribute_(of: $0, attribute, line: line) })
            }
            guard case .string(let filter)? = arguments.first else { throw ChatTemplateError.unsupported("map without a filter or attribute", line: line) }
            return .array(try items.map { try applyFilter(filter, to: $0, arguments: Array(arguments.dropFirst()), keywords: [], line: line) })
        case "selectattr", "rejectattr":
            guard case .string(let attribute)? = arguments.first else { throw ChatTemplateError.render("\(name) needs an attribute name", line: line) }
            let test = arguments.count > 1 ? arguments[1].text : nil
            let keep = name == "selectattr"
            return .array(try value.iterated(line: line).filter { item in
                let field = try attribute_(of: item, attribute, line: line)
                let passed = try test.map { try applyTest($0, to: field, arguments: Array(arguments.dropFirst(2)), line: line) } ?? field.truthy
                return passed == keep
            })
        case "select", "reject":
            let keep = name == "select"
            return .array(try value.iterated(line: line).filter { item in
                let passed = try arguments.first.map { try applyTest($0.text, to: item, arguments: Array(arguments.dropFirst()), line: line) } ?? item.truthy
                return passed == keep
            })
        default:
            throw ChatTemplateError.unsupported("the filter \"\(name)\"", line: line)
        }
    }

    /// An attribute for filters: dict key, else undefined.
    private func attribute_(of value: Value, _ name: String, line: Int) throws -> Value {
        if case .object(let dictionary) = value { return dictionary[name] ?? .undefined(name) }
        return try attribute(of: value, name, line: line)
    }

    func applyTest(_ name: String, to value: Value, arguments: [Value], line: Int) throws -> Bool {
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none": if case .none = value { return true } else { return false }
        case "string": if case .string = value { return true } else { return false }
        case "boolean": if case .bool = value { return true } else { return false }
        case "true": if case .bool(true) = value { return true } else { return false }
        case "false": if case .bool(false) = value { return true } else { return false }
        case "integer": if case .int = value { return true } else { return false }
        case "float": if case .double = value { return true } else { return false }
        case "number": switch value { case .int, .double, .bool: return true; default: return false }
        case "mapping": if case .object = value { return true } else { return false }
        case "callable": if case .callable = value { return true } else { return false }
        case "iterable": switch value { case .array, .object, .string: return true; default: return false }
        case "sequence": switch value { case .array, .object, .string: return true; default: return false }
        case "odd", "even":
            guard case .int(let i) = value else { throw ChatTemplateError.render("\(name) needs an integer", line: line) }
            return (i % 2 != 0) == (name == "odd")
        case "divisibleby":
            guard case .int(let i) = value, case .int(let d)? = arguments.first, d != 0 else { return false }
            return i % d == 0
        case "eq", "equalto", "==", "sameas": return Value.equal(value, arguments.first ?? .none)
        case "ne", "!=": return !Value.equal(value, arguments.first ?? .none)
        case "in": return try binary("in", value, arguments.first ?? .array([]), line: line).truthy
        case "lower": return value.text == value.text.lowercased()
        case "upper": return value.text == value.text.uppercased()
        case "gt", "lt", "ge", "le":
            let op = ["gt": ">", "lt": "<", "ge": ">=", "le": "<="][name] ?? ">"
            return try binary(op, value, arguments.first ?? .none, line: line).truthy
        default:
            throw ChatTemplateError.unsupported("the test \"\(name)\"", line: line)
        }
    }
}

/// JSON text as Python's `json.dumps(value, ensure_ascii=False)` writes it (transformers' `tojson`).
enum JSONText {
    static func encode(_ value: Value, indent: Int?, line: Int, depth: Int = 0) throws -> String {
        let newline = indent.map { "\n" + String(repeating: " ", count: $0 * (depth + 1)) }
        let closing = indent.map { "\n" + String(repeating: " ", count: $0 * depth) } ?? ""
        let separator = indent == nil ? ", " : ","
        switch value {
        case .none, .undefined: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.pythonFloat(d)
        case .string(let s): return quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let parts = try items.map { (newline ?? "") + (try encode($0, indent: indent, line: line, depth: depth + 1)) }
            return "[" + parts.joined(separator: separator) + closing + "]"
        case .object(let dictionary):
            if dictionary.keys.isEmpty { return "{}" }
            let parts = try dictionary.pairs.map { key, item in
                (newline ?? "") + quote(key) + ": " + (try encode(item, indent: indent, line: line, depth: depth + 1))
            }
            return "{" + parts.joined(separator: separator) + closing + "}"
        case .namespace, .callable:
            throw ChatTemplateError.render("tojson cannot serialize a \(value.typeName)", line: line)
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
