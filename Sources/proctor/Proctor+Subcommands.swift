import ArgumentParser

extension Proctor {
    /// Every subcommand, in the order `--help` lists them.
    static let subcommandTable: [any ParsableCommand.Type] =
        [RunCommand.self, ScoreCommand.self, RescoreCommand.self, ReportCommand.self, CompareCommand.self, MergeCommand.self, JudgeCommand.self, ListCommand.self, PublishedCommand.self]
        + engineSubcommands + openAISubcommands + dataSubcommands + scoringSubcommands
}
