import Foundation

// Additions to the adapter contract owned by the data area: per-item load problems and partial loading.
//
// A benchmark split is loaded as a `LoadedSplit`: the items that are complete, plus one `ItemLoadProblem` for each
// item that could not be built (its image file is missing or does not decode). The run command decides what a
// problem means:
// - `.missingFile` problems stop the run (the data is incomplete: fetch it) unless `--allow-partial` was given,
//   in which case the run goes on with the complete items only;
// - `.corruptFile` problems never stop the run: each becomes an error row for that item.

/// Why one item of a benchmark could not be built.
public struct ItemLoadProblem: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// A file the item needs (usually an image) is not in the local copy: fetch it.
        case missingFile = "missing-file"
        /// A file the item needs is present but unreadable (an image that does not decode, say).
        case corruptFile = "corrupt-file"
    }

    /// The benchmark's own id of the item.
    public var itemID: String
    /// The kind of problem.
    public var kind: Kind
    /// The files involved, as paths (or names inside a Parquet file).
    public var files: [String]
    /// What went wrong, naming the item and the files.
    public var message: String

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - itemID: The item's id.
    ///   - kind: The kind of problem.
    ///   - files: The files involved.
    ///   - message: What went wrong.
    public init(itemID: String, kind: Kind, files: [String], message: String) {
        self.itemID = itemID
        self.kind = kind
        self.files = files
        self.message = message
    }

    public var description: String { message }

    enum CodingKeys: String, CodingKey {
        case itemID = "item_id", kind, files, message
    }
}

/// A split as loaded: the complete items and the problems of the others.
public struct LoadedSplit: Sendable, Hashable {
    /// The items that could be built, in the benchmark's own order.
    public var items: [BenchmarkItem]
    /// One entry per item that could not be built.
    public var problems: [ItemLoadProblem]

    /// Creates a loaded split.
    public init(items: [BenchmarkItem], problems: [ItemLoadProblem] = []) {
        self.items = items
        self.problems = problems
    }

    /// The problems caused by files absent from the local copy.
    public var missing: [ItemLoadProblem] { problems.filter { $0.kind == .missingFile } }

    /// The error to throw when files are missing and partial loading was not asked for: it names how many items are
    /// affected, the first files to fetch, and both ways out (`proctor fetch`, `--allow-partial`).
    ///
    /// - Parameter benchmark: The benchmark name, as typed on the command line.
    /// - Returns: The error, or nil when no file is missing.
    public func missingFilesError(benchmark: String) -> ProctorError? {
        let missing = self.missing
        guard !missing.isEmpty else { return nil }
        var files: [String] = []
        for file in missing.flatMap(\.files) where !files.contains(file) { files.append(file) }
        let shown = files.prefix(5).joined(separator: ", ")
        let more = files.count > 5 ? " and \(files.count - 5) more" : ""
        return ProctorError(
            .notFound,
            "\(benchmark): \(missing.count) of \(items.count + problems.count) items lack files in the local copy "
                + "(missing: \(shown)\(more)); run `proctor fetch \(benchmark)` to get the complete dataset, add the "
                + "files to the local copy, or pass --allow-partial to run the \(items.count) complete items only")
    }
}

/// An adapter that reports per-item problems instead of failing the whole split.
///
/// Conformers implement `loadSplit(split:from:)`; `load(split:from:)` then comes for free and throws
/// `LoadedSplit.missingFilesError` when files are missing (items with corrupt files are left out of its result:
/// callers that must record them as error rows use `loadSplit`).
public protocol ItemwiseLoading: BenchmarkAdapter {
    /// Loads a split, keeping one problem per item that could not be built.
    ///
    /// - Parameters:
    ///   - split: One of `splits`.
    ///   - location: Where to look for the data.
    /// - Returns: The complete items and the problems.
    /// - Throws: `ProctorError` when the split's main files are missing or malformed (naming the file and line).
    func loadSplit(split: String, from location: DataLocation) throws -> LoadedSplit
}

extension ItemwiseLoading {
    /// Loads every complete item, failing when a file is missing.
    ///
    /// - Throws: `ProctorError` naming the files to fetch.
    public func load(split: String, from location: DataLocation) throws -> [BenchmarkItem] {
        let loaded = try loadSplit(split: split, from: location)
        if let error = loaded.missingFilesError(benchmark: "\(name):\(split)") { throw error }
        return loaded.items
    }
}

extension BenchmarkAdapter {
    /// Loads a split for a run: the items and the per-item problems.
    ///
    /// - Parameters:
    ///   - split: One of `splits`.
    ///   - location: Where to look for the data.
    ///   - allowPartial: Go on with the complete items when some items' files are missing (`--allow-partial`).
    /// - Returns: The items and the problems (missing-file problems are only returned when `allowPartial`).
    /// - Throws: `ProctorError` when the data is missing or malformed, or files are missing and `allowPartial` is false.
    public func load(split: String, from location: DataLocation, allowPartial: Bool) throws -> LoadedSplit {
        guard let itemwise = self as? any ItemwiseLoading else {
            return LoadedSplit(items: try load(split: split, from: location))
        }
        let loaded = try itemwise.loadSplit(split: split, from: location)
        if !allowPartial, let error = loaded.missingFilesError(benchmark: "\(name):\(split)") { throw error }
        return loaded
    }
}

/// Why items are being loaded: for a run (prompts with their images) or only for scoring outputs made elsewhere,
/// which needs the text fields and gold answers but no pixels.
public enum LoadPurpose {
    /// True while items are loaded for scoring only: adapters then neither read nor check image files, so a local
    /// copy with annotations and without images still scores (its items carry empty image placeholders).
    @TaskLocal public static var scoringOnly = false
}

extension BenchmarkAdapter {
    /// Loads a split for scoring outputs made elsewhere: every item whose text can be read, without its images.
    ///
    /// - Parameters:
    ///   - split: One of `splits`.
    ///   - location: Where to look for the data.
    /// - Returns: The items and the problems of those that cannot be read at all.
    /// - Throws: `ProctorError` when the split's main files are missing or malformed.
    public func loadForScoring(split: String, from location: DataLocation) throws -> LoadedSplit {
        try LoadPurpose.$scoringOnly.withValue(true) { try load(split: split, from: location, allowPartial: true) }
    }
}
