/// `java_type_converter.py`: a Java argument written as a string (`"42L"`, `"new int[]{1, 2}"`) to the Python
/// value the checker compares, falling back to the string itself where the official converter does.
public enum JavaTypeConverter {
    /// Converts a value.
    ///
    /// - Parameters:
    ///   - value: The argument's text.
    ///   - type: The Java type in the function description (`long`, `ArrayList`, `HashMap`).
    ///   - nestedType: The element type of `Array`/`ArrayList` parameters.
    /// - Returns: The converted value.
    /// - Throws: Where the official converter raises (`Set`, `Hashtable`, `Queue`, `Stack`, unknown types).
    public static func convert(_ value: String, type: String, nestedType: String? = nil) throws -> PyValue {
        switch type {
        case "byte", "short", "integer":
            guard PythonRegex.matches(#"^-?\d+$"#, value), let i = Int(value) else { return .string(value) }
            return .int(i)
        case "float":
            guard PythonRegex.matches(#"^-?\d+(\.\d+)?([eE][+-]?\d+)?[fF]$"#, value), let d = Double(value.dropLast()) else { return .string(value) }
            return .float(d)
        case "double":
            guard PythonRegex.matches(#"^-?\d+(\.\d+)?([eE][+-]?\d+)?$"#, value), let d = Double(value) else { return .string(value) }
            return .float(d)
        case "long":
            guard PythonRegex.matches(#"^-?\d+[lL]$"#, value), let i = Int(value.dropLast()) else { return .string(value) }
            return .int(i)
        case "boolean":
            guard value == "true" || value == "false" else { return .string(value) }
            return .bool(value == "true")
        case "char":
            // The official pattern `^\'.$\'` can never match, so a char always stays the string given.
            return .string(value)
        case "ArrayList": return try arrayList(value, nestedType: nestedType)
        case "Array": return try array(value, nestedType: nestedType)
        case "HashMap": return hashMap(value)
        case "String", "any": return .string(value)
        case "Set", "Hashtable", "Queue", "Stack": throw CheckerCrash("\(type) conversion is not implemented")
        default: throw CheckerCrash("Unsupported type: \(type)")
        }
    }

    static func element(_ text: String, nestedType: String?) throws -> PyValue {
        if nestedType == "char" || nestedType == "String" { return .string(String(text.dropFirst().dropLast())) }
        if let nestedType { return try convert(text, type: nestedType) }
        return value(text)
    }

    static func arrayList(_ input: String, nestedType: String?) throws -> PyValue {
        if let m = PythonRegex.search(#"new\s+ArrayList<\w*>\(Arrays\.asList\((.+?)\)\)"#, input), let elements = m[1] {
            return .list(try elements.split(separator: ",", omittingEmptySubsequences: false).map {
                try element(PythonRegex.strip(String($0)), nestedType: nestedType)
            })
        }
        if let m = PythonRegex.search(#"new\s+ArrayList<\w*>\(\)\s*\{\{\s*(.+?)\s*\}\}"#, input, dotAll: true), let adds = m[1] {
            return .list(try PythonRegex.findAll(#"add\((.+?)\)"#, adds).map { try element(PythonRegex.strip($0[0]), nestedType: nestedType) })
        }
        if PythonRegex.search(#"new\s+ArrayList<\w*>\(\)"#, input) != nil { return .list([]) }
        return .string(input)
    }

    static func array(_ input: String, nestedType: String?) throws -> PyValue {
        guard let m = PythonRegex.search(#"new\s+\w+\[\]\s*\{(.*?)\}"#, input), let elements = m[1] else { return .string(input) }
        let parts = elements.split(separator: ",", omittingEmptySubsequences: false).map { PythonRegex.strip(String($0)) }.filter { !$0.isEmpty }
        if let nestedType { return .list(try parts.map { try convert($0, type: nestedType) }) }
        return .list(parts.map(value))
    }

    static func hashMap(_ input: String) -> PyValue {
        if let m = PythonRegex.search(#"new\s+HashMap<.*?>\s*\(\)\s*\{\s*\{?\s*(.*?)\s*\}?\s*\}"#, input, dotAll: true) {
            var members: [(key: PyValue, value: PyValue)] = []
            let puts = m[1] ?? ""
            if !PythonRegex.strip(puts).isEmpty {
                for pair in PythonRegex.findAll(#"put\(\"(.*?)\",\s*(.*?)\)"#, puts) {
                    let key = PyValue.string(pair[0])
                    let item = value(PythonRegex.strip(pair[1]))
                    if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = item } else { members.append((key, item)) }
                }
            }
            return .dict(members)
        }
        if PythonRegex.search(#"new\s+HashMap<.*?>\s*\(\)"#, input) != nil { return .dict([]) }
        return .string(input)
    }

    /// `parse_java_value`: a value without type information.
    static func value(_ text: String) -> PyValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if text.count >= 1, text.hasPrefix("\""), text.hasSuffix("\"") { return .string(String(text.dropFirst().dropLast())) }
        if PythonRegex.matches(#"^-?\d+[lL]$"#, text), let i = Int(text.dropLast()) { return .int(i) }
        if PythonRegex.matches(#"^-?\d+(\.\d+)?([eE][+-]?\d+)?[fF]$"#, text), let d = Double(text.dropLast()) { return .float(d) }
        return PythonRegex.number(text) ?? .string(text)
    }
}
