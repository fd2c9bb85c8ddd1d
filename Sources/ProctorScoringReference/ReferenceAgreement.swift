import Foundation
import ProctorCore

/// How often Proctor's verdicts agree with published official verdicts on one model's outputs.
public struct ReferenceAgreement: Sendable, Hashable {
    /// The benchmark (`mathvista`, `math`, …).
    public var benchmark: String
    /// The model whose outputs were scored (or a file name).
    public var model: String
    /// What was compared (`official from extraction`, `official from response`, …).
    public var comparison: String
    /// Items compared.
    public var total: Int
    /// Items whose verdict agrees.
    public var agreeing: Int
    /// Proctor's correct count.
    public var proctorCorrect: Int
    /// The published correct count.
    public var publishedCorrect: Int
    /// The published aggregate, if the reference states one (e.g. `34.8` or `259/3040`), for the report.
    public var publishedScore: String
    /// A few disagreeing item ids, for inspection.
    public var disagreements: [String]

    /// Agreement as a percentage.
    public var rate: Double { total == 0 ? 0 : Double(agreeing) / Double(total) * 100 }

    /// Creates an empty tally.
    public init(benchmark: String, model: String, comparison: String, publishedScore: String = "") {
        self.benchmark = benchmark
        self.model = model
        self.comparison = comparison
        self.total = 0
        self.agreeing = 0
        self.proctorCorrect = 0
        self.publishedCorrect = 0
        self.publishedScore = publishedScore
        self.disagreements = []
    }

    /// Records one item.
    public mutating func record(id: String, proctor: Bool, published: Bool) {
        total += 1
        if proctor { proctorCorrect += 1 }
        if published { publishedCorrect += 1 }
        if proctor == published { agreeing += 1 } else if disagreements.count < 12 { disagreements.append(id) }
    }
}

/// Where the shared benchmark data lives and how to read its files.
public enum ReferenceFiles {
    /// `<repo>/../shared/data`, the default data root for the reference outputs.
    ///
    /// - Parameter repositoryRoot: The repository root.
    public static func dataRoot(repositoryRoot: URL) -> URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// Reads a JSON file as a `JSONValue`.
    ///
    /// - Throws: `ProctorError` naming the file when it is missing or malformed.
    public static func json(_ url: URL) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProctorError(.notFound, "\(url.path) does not exist; the reference outputs live in shared/data (see REFERENCE-OUTPUTS.md).")
        }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw ProctorError(.invalidInput, "\(url.path) is not valid JSON: \(error)")
        }
    }

    /// Reads a JSON Lines file as `JSONValue`s.
    ///
    /// - Throws: `ProctorError` naming the file and line.
    public static func jsonLines(_ url: URL) throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ProctorError(.notFound, "\(url.path) does not exist or is not UTF-8; the reference outputs live in shared/data.")
        }
        var values: [JSONValue] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                values.append(try JSONValue.parse(Data(line.utf8)))
            } catch {
                throw ProctorError(.invalidInput, "\(url.path) line \(n + 1) is not valid JSON: \(error)")
            }
        }
        return values
    }

    /// Whether `url` exists.
    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Files under `folder` (recursively) whose names end with `suffix`, sorted.
    public static func files(under folder: URL, suffix: String) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [URL] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(suffix) { found.append(folder.appendingPathComponent(path)) }
        }
        return found.sorted { $0.path < $1.path }
    }
}
