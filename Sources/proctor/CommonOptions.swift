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

/// The one place where `--model` becomes a backend.
enum Catalog {
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
