import ProctorCore

/// Reads the Python-literal lists MMMU stores in string fields (`"['$6', '$7']"`).
public enum PythonLiteral {
    /// The strings of a Python list literal of strings; nil when the text is not one.
    ///
    /// - Parameter text: `['a', "b", …]`.
    public static func stringList(_ text: String) -> [String]? {
        let chars = Array(text.trimmingSpaces())
        guard chars.first == "[", chars.last == "]" else { return nil }
        var items: [String] = []
        var i = 1
        while i < chars.count - 1 {
            let c = chars[i]
            if c == " " || c == "," || c == "\n" { i += 1; continue }
            guard c == "'" || c == "\"" else { return nil }
            var value: [Character] = []
            var j = i + 1
            while j < chars.count - 1, chars[j] != c {
                if chars[j] == "\\", j + 1 < chars.count - 1 {
                    let e = chars[j + 1]
                    switch e {
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    case "\\", "'", "\"": value.append(e)
                    default: value.append("\\"); value.append(e)
                    }
                    j += 2
                    continue
                }
                value.append(chars[j])
                j += 1
            }
            guard j < chars.count - 1 else { return nil }
            items.append(String(value))
            i = j + 1
        }
        return items
    }

    /// Options from an item: `choices`, else an `options` field holding an array or a Python-literal list.
    public static func options(of item: BenchmarkItem) -> [String] {
        if !item.choices.isEmpty { return item.choices }
        switch item.fields["options"] {
        case .array(let a)?: return a.compactMap(\.stringValue)
        case .string(let s)?: return stringList(s) ?? []
        default: return []
        }
    }

    /// Gold answers: an array field, a Python-literal list, or the single answer.
    public static func golds(of item: BenchmarkItem) -> [String] {
        if case .array(let a)? = item.fields["answer"] { return a.compactMap(\.stringValue) }
        if let list = stringList(item.answer), item.answer.hasPrefix("[") { return list }
        return [item.answer]
    }
}
