import ArgumentParser

/// The `proctor` command: evaluate models on benchmarks, store everything, report and compare.
@main
struct Proctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proctor",
        abstract: "Evaluate reasoning models on benchmarks, reproducibly.",
        discussion: """
            Every prompt, raw output, extracted answer, verdict and setting is stored in one SQLite file \
            (--db, default proctor.sqlite). Runs resume where they stopped; reports and comparisons are rendered \
            from the database.
            """,
        version: ProctorVersion.string,
        subcommands: Proctor.subcommandTable)
}
