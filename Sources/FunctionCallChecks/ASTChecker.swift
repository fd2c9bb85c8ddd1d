/// The official BFCL AST checker (`ast_checker.py`): whether decoded calls match a possible answer, and if not,
/// the error type the official score files record (`simple_function_checker:missing_optional`,
/// `value_error:string`, `parallel_function_checker_no_order:cannot_find_match`, …).
///
/// Two versions are kept where they differ: `v1` (gorilla de8307b4, which scored the August 2024 leaderboard files:
/// possible answers are one dictionary keyed by function name, `multiple` categories use the order-free parallel
/// checker, a description is found by substring, dictionaries must have exactly the expected number of keys) and
/// `v3` (bfcl_eval: possible answers are a list of one-key dictionaries, a `multiple` checker, exact name lookup,
/// missing dictionary keys allowed only when optional).
public struct ASTChecker: Sendable {
    /// The language of the function signatures, which decides type conversion.
    public enum Language: String, Sendable, Hashable, Codable {
        case python = "Python", java = "Java", javascript = "JavaScript"
    }

    /// A checker verdict.
    public struct Outcome: Sendable, CustomStringConvertible {
        /// Whether the calls match.
        public var valid: Bool
        /// The official error type when they do not.
        public var errorType: String?
        /// The official error messages.
        public var errors: [String]
        /// For each expected call, whether a model call matched it (nil: not examined, the checker stopped earlier).
        public var calls: [Bool?]

        static let ok = Outcome(valid: true, errorType: nil, errors: [], calls: [])

        static func failure(_ type: String, _ message: String) -> Outcome {
            Outcome(valid: false, errorType: type, errors: [message], calls: [])
        }

        public var description: String { valid ? "valid" : "\(errorType ?? "invalid"): \(errors.joined(separator: " "))" }
    }

    /// Which official version to follow.
    public var version: PromptDecoder.Version
    /// The language of the signatures.
    public var language: Language
    /// Whether the model's API forbids dots in function names (they are compared with `_` for `.`).
    public var underscoreToDot: Bool

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - version: Which official version to follow.
    ///   - language: The language of the signatures.
    ///   - underscoreToDot: Whether names are compared with dots replaced by underscores.
    public init(version: PromptDecoder.Version, language: Language, underscoreToDot: Bool = false) {
        self.version = version
        self.language = language
        self.underscoreToDot = underscoreToDot
    }

    /// `ast_checker`: dispatches on the category as the official code does.
    ///
    /// - Parameters:
    ///   - functions: The entry's `function` field (a dictionary or a list of them).
    ///   - output: The decoded model output (a list of `{name: {param: value}}`).
    ///   - possibleAnswer: The entry's `ground_truth`.
    ///   - category: The category name as the official runner names it (`simple`, `parallel_function`, `live_multiple`).
    /// - Returns: The verdict.
    public func check(functions: PyValue, output: [PyValue], possibleAnswer: PyValue, category: String) -> Outcome {
        do {
            return try dispatch(functions: functions, output: output, possibleAnswer: possibleAnswer, category: category)
        } catch let error as CheckerCrash {
            // The official code raises here, which stops its whole run; Proctor records the entry as failed.
            return .failure("checker_error:crash", error.description)
        } catch {
            return .failure("checker_error:crash", "\(error)")
        }
    }

    private func dispatch(functions: PyValue, output: [PyValue], possibleAnswer: PyValue, category: String) throws -> Outcome {
        switch version {
        case .v1:
            if category.contains("multiple") || category.contains("parallel") {
                let descriptions = category == "parallel_function" ? PyValue.list([functions]) : functions
                guard let answers = possibleAnswer.dictValue else { throw CheckerCrash("ground_truth is not a dictionary") }
                return try parallelNoOrder(descriptions: descriptions, output: output, answers: answers.map { PyValue.dict([$0]) })
            }
            guard output.count == 1 else { return .failure("simple_function_checker:wrong_count", "Wrong number of functions.") }
            var outcome = try simpleFunction(description: functions, output: output[0], answer: possibleAnswer)
            outcome.calls = [outcome.valid]
            return outcome
        case .v3:
            guard let answers = possibleAnswer.elements else { throw CheckerCrash("ground_truth is not a list") }
            if category.contains("parallel") {
                return try parallelNoOrder(descriptions: functions, output: output, answers: answers)
            }
            if category.contains("multiple") {
                guard output.count == answers.count else {
                    return .failure("multiple_function_checker:wrong_count", "Wrong number of functions.")
                }
                guard let first = answers.first, let name = first.dictValue?.first?.key.stringValue else {
                    throw CheckerCrash("empty ground_truth")
                }
                guard let description = findDescription(functions, name: name) else { throw CheckerCrash("no description for \(name)") }
                var outcome = try simpleFunction(description: description, output: output[0], answer: first)
                outcome.calls = [outcome.valid]
                return outcome
            }
            guard output.count == 1 else { return .failure("simple_function_checker:wrong_count", "Wrong number of functions.") }
            guard let description = functions.elements?.first, let answer = answers.first else { throw CheckerCrash("empty function list") }
            var outcome = try simpleFunction(description: description, output: output[0], answer: answer)
            outcome.calls = [outcome.valid]
            return outcome
        }
    }

    /// `find_description`: v1 takes the first description whose name is a substring of the answer's key
    /// (`spotify.play` for `spotify.play_1`), v3 the one with that exact name; a single description is itself.
    func findDescription(_ descriptions: PyValue, name: String) -> PyValue? {
        guard case .list(let list) = descriptions else { return descriptions }
        return list.first { description in
            guard let candidate = description["name"]?.stringValue else { return false }
            return version == .v1 ? (candidate.isEmpty || name.contains(candidate)) : candidate == name
        }
    }

    /// `parallel_function_checker_no_order`: every expected call must be matched by a distinct model call, in any
    /// order; the first expected call without a match fails the entry.
    func parallelNoOrder(descriptions: PyValue, output: [PyValue], answers: [PyValue]) throws -> Outcome {
        guard output.count == answers.count else {
            return .failure("parallel_function_checker_no_order:wrong_count", "Wrong number of functions.")
        }
        var matched: [Int] = []
        var calls = [Bool?](repeating: nil, count: answers.count)
        for (i, answer) in answers.enumerated() {
            guard let name = answer.dictValue?.first?.key.stringValue else { throw CheckerCrash("a ground-truth call has no name") }
            guard let description = findDescription(descriptions, name: name) else {
                if version == .v3 { throw CheckerCrash("no description for \(name)") }
                return .failure(
                    "parallel_function_checker_no_order:cannot_find_description",
                    "Function doc description not found for function name: \(PyValue.string(name)).")
            }
            var found = false
            var errors: [String] = []
            for index in output.indices where !matched.contains(index) {
                let result = try simpleFunction(description: description, output: output[index], answer: answer)
                if result.valid {
                    matched.append(index)
                    found = true
                    break
                }
                errors.append("Model Result Index \(index): \(result.errorType ?? ""): \(result.errors.joined(separator: " "))")
            }
            calls[i] = found
            if !found {
                let considered = output.indices.filter { !matched.contains($0) }
                return Outcome(
                    valid: false, errorType: "parallel_function_checker_no_order:cannot_find_match",
                    errors: ["Could not find a matching function among index \(considered) of model output for index \(i) of possible answers."] + errors,
                    calls: calls)
            }
        }
        return Outcome(valid: true, errorType: nil, errors: [], calls: calls)
    }
}

/// A place where the official checker raises (a missing key, an unknown type): its whole run would stop.
struct CheckerCrash: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
