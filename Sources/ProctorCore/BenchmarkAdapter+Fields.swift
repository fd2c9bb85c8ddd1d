/// Building items from a benchmark's own fields, for predictions of items that are absent from the local data.
extension BenchmarkAdapter {
    /// An item built from fields that travel with a prediction (`proctor score`), under the benchmark's official
    /// field names. The default reads `answer` and `options`/`choices`; adapters whose gold lives elsewhere
    /// override it.
    ///
    /// - Parameters:
    ///   - id: The benchmark's item id.
    ///   - split: The split.
    ///   - fields: The fields.
    /// - Returns: The item, or nil when the fields do not say what the right answer is.
    public func item(id: String, split: String, fields: [String: JSONValue]) -> BenchmarkItem? {
        guard let answer = fields["answer"]?.stringValue ?? fields["final_answer"]?.arrayValue?.first?.stringValue else {
            return nil
        }
        let choices = (fields["options"] ?? fields["choices"])?.arrayValue?.compactMap(\.stringValue) ?? []
        return BenchmarkItem(
            benchmark: BenchmarkName(name: name, split: split), id: id, messages: [], promptTemplate: "imported",
            answer: answer, choices: choices, fields: fields)
    }
}
