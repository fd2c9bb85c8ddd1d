import Foundation
import ProctorCore
import Synchronization

/// The results database: one SQLite file holding runs, items, samples and scores.
///
/// Every sample is committed with its scores in its own transaction, so a run killed at any moment loses at most
/// the samples in flight, and a second process (another shard) can write the same file (WAL mode).
public final class ResultsDatabase: @unchecked Sendable {
    // @unchecked Sendable: the connection is only touched while holding `lock`.
    private let lock = Mutex(())
    private let connection: SQLiteConnection
    /// The file's path.
    public let path: String

    /// Opens (creating and migrating as needed) the database at `path`.
    ///
    /// - Parameter path: The SQLite file.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be opened or was written by a newer Proctor.
    public init(path: String) throws {
        self.path = path
        connection = try SQLiteConnection(path: path)
        try migrate()
    }

    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ in try body(connection) }
    }

    /// The schema version of the file.
    public func schemaVersion() throws -> Int {
        try withConnection { try Self.version(of: $0) }
    }

    private static func version(of connection: SQLiteConnection) throws -> Int {
        let hasMeta = try connection.query("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'")
        guard !hasMeta.isEmpty else { return 0 }
        let rows = try connection.query("SELECT value FROM meta WHERE key='schema_version'")
        return rows.first?.first?.text.flatMap(Int.init) ?? 0
    }

    private func migrate() throws {
        try withConnection { connection in
            try connection.transaction {
                let version = try Self.version(of: connection)
                guard version <= Schema.currentVersion else {
                    throw ProctorError(
                        .database,
                        "\(path) has schema version \(version), newer than this Proctor's \(Schema.currentVersion); upgrade Proctor to read it")
                }
                for migration in Schema.migrations.dropFirst(version) {
                    try connection.execute(migration)
                }
                if version < Schema.currentVersion {
                    try connection.query(
                        "INSERT INTO meta(key, value) VALUES('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                        [.text(String(Schema.currentVersion))])
                }
            }
        }
    }

    // MARK: Runs

    /// Creates the run for `config`, or returns the existing one (a resumed run), updating its label if given.
    ///
    /// - Parameters:
    ///   - config: What the run computes.
    ///   - label: A name for the run (a checkpoint name), if any.
    ///   - harnessVersion: Proctor's version.
    ///   - gitCommit: Proctor's git commit, when known.
    ///   - host: The machine's name.
    /// - Returns: The run as stored.
    public func beginRun(config: RunConfig, label: String?, harnessVersion: String, gitCommit: String?, host: String?) throws -> RunRecord {
        let hash = config.hash
        let runID = String(hash.prefix(12))
        let now = Timestamp.now()
        _ = try withConnection { connection in
            try connection.transaction {
                try connection.query(
                    """
                    INSERT INTO runs(run_id, config_hash, config_json, label, source, model_kind, model_name, model_location,
                        weights_sha256, preset, samples, seed, params_json, harness_version, git_commit, host, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(run_id) DO UPDATE SET updated_at=excluded.updated_at, label=COALESCE(excluded.label, runs.label)
                    """,
                    [.text(runID), .text(hash), .text(JSONCoding.canonical(config)), .optional(label), .text(config.source),
                     .text(config.model.kind), .text(config.model.name), .text(config.model.location),
                     .optional(config.model.weightsSHA256), .optional(config.preset), .integer(Int64(config.samples)),
                     .integer(Int64(bitPattern: config.parameters.seed)), .text(JSONCoding.canonical(config.parameters)),
                     .text(harnessVersion), .optional(gitCommit), .optional(host), .text(now), .text(now)])
            }
        }
        guard let run = try runs().first(where: { $0.runID == runID }) else {
            throw ProctorError(.database, "run \(runID) vanished from \(path) right after it was written")
        }
        return run
    }

    /// Every run, oldest first.
    public func runs() throws -> [RunRecord] {
        try withConnection { connection in
            try connection.query(
                "SELECT run_id, config_json, label, harness_version, git_commit, host, created_at, updated_at FROM runs ORDER BY created_at, run_id"
            ).map { row in
                RunRecord(
                    runID: row[0].text ?? "", config: try JSONCoding.decode(RunConfig.self, row[1].text ?? "", what: "run configuration"),
                    label: row[2].text, harnessVersion: row[3].text ?? "", gitCommit: row[4].text, host: row[5].text,
                    createdAt: row[6].text ?? "", updatedAt: row[7].text ?? "")
            }
        }
    }

    /// Finds a run by id (or a unique prefix of it), label or model name.
    ///
    /// - Parameter reference: What the user typed.
    /// - Returns: The run.
    /// - Throws: `ProctorError` (`.notFound`) listing the runs when nothing or more than one run matches.
    public func run(matching reference: String) throws -> RunRecord {
        let all = try runs()
        let candidates = [
            all.filter { $0.runID == reference }, all.filter { $0.label == reference },
            all.filter { $0.runID.hasPrefix(reference) }, all.filter { $0.config.model.name == reference },
        ]
        for matches in candidates where !matches.isEmpty {
            if matches.count == 1 { return matches[0] }
            throw ProctorError(
                .invalidArgument,
                "\"\(reference)\" matches \(matches.count) runs in \(path) (\(matches.map(\.runID).joined(separator: ", "))); name one by its run id")
        }
        let known = all.map { "\($0.runID) (\($0.displayName))" }.joined(separator: ", ")
        throw ProctorError(.notFound, "no run \"\(reference)\" in \(path); runs there: \(known.isEmpty ? "none" : known) (see `proctor list runs`)")
    }
}

extension SQLValue {
    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    static func optional(_ number: Int?) -> SQLValue { number.map { .integer(Int64($0)) } ?? .null }
    static func optional(_ number: Double?) -> SQLValue { number.map(SQLValue.real) ?? .null }
}
