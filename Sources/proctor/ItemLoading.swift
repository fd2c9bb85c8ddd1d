import ProctorCore

extension Proctor {
    /// Loads a benchmark split's items for a run: complete items, and the per-item problems a run records.
    ///
    /// - Parameters:
    ///   - adapter: The benchmark.
    ///   - split: The split.
    ///   - location: Where the data is.
    ///   - allowPartial: Go on with complete items when some are missing files (`--allow-partial`).
    /// - Returns: The loaded split.
    /// - Throws: `ProctorError` when data is missing (naming what to fetch) or malformed.
    static func loadItems(adapter: any BenchmarkAdapter, split: String, location: DataLocation, allowPartial: Bool) throws -> LoadedSplit {
        let loaded = try adapter.load(split: split, from: location, allowPartial: allowPartial)
        if !loaded.missing.isEmpty {
            Console.error("\(adapter.name):\(split): \(loaded.missing.count) items lack files and are left out (--allow-partial)")
        }
        return loaded
    }
}
