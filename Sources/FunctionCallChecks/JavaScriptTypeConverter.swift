/// `js_type_converter.py`: a JavaScript argument written as a string (`"[1, 2]"`, `"{'a': 1}"`, `"10n"`) to the
/// Python value the checker compares, falling back to the string itself where the official converter does.
public enum JavaScriptTypeConverter {
    /// Converts a value.
    ///
    /// - Parameters:
    ///   - value: The argument's text.
    ///   - type: The type in the function description (`String`, `array`, `dict`, `Bigint`).
    ///   - nestedType: The element type of `array` parameters.
    /// - Returns: The converted value.
    /// - Throws: Where the official converter raises (an unknown type).
    public static func convert(_ value: String, type: String, nestedType: String? = nil) throws -> PyValue {
        switch type {
        case "String":
            guard isQuoted(value) else { return .string(value) }
            return .string(String(value.dropFirst().dropLast()))
        case "integer":
            guard PythonRegex.matches(#"^-?\d+$"#, value), let i = Int(value) else { return .string(value) }
            return .int(i)
        case "float":
            guard PythonRegex.matches(#"^-?\d+(\.\d+)?$"#, value), let d = Double(value) else { return .string(value) }
            return .float(d)
        case "Bigint":
            guard PythonRegex.matches(#"^-?\d+n$"#, value), let i = Int(value.dropLast()) else { return .string(value) }
            return .int(i)
        case "Boolean":
            guard value == "true" || value == "false" else { return .string(value) }
            return .bool(value == "true")
        case "dict": return dictionary(value)
        case "array": return array(value, nestedType: nestedType)
        case "any": return .string(value)
        default: throw CheckerCrash("Unsupported type: \(type)")
        }
    }

    static func isQuoted(_ s: String) -> Bool {
        (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'"))
    }

    /// `parse_js_collection(code, "array", nested_type)`.
    static func array(_ input: String, nestedType: String?) -> PyValue {
        let code = PythonRegex.strip(input)
        let twoD = #"\[\s*\[.*?\]\s*(,\s*\[.*?\]\s*)*\]|\bnew\s+Array\(\s*\[.*?\]\s*(,\s*\[.*?\]\s*)*\)"#
        if let m = PythonRegex.match(twoD, code), let whole = m[0] {
            var elements: [PyValue] = []
            for (index, group) in PythonRegex.findAll(#"\[(.*?)\]"#, whole).enumerated() {
                var inner = PythonRegex.strip(group[0])
                if index == 0 && inner.hasPrefix("[") { inner.removeFirst() }
                elements.append(.list(inner.split(separator: ",", omittingEmptySubsequences: false).map { value(PythonRegex.strip(String($0))) }))
            }
            return .list(elements)
        }
        guard let m = PythonRegex.match(#"\[(.*?)\]|\bnew\s+Array\((.*?)\)"#, code) else { return .string(code) }
        let body = PythonRegex.strip(m[1] ?? m[2] ?? "")
        let parts = body.isEmpty ? [] : body.split(separator: ",", omittingEmptySubsequences: false).map { PythonRegex.strip(String($0)) }
        guard let nestedType else { return .list(parts.map(value)) }
        do {
            return .list(try parts.map { try convert($0, type: nestedType, nestedType: "String") })
        } catch {
            return .string(code)
        }
    }

    /// `parse_js_collection(code, "dict")`.
    static func dictionary(_ input: String) -> PyValue {
        let code = PythonRegex.strip(input)
        if code == "{}" { return .dict([]) }
        guard let m = PythonRegex.match(#"\{(.*?)\}"#, code), let content = m[1] else { return .string(code) }
        var members: [(key: PyValue, value: PyValue)] = []
        for pair in PythonRegex.findAll(#"([^:]+):\s*(.*?)(?:,\s*(?=[^,]+:)|$)"#, content) {
            let key = PyValue.string(PythonRegex.strip(PythonRegex.strip(pair[0]), "'\""))
            let text = PythonRegex.strip(pair[1])
            let item: PyValue
            if text.hasPrefix("[") && text.hasSuffix("]") {
                item = array(text, nestedType: nil)
            } else if text.hasPrefix("{") && text.hasSuffix("}") {
                item = dictionary(text)
            } else {
                item = value(PythonRegex.strip(text, "'\""))
            }
            if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = item } else { members.append((key, item)) }
        }
        return .dict(members)
    }

    /// `parse_js_value`.
    static func value(_ input: String) -> PyValue {
        let text = PythonRegex.strip(input)
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if isQuoted(text) && text.count >= 1 { return .string(String(text.dropFirst().dropLast())) }
        return PythonRegex.number(text) ?? .string(text)
    }
}
