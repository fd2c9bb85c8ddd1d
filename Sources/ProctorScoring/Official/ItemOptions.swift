import ProctorCore

/// The options and gold answers of a multiple-choice item, from whichever form its adapter stored them in.
enum ItemOptions {
    /// `choices`, else an `options` field holding an array or a Python-literal list (MMMU's string form).
    static func options(of item: BenchmarkItem) -> [String] {
        if !item.choices.isEmpty { return item.choices }
        switch item.fields["options"] {
        case .array(let a)?: return a.compactMap(\.stringValue)
        case .string(let s)?: return (try? PythonLiteral.stringList(s, context: item.id)) ?? []
        default: return []
        }
    }

    /// Gold answers: an array field, a Python-literal list (MMMU's open questions with several answers), or the
    /// single answer.
    static func golds(of item: BenchmarkItem) -> [String] {
        if case .array(let a)? = item.fields["answer"] { return a.compactMap(\.stringValue) }
        if item.answer.hasPrefix("["), let list = try? PythonLiteral.stringList(item.answer, context: item.id) { return list }
        return [item.answer]
    }
}
