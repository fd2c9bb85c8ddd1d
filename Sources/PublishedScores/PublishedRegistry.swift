import Foundation

/// A published figure with everything needed to compare a run against it: the source, the model, and the protocol
/// in force (the figure's details over the source's).
public struct PublishedEntry: Sendable, Hashable {
    /// The source.
    public var source: PublishedSource
    /// The model.
    public var model: PublishedModel
    /// The figure.
    public var figure: PublishedFigure

    /// The protocol the source states for this figure.
    public var stated: PublishedProtocol { source.protocolDetails.overridden(by: figure.protocolDetails) }

    /// The protocol a reproduction uses: the stated one, with the evaluation tool's defaults where the source is
    /// silent.
    public var effective: PublishedProtocol { (figure.toolSettings ?? PublishedProtocol()).overridden(by: stated) }

    /// `MODEL:BENCHMARK`, the argument of `proctor run --reproduce`.
    public var reproductionID: String { "\(model.id):\(figure.benchmark)" }
}

/// Why a registry file or a lookup failed.
public struct PublishedScoresError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and what to do.
    public var message: String
    /// The file, if one is concerned.
    public var file: String?

    public var description: String { file.map { "\($0): \(message)" } ?? message }
}

/// The committed registry of published scores: one JSON file per model card or paper under `Registry/`.
///
/// `proctor published` lists it; `proctor run --reproduce MODEL:BENCHMARK` takes its settings from it; `report` and
/// `compare` put a run beside the figures of the model it is matched to (by `--reproduce`, or by its label or model
/// name equalling a model's id or alias).
public struct PublishedRegistry: Sendable {
    /// The sources, ordered by id.
    public var sources: [PublishedSource]

    /// The registry shipped with Proctor.
    public static let shipped: PublishedRegistry = {
        do { return try PublishedRegistry(folder: Bundle.module.resourceURL!.appendingPathComponent("Registry")) } catch {
            // The files are committed and checked by the tests; a broken file is a build defect, reported once.
            FileHandle.standardError.write(Data("proctor: the published-score registry did not load: \(error)\n".utf8))
            return PublishedRegistry(sources: [])
        }
    }()

    /// Creates a registry of the given sources.
    ///
    /// - Parameter sources: The sources.
    public init(sources: [PublishedSource]) {
        self.sources = sources.sorted { $0.id < $1.id }
    }

    /// Reads every `*.json` file of a folder.
    ///
    /// - Parameter folder: The folder.
    /// - Throws: `PublishedScoresError` naming the file that does not decode or repeats an id.
    public init(folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var sources: [PublishedSource] = []
        for file in files {
            do {
                sources.append(try JSONDecoder().decode(PublishedSource.self, from: Data(contentsOf: file)))
            } catch {
                throw PublishedScoresError(message: "does not decode as a published-score source (\(error)); fix the file", file: file.path)
            }
        }
        try self.init(checking: sources)
    }

    init(checking sources: [PublishedSource]) throws {
        var seen: Set<String> = []
        for source in sources where !seen.insert(source.id).inserted {
            throw PublishedScoresError(message: "two sources have the id \(source.id)", file: nil)
        }
        self.init(sources: sources)
    }

    /// Every figure of every source.
    public var entries: [PublishedEntry] {
        sources.flatMap { source in source.models.flatMap { model in model.figures.map { PublishedEntry(source: source, model: model, figure: $0) } } }
    }

    /// The figures of the models that `names` name (a run's label and model name).
    ///
    /// - Parameter names: The run's names.
    /// - Returns: The matching figures.
    public func entries(forModelNamed names: [String]) -> [PublishedEntry] {
        entries.filter { entry in names.contains { entry.model.isNamed($0) } }
    }

    /// The figure `MODEL:BENCHMARK` names (`skywork-r1v2-38b:mathvista:testmini`; the benchmark's split may be
    /// left out when the model has one figure of that benchmark).
    ///
    /// - Parameter id: `MODEL:BENCHMARK`.
    /// - Returns: The figure.
    /// - Throws: `PublishedScoresError` listing what exists when nothing or several figures match.
    public func entry(reproducing id: String) throws -> PublishedEntry {
        guard let colon = id.firstIndex(of: ":") else {
            throw PublishedScoresError(message: "--reproduce takes MODEL:BENCHMARK (for example skywork-r1v2-38b:mathvista), not \"\(id)\"", file: nil)
        }
        let modelName = String(id[..<colon]), benchmark = String(id[id.index(after: colon)...])
        let ofModel = entries.filter { $0.model.isNamed(modelName) }
        guard !ofModel.isEmpty else {
            let models = Set(entries.map(\.model.id)).sorted().joined(separator: ", ")
            throw PublishedScoresError(message: "no published figures for the model \"\(modelName)\"; `proctor published` lists them (models: \(models))", file: nil)
        }
        let exact = ofModel.filter { $0.figure.benchmark == benchmark }
        let candidates = exact.isEmpty
            ? ofModel.filter { $0.figure.benchmark.split(separator: ":").first.map(String.init) == benchmark } : exact
        // Several metrics of one benchmark in one source share its protocol: any of them sets the same settings.
        if let first = candidates.first,
           candidates.allSatisfy({ $0.source.id == first.source.id && $0.figure.benchmark == first.figure.benchmark }) {
            return first
        }
        if candidates.isEmpty {
            let known = ofModel.map(\.figure.benchmark).joined(separator: ", ")
            throw PublishedScoresError(message: "\(modelName) has no published figure for \"\(benchmark)\"; it has: \(known)", file: nil)
        }
        let listed = candidates.map { "\($0.figure.benchmark) in \($0.source.id)" }.joined(separator: "; ")
        throw PublishedScoresError(message: "\"\(id)\" matches several figures (\(listed)); name the split or the metric's benchmark exactly", file: nil)
    }
}
