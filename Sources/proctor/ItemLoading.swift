import ProctorCore

extension Proctor {
    /// Loads a benchmark split's items for a run.
    ///
    /// - Parameters:
    ///   - adapter: The benchmark.
    ///   - split: The split.
    ///   - location: Where the data is.
    ///   - allowPartial: Go on with complete items when some are missing files.
    /// - Returns: The items.
    static func loadItems(adapter: any BenchmarkAdapter, split: String, location: DataLocation, allowPartial: Bool) throws -> [BenchmarkItem] {
        try adapter.load(split: split, from: location)
    }
}
