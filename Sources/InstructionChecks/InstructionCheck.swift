import ProctorCore
import PythonCompat

/// One verifiable instruction (`punctuation:no_comma`, `length_constraints:number_words` with its arguments), ready
/// to be checked against responses as google-research's `instruction_following_eval` checks it.
///
/// Build it once per instruction (as the official `build_description` does: arguments are read and validated
/// then), and check as many responses as needed. The checks are pure functions of the response text, so one check
/// may be used from several tasks at once. IFEval and LiveBench's instruction-following tasks use the same ids.
public struct InstructionCheck: Sendable {
    /// The instruction's id, as the official registry names it.
    public let id: String
    /// Whether the official checker replaces one of the given arguments by a random draw (a
    /// `keywords:letter_frequency` letter outside `a`–`z`), so that its verdict varies from run to run and no
    /// deterministic port can reproduce it; this port checks the argument as given.
    public var officialDrawsRandomArgument: Bool { !officialDraws.isEmpty }
    /// The official `check_following`.
    let rule: Rule
    /// The checks the official `build_description` builds with equal probability when it draws an argument at
    /// random (one per letter `a`–`z` for `letter_frequency`); empty when it keeps the given arguments.
    let officialDraws: [Rule]

    /// A check of one response (the official `check_following(value)`).
    typealias Rule = @Sendable (String) -> Bool
    /// Reads an instruction's arguments into its check (the official `build_description`).
    typealias Builder = @Sendable (InstructionArguments) throws -> Rule

    /// Builds the check for an instruction.
    ///
    /// - Parameters:
    ///   - id: The instruction's id (one of `supportedIDs`).
    ///   - kwargs: Its arguments as the data file writes them (null values are ignored).
    /// - Throws: `InstructionCheckError` for an unknown id or a missing or invalid argument.
    public init(id: String, kwargs: [String: JSONValue]) throws {
        guard let build = Self.builders[id] else {
            throw InstructionCheckError(
                .unknownInstruction,
                "unknown instruction id \(String(reflecting: id)); the official checker registers: \(Self.supportedIDs.joined(separator: ", "))")
        }
        let arguments = InstructionArguments(instructionID: id, values: kwargs)
        self.id = id
        self.rule = try build(arguments)
        self.officialDraws = try Self.randomDraws[id]?(arguments) ?? []
    }

    /// For the instructions whose official `build_description` draws a random value for some valid-looking
    /// arguments: the equally likely checks it may build from these arguments (empty when it keeps them).
    static let randomDraws: [String: @Sendable (InstructionArguments) throws -> [Rule]] = [
        "keywords:letter_frequency": KeywordChecks.letterFrequencyDraws,
    ]

    /// The ids the official registry lists (`instructions_registry.INSTRUCTION_DICT`), sorted.
    public static var supportedIDs: [String] { builders.keys.sorted() }

    /// Every builder by id: one table per instruction group, as the official registry groups them.
    static let builders: [String: Builder] = {
        var table: [String: Builder] = [:]
        for group in [KeywordChecks.builders, LengthChecks.builders, ContentChecks.builders, FormatChecks.builders,
                      CombinationChecks.builders, CaseChecks.builders] {
            table.merge(group) { first, _ in first }
        }
        return table
    }()

    /// The official `check_following(response)`: whether the text follows the instruction, with no guard for
    /// empty text (`evaluate` adds it).
    ///
    /// - Parameter response: The response (or one of its loose variants).
    /// - Returns: Whether it follows the instruction.
    public func isFollowed(by response: String) -> Bool {
        rule(response)
    }

    /// The strict and loose verdicts on a response, as `evaluation_lib.test_instruction_following_strict` and
    /// `_loose` give them: a variant counts only when it has non-whitespace text, and loose passes when any of the
    /// eight variants passes.
    ///
    /// - Parameter response: The response's variants (build them once per response).
    /// - Returns: The verdicts.
    public func evaluate(_ response: ResponseVariants) -> InstructionResult {
        let (strict, loose) = Self.verdicts(of: rule, on: response)
        return InstructionResult(id: id, strict: strict, loose: loose)
    }

    /// The official checker's expected verdicts where it draws an argument at random: the share of its equally
    /// likely checks that the response follows, strict and loose (the checker draws once per instruction and
    /// checks every loose variant with that draw). Nil when it keeps the given arguments, so that its verdict is
    /// `evaluate`'s.
    ///
    /// - Parameter response: The response's variants.
    /// - Returns: The probabilities in 0…1 that the official strict and loose runs count it as followed.
    public func officialExpectation(_ response: ResponseVariants) -> (strict: Double, loose: Double)? {
        guard !officialDraws.isEmpty else { return nil }
        var strict = 0, loose = 0
        for draw in officialDraws {
            let verdicts = Self.verdicts(of: draw, on: response)
            strict += verdicts.strict ? 1 : 0
            loose += verdicts.loose ? 1 : 0
        }
        let count = Double(officialDraws.count)
        return (Double(strict) / count, Double(loose) / count)
    }

    /// `test_instruction_following_strict` and `_loose` for one check: a variant counts only when it has
    /// non-whitespace text, and loose passes when any of the eight variants passes.
    static func verdicts(of rule: Rule, on response: ResponseVariants) -> (strict: Bool, loose: Bool) {
        let strict = PythonString.hasNonSpace(response.original) && rule(response.original)
        let loose = strict || response.loose.dropFirst().contains { PythonString.hasNonSpace($0) && rule($0) }
        return (strict, loose)
    }
}

/// One instruction's verdicts on one response.
public struct InstructionResult: Sendable, Codable, Hashable {
    /// The instruction's id.
    public var id: String
    /// Whether the response itself follows it.
    public var strict: Bool
    /// Whether any of the loose variants follows it.
    public var loose: Bool

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - id: The instruction's id.
    ///   - strict: The strict verdict.
    ///   - loose: The loose verdict.
    public init(id: String, strict: Bool, loose: Bool) {
        self.id = id
        self.strict = strict
        self.loose = loose
    }
}

/// A response and the eight texts the official loose evaluation tries: the response, the response with every `*`
/// removed, the response without its first line, without its last line, without both (each of these three
/// stripped), and the last three with every `*` removed. Lines are split on `\n` only.
public struct ResponseVariants: Sendable, Hashable {
    /// The response as given.
    public let original: String
    /// The eight variants, the response itself first, in the official order.
    public let loose: [String]

    /// Builds the variants of a response.
    ///
    /// - Parameter response: The response text.
    public init(_ response: String) {
        original = response
        let lines = PythonString.split(response, separator: "\n")
        func joined(_ part: ArraySlice<String>) -> String { PythonString.strip(part.joined(separator: "\n")) }
        let withoutFirst = joined(lines.dropFirst())
        let withoutLast = joined(lines.dropLast())
        let withoutBoth = joined(lines.dropFirst().dropLast())
        let cut = [withoutFirst, withoutLast, withoutBoth]
        loose = [response, PythonString.removingAll(response, "*")] + cut + cut.map { PythonString.removingAll($0, "*") }
    }
}
