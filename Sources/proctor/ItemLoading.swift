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

    /// The release a run uses, as stored with it: `release`, else the latest of each benchmark with releases
    /// (several joined by commas); nil when no benchmark has releases.
    static func chosenRelease(_ release: String?, of definitions: [BenchmarkDefinition]) -> String? {
        let chosen = Set(definitions.compactMap { definition in definition.releaseSchedule.flatMap { release ?? $0.latest } })
        return chosen.isEmpty ? nil : chosen.sorted().joined(separator: ",")
    }

    /// The items of a release, for benchmarks with a release schedule (the latest when none is given).
    ///
    /// - Throws: `ProctorError` for a release the benchmark does not know (benchmarks without releases ignore it).
    static func selectRelease(_ release: String?, of loaded: LoadedSplit, definition: BenchmarkDefinition, name: BenchmarkName) throws -> LoadedSplit {
        guard let schedule = definition.releaseSchedule else { return loaded }
        guard let chosen = release ?? schedule.latest, schedule.releases.contains(chosen) else {
            throw ProctorError(.invalidArgument, "\(name.name) has no release \"\(release ?? "")\"; its releases: \(schedule.releases.joined(separator: ", "))")
        }
        var selected = loaded
        selected.items = schedule.select(loaded.items, chosen)
        if selected.items.isEmpty, !loaded.items.isEmpty {
            Console.error("\(name): none of its \(loaded.items.count) questions is in release \(chosen); pick another with --release")
        }
        return selected
    }
}
