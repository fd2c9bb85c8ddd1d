import ArgumentParser
import ProctorCore
import ProctorScoring

// The scorers in the executable (owned by the scoring area).
extension Proctor {
    /// Scorers by the id an adapter names in `scorerID`.
    static let scorerTable: [String: any AnswerScorer] = [
        "aime": MathAnswerScorer(id: "aime", integerAnswers: true),
        "math": MathAnswerScorer(id: "math", integerAnswers: false),
        "mmmu": MMMUScorer(pro: false),
        "mmmu_pro": MMMUScorer(pro: true),
        "mathvista": MathVistaScorer(),
        "mathvision": MathVisionScorer(),
        "olympiadbench": OlympiadBenchScorer(),
        "gpqa": GPQAScorer(),
    ]

    /// The scoring area's subcommands, if any.
    static let scoringSubcommands: [any ParsableCommand.Type] = []
}
