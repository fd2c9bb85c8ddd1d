import ArgumentParser

extension Proctor {
    /// Every subcommand, in the order `--help` lists them.
    static let subcommandTable: [any ParsableCommand.Type] = openAISubcommands
}
