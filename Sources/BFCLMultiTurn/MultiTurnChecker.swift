import FunctionCallChecks

/// The official multi-turn checker (`multi_turn_checker.py`): the model's calls of each turn (possibly in several
/// steps) and the ground truth's are executed on separate instances that persist across turns; after every turn
/// whose ground truth has calls, the model's instances must have the ground truth's state (every public
/// attribute), and the ground truth's results of that turn must all be among the model's results so far.
public enum MultiTurnChecker {
    /// A verdict with the official error type when it fails.
    public struct Outcome: Sendable, Hashable {
        /// Whether the conversation passes.
        public var valid: Bool
        /// `multi_turn:empty_turn_model_response`, `multi_turn:instance_state_mismatch`,
        /// `multi_turn:execution_response_mismatch`, `multi_turn:force_terminated`, or a simulator that is not ported.
        public var errorType: String?
        /// The official message.
        public var message: String?
        /// The turn that failed.
        public var turn: Int?
    }

    /// Checks one entry.
    ///
    /// - Parameters:
    ///   - model: Per turn, per step, the call texts the model's answer decodes to (empty steps left out).
    ///   - groundTruth: Per turn, the ground-truth call texts.
    ///   - classes: The entry's `involved_classes`.
    ///   - initialConfig: The entry's `initial_config`.
    ///   - longContext: Whether the category is `multi_turn_long_context`.
    /// - Returns: The verdict.
    public static func check(model: [[[String]]], groundTruth: [[String]], classes: [String], initialConfig: PyValue, longContext: Bool) -> Outcome {
        guard model.count == groundTruth.count else {
            return Outcome(
                valid: false, errorType: "multi_turn:force_terminated",
                message: "The length of the model result turns (\(model.count)) does not match the length of the ground truth turns (\(groundTruth.count)).")
        }
        var modelSide: MultiTurnExecutor
        var truthSide: MultiTurnExecutor
        do {
            modelSide = try MultiTurnExecutor(classes: classes, initialConfig: initialConfig, longContext: longContext)
            truthSide = try MultiTurnExecutor(classes: classes, initialConfig: initialConfig, longContext: longContext)
        } catch {
            return Outcome(valid: false, errorType: "multi_turn:simulator_unavailable", message: "\(error)")
        }
        var allModelResults: [String] = []
        for (turn, truthCalls) in groundTruth.enumerated() {
            let steps = model[turn]
            for step in steps { allModelResults += modelSide.execute(step) }
            let truthResults = truthSide.execute(truthCalls)
            if truthCalls.isEmpty { continue }
            if steps.isEmpty || (steps.count == 1 && steps[0].isEmpty) {
                return Outcome(valid: false, errorType: "multi_turn:empty_turn_model_response", message: "Model response list is empty for turn \(turn)", turn: turn)
            }
            for name in classes.sorted() {
                if modelSide.instances[name]?.state != truthSide.instances[name]?.state {
                    return Outcome(
                        valid: false, errorType: "multi_turn:instance_state_mismatch",
                        message: "Model instance for \(name) does not match the state with ground truth instance.", turn: turn)
                }
            }
            var remaining = allModelResults
            for result in truthResults {
                guard let index = remaining.firstIndex(of: result) else {
                    return Outcome(
                        valid: false, errorType: "multi_turn:execution_response_mismatch",
                        message: "Model response execution results so far does not contain all the ground truth response execution results for turn \(turn).",
                        turn: turn)
                }
                remaining.remove(at: index)
            }
        }
        return Outcome(valid: true)
    }
}

extension MultiTurnChecker.Outcome {
    init(valid: Bool, errorType: String? = nil, message: String? = nil) {
        self.init(valid: valid, errorType: errorType, message: message, turn: nil)
    }
}
