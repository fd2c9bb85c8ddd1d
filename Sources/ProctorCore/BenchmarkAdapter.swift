import Foundation

/// Where benchmark data is looked for: a local folder given with `--data` (or `PROCTOR_DATA`), and the Hugging Face
/// hub cache.
public struct DataLocation: Sendable, Hashable {
    /// A local copy laid out as `ROOT/<benchmark>/…` (the authors' files), if given.
    public var root: URL?
    /// The Hugging Face hub cache folder (`$HF_HUB_CACHE`, `$HF_HOME/hub`, `~/.cache/huggingface/hub`).
    public var hubCache: URL?

    /// Creates a location.
    public init(root: URL?, hubCache: URL?) {
        self.root = root
        self.hubCache = hubCache
    }
}

/// What an adapter found for one split.
public struct DataAvailability: Sendable, Hashable {
    /// Where the files were found (nil when not found).
    public var source: String?
    /// Items present.
    public var items: Int
    /// Images present (0 for text-only benchmarks).
    public var images: Int

    /// Creates a description.
    public init(source: String?, items: Int, images: Int) {
        self.source = source
        self.items = items
        self.images = images
    }
}

/// Reads one benchmark from its authors' files and builds its official prompts.
public protocol BenchmarkAdapter: Sendable {
    /// The benchmark's name on the command line (`aime24`).
    var name: String { get }
    /// A one-line description for `proctor list benchmarks`.
    var summary: String { get }
    /// The splits it knows; the first is the default.
    var splits: [String] { get }

    /// Loads every item of a split.
    ///
    /// - Parameters:
    ///   - split: One of `splits`.
    ///   - location: Where to look for the data.
    /// - Returns: The items, in the benchmark's own order.
    /// - Throws: `ProctorError` naming the file, line or item when the data is missing or malformed.
    func load(split: String, from location: DataLocation) throws -> [BenchmarkItem]

    /// Tells where a split's data was found and how much of it is there, without building prompts.
    ///
    /// - Parameters:
    ///   - split: One of `splits`.
    ///   - location: Where to look for the data.
    /// - Returns: What was found.
    func availability(split: String, from location: DataLocation) -> DataAvailability

    /// Builds an item from the benchmark's own fields (for predictions of items absent from the local data);
    /// a default implementation reads `answer` and `options`/`choices`.
    ///
    /// - Parameters:
    ///   - id: The benchmark's item id.
    ///   - split: The split.
    ///   - fields: The fields under their official names.
    /// - Returns: The item, or nil when the fields do not give the gold answer.
    func item(id: String, split: String, fields: [String: JSONValue]) -> BenchmarkItem?
}

extension BenchmarkAdapter {
    /// The default split.
    public var defaultSplit: String { splits.first ?? "test" }

    /// Counts by loading; adapters with expensive items override it.
    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        guard let items = try? load(split: split, from: location) else {
            return DataAvailability(source: nil, items: 0, images: 0)
        }
        return DataAvailability(source: "found", items: items.count, images: items.reduce(0) { $0 + $1.images.count })
    }
}
