import Foundation

extension PyValue {
    /// Python's `json.dumps(value)` with its defaults (`, ` and `: ` separators, non-ASCII escaped as `\uXXXX`).
    public var jsonDumps: String {
        switch self {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return PyValue.floatRepr(d)
        case .string(let s): return PyValue.jsonString(s)
        case .list(let a), .tuple(let a), .set(let a): return "[" + a.map(\.jsonDumps).joined(separator: ", ") + "]"
        case .dict(let d):
            return "{" + d.map { member in
                let key: String
                switch member.key {
                case .string(let s): key = PyValue.jsonString(s)
                case .none: key = "\"null\""
                default: key = PyValue.jsonString(member.key.jsonDumps)
                }
                return key + ": " + member.value.jsonDumps
            }.joined(separator: ", ") + "}"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
            default: out += String(format: "\\u%04x", unit)
            }
        }
        return out + "\""
    }

    /// Sets `self[key]` (keeping the key's position), for dictionaries.
    public mutating func set(_ key: String, _ value: PyValue) {
        guard case .dict(var members) = self else { return }
        if let i = members.firstIndex(where: { $0.key == .string(key) }) { members[i].value = value } else { members.append((.string(key), value)) }
        self = .dict(members)
    }

    /// Removes `self[key]`, for dictionaries.
    public mutating func remove(_ key: String) {
        guard case .dict(let members) = self else { return }
        self = .dict(members.filter { $0.key != .string(key) })
    }
}
