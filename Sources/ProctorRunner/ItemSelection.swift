import ProctorCore

/// Which of a loaded split's items a run uses: those in a date window (for benchmarks with a date field), then the
/// first `limit` of them, counting items that could not be loaded among the `limit` (so a partial copy never
/// stores more than `limit` rows per benchmark and sample).
public struct ItemSelection: Sendable, Hashable {
    /// The item field holding a date (`contest_date`), nil when the benchmark has none.
    public var dateField: String?
    /// The first day kept (`YYYY-MM-DD`), if any.
    public var startDate: String?
    /// The last day kept, if any.
    public var endDate: String?
    /// The most items kept.
    public var limit: Int?

    /// Creates a selection.
    public init(dateField: String? = nil, startDate: String? = nil, endDate: String? = nil, limit: Int? = nil) {
        self.dateField = dateField
        self.startDate = startDate
        self.endDate = endDate
        self.limit = limit
    }

    /// Whether an item's date lies in the window (always true without a window).
    ///
    /// - Parameter item: The item.
    /// - Returns: Whether it is kept.
    public func contains(_ item: BenchmarkItem) -> Bool {
        guard startDate != nil || endDate != nil, let dateField else { return true }
        guard let date = item.categories[dateField] ?? item.fields[dateField]?.stringValue else { return false }
        return DateWindow(from: startDate, to: endDate).contains(date)
    }

    /// Applies the selection.
    ///
    /// - Parameters:
    ///   - loaded: The loaded split.
    ///   - benchmark: `name:split`, for messages.
    /// - Returns: The kept items and the kept problems (at most `limit` together, items first).
    /// - Throws: `ProctorError` when a date window is asked of a benchmark without a date field.
    public func apply(_ loaded: LoadedSplit, benchmark: String) throws -> (items: [BenchmarkItem], problems: [ItemLoadProblem]) {
        if dateField == nil, startDate != nil || endDate != nil {
            throw ProctorError(.invalidArgument, "\(benchmark) has no item dates; --start-date and --end-date apply to benchmarks with a date field")
        }
        var items = loaded.items.filter(contains)
        var problems = loaded.problems
        if let limit {
            items = Array(items.prefix(limit))
            problems = Array(problems.prefix(max(0, limit - items.count)))
        }
        return (items, problems)
    }
}
