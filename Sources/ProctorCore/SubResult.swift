/// One part of an item's verdict that is judged on its own: an instruction of an IFEval prompt, a test case of a
/// program, one expected function call of a BFCL entry, a turn of a multi-turn conversation.
///
/// Sub-results are stored beside the verdict (one row each) so that metrics can aggregate over them (IFEval's
/// instruction-level micro-average) and `compare` can show which parts flipped between two checkpoints.
public struct SubResult: Sendable, Codable, Hashable {
    /// What kind of part it is (`instruction`, `test`, `call`, `turn`); a metric aggregates over one kind.
    public var kind: String
    /// The part's position within its kind in the item (0-based), in the benchmark's own order.
    public var index: Int
    /// The part's name (`punctuation:no_comma`, `test 3`), not necessarily unique within an item.
    public var id: String
    /// Whether the part passed under the verdict's rules.
    public var passed: Bool
    /// Further named results of the same part (`loose` for IFEval's loose variant: 1 or 0; `seconds` for a test).
    public var values: [String: Double]
    /// Why it failed, as the official scorer names it (`timeout`, `wrong answer`, `simple_function_checker:wrong_count`).
    public var reason: String?

    /// Creates a sub-result.
    ///
    /// - Parameters:
    ///   - kind: The kind of part.
    ///   - index: Its position among the item's parts of that kind.
    ///   - id: Its name.
    ///   - passed: Whether it passed.
    ///   - values: Further named results.
    ///   - reason: Why it failed, if it did.
    public init(kind: String, index: Int, id: String, passed: Bool, values: [String: Double] = [:], reason: String? = nil) {
        self.kind = kind
        self.index = index
        self.id = id
        self.passed = passed
        self.values = values
        self.reason = reason
    }

    /// The result named `value`: `passed` (1 or 0) when `value` is nil, else `values[value]` (nil when absent).
    ///
    /// - Parameter value: A key of `values`, or nil for `passed`.
    /// - Returns: The result in 0…1, or nil when the part has no such value.
    public func result(_ value: String?) -> Double? {
        guard let value else { return passed ? 1 : 0 }
        return values[value]
    }

    /// The probability that the official scorer passes the part, for metrics: `values["expected"]` (for `passed`)
    /// or `values["expected_<value>"]` where the scorer's own verdict is a random draw (IFEval's
    /// `letter_frequency` with a letter outside `a`–`z`), else `result(value)`.
    ///
    /// - Parameter value: A key of `values`, or nil for `passed`.
    /// - Returns: The expected result in 0…1, or nil when the part has no such value.
    public func expectedResult(_ value: String?) -> Double? {
        values[Self.expectationKey(value)] ?? result(value)
    }

    /// The key of the expected result named `value` (`expected`, `expected_loose`).
    ///
    /// - Parameter value: A key of `values`, or nil for `passed`.
    /// - Returns: The key under which its expectation is stored.
    public static func expectationKey(_ value: String?) -> String {
        value.map { "expected_\($0)" } ?? "expected"
    }
}
