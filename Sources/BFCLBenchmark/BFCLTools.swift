import FunctionCallChecks
import ProctorCore

/// `convert_to_tool` for OpenAI-style function calling (bfcl_eval v3): each BFCL function as a
/// `{"type": "function", "function": …}` tool, dots in names replaced by underscores (OpenAI's names allow
/// neither), parameter types mapped by `GORILLA_TO_OPENAPI` (a `float` also gets `"format": "float"` and a
/// sentence in its description).
enum BFCLTools {
    /// `GORILLA_TO_OPENAPI`.
    static let openAPITypes: [String: String] = [
        "integer": "integer", "number": "number", "float": "number", "string": "string", "boolean": "boolean", "bool": "boolean",
        "array": "array", "list": "array", "dict": "object", "object": "object", "tuple": "array", "any": "string", "byte": "integer",
        "short": "integer", "long": "integer", "double": "number", "char": "string", "ArrayList": "array", "Array": "array",
        "HashMap": "object", "Hashtable": "object", "Queue": "array", "Stack": "array", "Any": "string", "String": "string",
        "Bigint": "integer",
    ]

    /// The tools for an entry's (language-preprocessed) functions.
    static func openAI(_ functions: [PyValue]) -> [PyValue] {
        functions.map { function in
            var item = function
            if let name = item["name"]?.stringValue, name.contains(".") {
                item.set("name", .string(name.replacingOccurrences(of: ".", with: "_")))
            }
            if var parameters = item["parameters"] {
                parameters.set("type", .string("object"))
                if let properties = parameters["properties"] { parameters.set("properties", cast(properties)) }
                item.set("parameters", parameters)
            }
            return .dict([(.string("type"), .string("function")), (.string("function"), item)])
        }
    }

    /// `_cast_to_openai_type`.
    static func cast(_ properties: PyValue) -> PyValue {
        guard case .dict(let members) = properties else { return properties }
        return .dict(members.map { key, original in
            var value = original
            if let type = value["type"]?.stringValue {
                if type == "float" {
                    value.set("format", .string("float"))
                    value.set("description", .string((value["description"]?.stringValue ?? "") + " This is a float type value."))
                }
                value.set("type", .string(openAPITypes[type] ?? "string"))
            } else {
                value.set("type", .string("string"))
            }
            let mapped = value["type"]?.stringValue
            if mapped == "array" || mapped == "object" {
                if let nested = value["properties"] {
                    value.set("properties", cast(nested))
                } else if var items = value["items"], let itemType = items["type"]?.stringValue {
                    items.set("type", .string(openAPITypes[itemType] ?? itemType))
                    if items["type"]?.stringValue == "array", var inner = items["items"], let innerType = inner["type"]?.stringValue {
                        inner.set("type", .string(openAPITypes[innerType] ?? innerType))
                        items.set("items", inner)
                    } else if items["type"]?.stringValue == "object", let nested = items["properties"] {
                        items.set("properties", cast(nested))
                    }
                    value.set("items", items)
                }
            }
            return (key, value)
        })
    }
}

extension PyValue {
    /// The value as Proctor's JSON (tuples and sets as arrays, non-string keys as their `str()`).
    var jsonValue: JSONValue {
        switch self {
        case .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let a), .tuple(let a), .set(let a): return .array(a.map(\.jsonValue))
        case .dict(let d): return .object(Dictionary(d.map { ($0.key.stringValue ?? $0.key.description, $0.value.jsonValue) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
