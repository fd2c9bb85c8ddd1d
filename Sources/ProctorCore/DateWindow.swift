/// A window of days over items' ISO dates (`2024-08-01`, `2024-08-01T19:30:00`), bounded as LiveCodeBench's
/// `load_code_generation_dataset` bounds it: both ends are days read as midnight, so the first day is kept whole and
/// the last day only at midnight (`contest_date <= datetime(end)`); an item dated `2025-01-31T19:30:00` lies outside a
/// window ending on 2025-01-31.
public struct DateWindow: Sendable, Hashable {
    /// The first day (`YYYY-MM-DD`), nil when open.
    public var from: String?
    /// The last day (`YYYY-MM-DD`), nil when open.
    public var to: String?

    /// Creates a window.
    ///
    /// - Parameters:
    ///   - from: The first day, or nil.
    ///   - to: The last day, or nil.
    public init(from: String?, to: String?) {
        self.from = from
        self.to = to
    }

    /// Checks a day given on the command line (`--start-date`, `--end-date`): `YYYY-MM-DD` naming a real day.
    ///
    /// - Parameter day: The text given.
    /// - Returns: Why it is not a day (`"2025-13-45" is not a day of the calendar`), nil when it is one.
    public static func problem(with day: String) -> String? {
        guard let match = day.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
              let year = Int(match.1), let month = Int(match.2), let date = Int(match.3) else {
            return "takes YYYY-MM-DD, not \"\(day)\""
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...days[month - 1]).contains(date) else {
            return "takes a day of the calendar; \"\(day)\" is not one"
        }
        return nil
    }

    /// Whether a date lies in the window.
    ///
    /// - Parameter date: An ISO date or date-time.
    /// - Returns: Whether it is on or after midnight of `from` and on or before midnight of `to`.
    public func contains(_ date: some StringProtocol) -> Bool {
        let day = date.prefix(10)
        if let from, day < from { return false }
        if let to {
            if day > to { return false }
            // On the last day, only midnight: every digit of the time part is 0.
            if day == to, date.dropFirst(10).contains(where: { $0.isNumber && $0 != "0" }) { return false }
        }
        return true
    }
}
