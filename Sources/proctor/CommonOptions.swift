import ArgumentParser
import Foundation
import ProctorCore
import ProctorStore

/// `--db`: the results database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The results database (SQLite). Default: $PROCTOR_DB or proctor.sqlite.", valueName: "path"))
    var db: String?

    /// The path in use.
    var path: String { db ?? ProcessInfo.processInfo.environment["PROCTOR_DB"] ?? "proctor.sqlite" }

    /// Opens the database, creating it when absent.
    func open() throws -> ResultsDatabase { try ResultsDatabase(path: path) }

    /// Opens an existing database; a missing file is an error rather than a new empty database.
    func openExisting() throws -> ResultsDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ProctorError(.notFound, "no results database at \(path); run `proctor run` first or pass --db PATH")
        }
        return try ResultsDatabase(path: path)
    }
}

/// `--data`: where benchmark files are.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A local copy of the benchmarks, laid out as FOLDER/<benchmark>/ (such as ../shared/data). Default: $PROCTOR_DATA; the Hugging Face hub cache is searched too.",
        valueName: "folder"))
    var data: String?

    /// Where to look.
    var location: DataLocation { Proctor.dataLocation(data: data) }
}

/// The one place where benchmark names become adapters and scorers.
enum Catalog {
    /// The adapter for a benchmark name.
    ///
    /// - Throws: `ProctorError` listing the known benchmarks when the name is unknown.
    static func adapter(_ name: String) throws -> any BenchmarkAdapter {
        guard let adapter = Proctor.benchmarkTable.first(where: { $0.name == name.lowercased() }) else {
            let known = Proctor.benchmarkTable.map(\.name).joined(separator: ", ")
            throw ProctorError(.invalidArgument, "unknown benchmark \"\(name)\"; known: \(known) (see `proctor list benchmarks`)")
        }
        return adapter
    }

    /// Resolves `NAME[:SPLIT]` to its adapter and full name (the default split filled in).
    static func benchmark(_ text: String) throws -> (adapter: any BenchmarkAdapter, name: BenchmarkName) {
        var name = BenchmarkName(parsing: text)
        let adapter = try adapter(name.name)
        if name.split.isEmpty { name.split = adapter.defaultSplit }
        guard adapter.splits.contains(name.split) else {
            throw ProctorError(.invalidArgument, "\(adapter.name) has no split \"\(name.split)\"; its splits: \(adapter.splits.joined(separator: ", "))")
        }
        return (adapter, name)
    }

    /// The adapter building the prompts of `promptStyle`; a benchmark without that variant keeps its official
    /// prompt, which is said on stderr.
    static func adapter(_ adapter: any BenchmarkAdapter, promptStyle: String) -> any BenchmarkAdapter {
        guard promptStyle != PromptStyle.official else { return adapter }
        if let variants = adapter as? any PromptVariants, let styled = variants.withPromptStyle(promptStyle) { return styled }
        Console.error("\(adapter.name) has no \(promptStyle) prompt variant; it uses its official prompt")
        return adapter
    }

    /// The scorer an adapter names.
    static func scorer(for adapter: any BenchmarkAdapter) throws -> any AnswerScorer {
        guard let scorer = Proctor.scorerTable[adapter.scorerID] else {
            throw ProctorError(.unsupported, "\(adapter.name) is scored by \"\(adapter.scorerID)\", which this build of Proctor does not have")
        }
        return scorer
    }

    /// The backend for `--model`.
    static func backend(for spec: ModelSpec) async throws -> any InferenceBackend {
        if let backend = try await OpenAIModelResolver.backend(for: spec) { return backend }
        if let backend = try await EngineModelResolver.backend(for: spec) { return backend }
        throw ProctorError(
            .invalidArgument,
            "cannot use --model \"\(spec.model)\": expected openai:http://HOST:PORT/v1 (an OpenAI-compatible server), a .gguf file, a Hugging Face checkpoint folder, or smollm2 (the default model)")
    }
}

/// Writing to standard error (progress, warnings) and standard output (results).
enum Console {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress then redraws one line).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
