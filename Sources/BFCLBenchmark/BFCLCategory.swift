import FunctionCallChecks

/// One BFCL test category: its file, the data layout it belongs to, and how the official runner judges it.
public struct BFCLCategory: Sendable, Hashable {
    /// How entries of the category are judged.
    public enum Judging: Sendable, Hashable {
        /// Decoded calls are checked against the possible answers by the AST checker.
        case ast
        /// No call is expected: correct when the output does not decode to a non-empty call list.
        case noCall
        /// A call is expected: correct when the output decodes to a non-empty call list.
        case someCall
        /// Executed against the multi-turn simulators.
        case multiTurn
    }

    /// The data layout: the leaderboard's v1 files (`gorilla_openfunctions_v1_test_<name>.json`) or v3
    /// (`BFCL_v3_<name>.json`).
    public typealias Layout = PromptDecoder.Version

    /// The category's name as the official runner writes it (`parallel_function`, `live_multiple`).
    public var name: String
    /// Its layout.
    public var layout: Layout
    /// How it is judged.
    public var judging: Judging

    /// The language of its function signatures.
    public var language: ASTChecker.Language {
        switch name {
        case "java": .java
        case "javascript": .javascript
        default: .python
        }
    }

    /// The question file's name.
    public var fileName: String {
        layout == .v1 ? "gorilla_openfunctions_v1_test_\(name).json" : "BFCL_v3_\(name).json"
    }

    /// Whether the category has a possible-answer file.
    public var hasPossibleAnswers: Bool { judging == .ast || judging == .multiTurn }

    /// The leaderboard's group for the overall score (`non_live`, `live`, `irrelevance`, `relevance`, `multi_turn`).
    public var group: String {
        switch judging {
        case .noCall: return "irrelevance"
        case .someCall: return "relevance"
        case .multiTurn: return "multi_turn"
        case .ast: return name.hasPrefix("live_") ? "live" : "non_live"
        }
    }

    /// The number of entries in the v3 file of a category (gorilla cd9429cc), which the official overall counts at
    /// accuracy 0 when the category was not evaluated (`get_category_score`); nil for other names.
    public static func v3Entries(_ name: String) -> Int? {
        [
            "simple": 400, "multiple": 200, "parallel": 200, "parallel_multiple": 200, "java": 100, "javascript": 50,
            "irrelevance": 240, "live_simple": 258, "live_multiple": 1053, "live_parallel": 16, "live_parallel_multiple": 24,
            "live_irrelevance": 882, "live_relevance": 18, "multi_turn_base": 200, "multi_turn_miss_func": 200,
            "multi_turn_miss_param": 200, "multi_turn_long_context": 200,
        ][name]
    }

    static func v3(_ name: String, _ judging: Judging) -> BFCLCategory { BFCLCategory(name: name, layout: .v3, judging: judging) }
    static func v1(_ name: String, _ judging: Judging) -> BFCLCategory { BFCLCategory(name: name, layout: .v1, judging: judging) }

    /// The v3 single-turn categories, in the leaderboard's order.
    public static let v3SingleTurn: [BFCLCategory] = [
        .v3("simple", .ast), .v3("multiple", .ast), .v3("parallel", .ast), .v3("parallel_multiple", .ast), .v3("java", .ast),
        .v3("javascript", .ast), .v3("irrelevance", .noCall), .v3("live_simple", .ast), .v3("live_multiple", .ast),
        .v3("live_parallel", .ast), .v3("live_parallel_multiple", .ast), .v3("live_irrelevance", .noCall), .v3("live_relevance", .someCall),
    ]

    /// The v3 multi-turn categories.
    public static let v3MultiTurn: [BFCLCategory] = [
        .v3("multi_turn_base", .multiTurn), .v3("multi_turn_miss_func", .multiTurn), .v3("multi_turn_miss_param", .multiTurn),
        .v3("multi_turn_long_context", .multiTurn),
    ]

    /// The v1 categories of the August 2024 leaderboard files (`relevance` there is v3's `irrelevance`).
    public static let v1: [BFCLCategory] = [
        .v1("simple", .ast), .v1("multiple_function", .ast), .v1("parallel_function", .ast), .v1("parallel_multiple_function", .ast),
        .v1("java", .ast), .v1("javascript", .ast), .v1("relevance", .noCall),
    ]

    /// The layouts a category name can be read in, v3 first (`simple`, `java`, `javascript` exist in both).
    public static func candidates(named name: String, multiTurn: Bool) -> [BFCLCategory] {
        let v3 = (multiTurn ? v3MultiTurn : v3SingleTurn).filter { $0.name == name }
        return v3 + (multiTurn ? [] : v1.filter { $0.name == name })
    }
}
