import Foundation
import GRDB
import ProctorCore
import ProctorTestSupport
import Testing

@testable import ProctorStore

/// Databases written by Proctor's first store (hand-written over SQLite's C API, schema version 2) open, migrate
/// and read back exactly what that store read from them.
@Suite struct MigrationTests {
    /// What the first store read back from `Fixtures/release-0.sqlite` (see `Fixtures/README.md`).
    struct Dump: Codable {
        var schemaVersion: Int
        var runs: [RunRecord]
        var items: [BenchmarkItem]
        var samples: [SampleRecord]
        var scores: [ScoreRecord]
        var judgements: [JudgementRecord]
    }

    static let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Tests/ProctorStoreTests/Fixtures")
    static let judge = "proctor-echo@http://127.0.0.1:39035/v1"

    /// A copy of the release-0 database in a fresh folder (opening migrates it; the committed file stays as written).
    static func releaseZeroCopy() throws -> String {
        let copy = try Fixtures.temporaryDirectory().appendingPathComponent("release-0.sqlite")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("release-0.sqlite"), to: copy)
        return copy.path
    }

    static func dump() throws -> Dump {
        try JSONDecoder().decode(Dump.self, from: Data(contentsOf: fixtures.appendingPathComponent("release-0.json")))
    }

    @Test func theFixtureIsAFirstStoreFile() throws {
        let queue = try DatabaseQueue(path: try Self.releaseZeroCopy())
        let (hasMigrations, version) = try queue.read { db in
            (try db.tableExists("grdb_migrations"), try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"))
        }
        #expect(!hasMigrations && version == "2")
        #expect(try Self.dump().schemaVersion == 2)
    }

    @Test func aReleaseZeroDatabaseMigratesAndReadsBackEveryRow() throws {
        let path = try Self.releaseZeroCopy()
        let expected = try Self.dump()
        let db = try ResultsDatabase(path: path)
        #expect(try db.schemaVersion() == StoreSchema.currentVersion)
        let applied = try db.read { try StoreSchema.migrator.appliedMigrations($0) }
        #expect(applied == StoreSchema.identifiers)

        let runs = try db.runs()
        #expect(runs == expected.runs)
        var samples: [SampleRecord] = []
        var scores: [ScoreRecord] = []
        var judgements: [JudgementRecord] = []
        for run in runs {
            samples += try db.samples(runID: run.runID)
            for mode in ScoringMode.allCases { scores += try db.scores(runID: run.runID, mode: mode) }
            judgements += try db.judgements(runID: run.runID, judge: Self.judge)
        }
        var items: [BenchmarkItem] = []
        for benchmark in Set(samples.map(\.key.benchmark)).sorted() {
            items += try db.items(benchmark: benchmark).values.sorted { $0.id < $1.id }
        }
        #expect(samples.count == 18 && scores.count == 34 && judgements.count == 4 && items.count == 13)
        #expect(samples == expected.samples)
        #expect(scores == expected.scores)
        #expect(items == expected.items)
        let byKey = { (records: [JudgementRecord]) in Set(records) }
        #expect(byKey(judgements) == byKey(expected.judgements))

        // Reopening a migrated file changes nothing.
        let again = try ResultsDatabase(path: path)
        #expect(try again.runs() == expected.runs)
        #expect(try again.schemaVersion() == StoreSchema.currentVersion)
    }

    /// A migrated release-0 file takes new samples with sub-results, and its old rows rescore in place.
    @Test func aMigratedDatabaseTakesSubResults() throws {
        let db = try ResultsDatabase(path: try Self.releaseZeroCopy())
        let expected = try Self.dump()
        let run = try db.run(matching: "fixture-math500")
        var score = try #require(try db.scores(runID: run.runID, mode: .strict).first)
        score.verdict.subResults = [SubResult(kind: "step", index: 0, id: "boxed", passed: true, values: ["loose": 1], reason: nil)]
        try db.replaceScores([score])
        let stored = try #require(try db.scores(runID: run.runID, mode: .strict).first { $0.key == score.key })
        #expect(stored == score)
        #expect(try db.samples(runID: run.runID) == expected.samples.filter { $0.runID == run.runID })
    }

    /// Shards opening the same old file at once adopt it once and all see the same schema.
    @Test func manyConnectionsAdoptAnOldFileAtOnce() async throws {
        for _ in 0..<5 {
            let path = try Self.releaseZeroCopy()
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try ResultsDatabase(path: path).schemaVersion() }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions == Array(repeating: StoreSchema.currentVersion, count: 6))
            let applied = try await DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(applied.sorted() == StoreSchema.identifiers.sorted())
        }
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        let path = try Self.releaseZeroCopy()
        _ = try ResultsDatabase(path: path)
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try db.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        }
        let error = try #require(throws: ProctorError.self) { try ResultsDatabase(path: path) }
        #expect(error.message.contains("schema version 99") && error.message.contains("upgrade Proctor"))
        #expect(try raw.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") } == "99")
    }

    /// The first store's own refusal works on files this store writes: it reads `meta.schema_version`.
    @Test func theVersionTheFirstStoreChecksIsWritten() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("new.sqlite").path
        _ = try ResultsDatabase(path: path)
        let version = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
        #expect(version == String(StoreSchema.currentVersion))
    }
}
