import ArgumentParser

// The scoring area's subcommands (the scorers themselves are named by each benchmark's definition).
extension Proctor {
    /// The scoring area's subcommands, if any.
    static let scoringSubcommands: [any ParsableCommand.Type] = []
}
