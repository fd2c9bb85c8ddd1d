import Foundation
import GRDB
import ProctorCore

/// The results database: one SQLite file holding runs, items, samples, scores, sub-results and judgements.
///
/// Every sample is committed with its scores in its own transaction (imported predictions and rescoring commit
/// once per batch), so a run killed at any moment loses at most the samples in flight, and a second process
/// (another shard) can write the same file (WAL mode, a 30 s busy timeout, `BEGIN IMMEDIATE` transactions).
public final class ResultsDatabase: Sendable {
    /// The connection; GRDB's queue serialises every access to it.
    let queue: DatabaseQueue
    /// The file's path.
    public let path: String

    /// Opens (creating and migrating as needed) the database at `path`.
    ///
    /// A file written by Proctor's first store (which recorded its schema only in `meta.schema_version`) is adopted
    /// and migrated.
    ///
    /// - Parameter path: The SQLite file.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be opened, is not a Proctor database, or was
    ///   written by a newer Proctor.
    public init(path: String) throws {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.foreignKeysEnabled = true
            configuration.prepareDatabase { db in try Self.enableWriteAheadLog(db) }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw ProctorError(
                .database, "cannot open the results database \(path): \(StoreErrors.wrap(error, path: path).message); check the folder exists and is writable",
                underlying: error)
        }
        try migrate()
    }

    /// Switches the file to WAL mode. SQLite does not call the busy handler for this switch, so when another
    /// connection is creating the same file at this moment (shards started together), it is retried here.
    private static func enableWriteAheadLog(_ db: Database) throws {
        var delay: UInt32 = 1_000  // microseconds
        var waited: UInt32 = 0
        while true {
            do {
                try db.execute(sql: "PRAGMA journal_mode=WAL")
                try db.execute(sql: "PRAGMA synchronous=NORMAL")
                return
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && waited < 30_000_000 {
                usleep(delay)
                waited += delay
                delay = min(delay * 2, 100_000)
            }
        }
    }

    /// Adopts a first-store file, refuses a newer one, and runs the missing migrations.
    ///
    /// GRDB's migrator reads what is applied before it takes the write lock, so two processes migrating a fresh file
    /// at once can both try the same migration; the second one then fails cleanly (rolled back) and, seeing that
    /// the other made progress, tries again.
    private func migrate() throws {
        let migrator = StoreSchema.migrator
        var applied = try write { db -> Set<String> in
            _ = try StoreSchema.adoptLegacyFile(db)
            try refuseNewerSchema(db, migrator: migrator)
            return try migrator.appliedIdentifiers(db)
        }
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let now = try read { db in try migrator.appliedIdentifiers(db) }
                guard now != applied else { throw StoreErrors.wrap(error, path: path) }
                applied = now
            }
        }
    }

    private func refuseNewerSchema(_ db: Database, migrator: DatabaseMigrator) throws {
        let version = try StoreSchema.legacyVersion(db)
        let superseded = try migrator.hasBeenSuperseded(db)
        if version > StoreSchema.currentVersion || superseded {
            throw ProctorError(
                .database,
                "\(path) has schema version \(version), newer than this Proctor's \(StoreSchema.currentVersion); upgrade Proctor to read it")
        }
    }

    /// Reads in one transaction; errors name the file.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreErrors.wrap(error, path: path)
        }
    }

    /// Writes in one `BEGIN IMMEDIATE` transaction, committed when `body` returns; errors name the file.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw StoreErrors.wrap(error, path: path)
        }
    }

    /// The schema version of the file (the number of migrations applied).
    ///
    /// - Throws: `ProctorError` (`.database`) when the file cannot be read.
    public func schemaVersion() throws -> Int {
        try read { db in try StoreSchema.legacyVersion(db) }
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
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written.
    public func beginRun(config: RunConfig, label: String?, harnessVersion: String, gitCommit: String?, host: String?) throws -> RunRecord {
        let new = RunRow(config: config, label: label, harnessVersion: harnessVersion, gitCommit: gitCommit, host: host, now: Timestamp.now())
        return try write { db in
            guard var stored = try RunRow.fetchOne(db, key: new.runID) else {
                try new.insert(db)
                return new.record
            }
            stored.updatedAt = new.updatedAt
            stored.label = label ?? stored.label
            try stored.update(db)
            return stored.record
        }
    }

    /// Every run, oldest first.
    ///
    /// - Throws: `ProctorError` (`.database`) when a stored run does not decode.
    public func runs() throws -> [RunRecord] {
        try read { db in
            try RunRow.order(RunRow.Columns.createdAt, RunRow.Columns.runID).fetchAll(db).map(\.record)
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
