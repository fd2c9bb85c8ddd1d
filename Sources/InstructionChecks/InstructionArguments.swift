import ProctorCore

/// One instruction's keyword arguments (IFEval's `kwargs[i]`), read with the types the official
/// `build_description` expects.
///
/// Null values are absent (the hub's Parquet copy gives every instruction every key, null when unused). A missing
/// or invalid argument is an error naming the instruction and the key, where the official checker would draw a
/// random value.
public struct InstructionArguments: Sendable, Hashable {
    /// The instruction the arguments belong to (for messages).
    public var instructionID: String
    /// The non-null arguments by name.
    public var values: [String: JSONValue]

    /// Creates arguments, dropping null values.
    ///
    /// - Parameters:
    ///   - instructionID: The instruction's id.
    ///   - values: The arguments as the data file writes them.
    public init(instructionID: String, values: [String: JSONValue]) {
        self.instructionID = instructionID
        self.values = values.filter { !$0.value.isNull }
    }

    /// An integer argument (`num_words`); a whole-valued number such as `3.0` is accepted.
    ///
    /// - Parameter key: The argument's name.
    /// - Returns: Its value.
    /// - Throws: `InstructionCheckError` when it is absent or not an integer.
    public func integer(_ key: String) throws -> Int {
        let value = try required(key)
        switch value {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        default: throw invalid(key, value, "an integer")
        }
    }

    /// A count argument (`num_sentences`): an integer ≥ 0 (the official checker draws a random one for a negative).
    ///
    /// - Parameter key: The argument's name.
    /// - Returns: Its value.
    /// - Throws: `InstructionCheckError` when it is absent, not an integer, or negative.
    public func count(_ key: String) throws -> Int {
        let n = try integer(key)
        guard n >= 0 else { throw invalid(key, .int(n), "≥ 0 (the official checker would pick a random one)") }
        return n
    }

    /// A text argument (`keyword`, `end_phrase`).
    ///
    /// - Parameter key: The argument's name.
    /// - Returns: Its value.
    /// - Throws: `InstructionCheckError` when it is absent or not text.
    public func text(_ key: String) throws -> String {
        let value = try required(key)
        guard case .string(let s) = value else { throw invalid(key, value, "a string") }
        return s
    }

    /// A list-of-texts argument (`keywords`, `forbidden_words`).
    ///
    /// - Parameter key: The argument's name.
    /// - Returns: Its values.
    /// - Throws: `InstructionCheckError` when it is absent, empty, or holds something other than text.
    public func texts(_ key: String) throws -> [String] {
        let value = try required(key)
        guard case .array(let items) = value, !items.isEmpty else { throw invalid(key, value, "a non-empty list of strings") }
        return try items.map { item in
            guard case .string(let s) = item else { throw invalid(key, value, "a non-empty list of strings") }
            return s
        }
    }

    /// A comparison argument (`relation`, `let_relation`, `capital_relation`): `less than` or `at least`.
    ///
    /// - Parameter key: The argument's name.
    /// - Returns: The comparison.
    /// - Throws: `InstructionCheckError` when it is absent or another phrase (the official checker raises then).
    public func relation(_ key: String) throws -> Relation {
        let phrase = try text(key)
        guard let relation = Relation(rawValue: phrase) else {
            throw InstructionCheckError(
                .invalidArgument,
                "\(instructionID): \(key) is \(String(reflecting: phrase)); the official checker accepts only \"less than\" and \"at least\"")
        }
        return relation
    }

    func required(_ key: String) throws -> JSONValue {
        guard let value = values[key] else {
            throw InstructionCheckError(
                .missingArgument,
                "\(instructionID) needs the argument \(key) (the official checker would pick a random one); add it to the instruction's kwargs")
        }
        return value
    }

    func invalid(_ key: String, _ value: JSONValue, _ expected: String) -> InstructionCheckError {
        InstructionCheckError(.invalidArgument, "\(instructionID): \(key) must be \(expected), not \(value)")
    }
}

/// The two comparisons the official checker knows.
public enum Relation: String, Sendable, Hashable, Codable {
    /// `count < threshold`.
    case lessThan = "less than"
    /// `count >= threshold`.
    case atLeast = "at least"

    /// Whether `count` satisfies the comparison against `threshold`.
    ///
    /// - Parameters:
    ///   - count: What the response has.
    ///   - threshold: What the instruction names.
    /// - Returns: `count < threshold` or `count >= threshold`.
    public func holds(_ count: Int, _ threshold: Int) -> Bool {
        switch self {
        case .lessThan: count < threshold
        case .atLeast: count >= threshold
        }
    }
}
