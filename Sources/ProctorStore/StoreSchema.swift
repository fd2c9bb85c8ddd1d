import GRDB
import ProctorCore

/// The results database schema and its migrations, run by GRDB's `DatabaseMigrator`.
///
/// Each migration is applied once, in order, inside a transaction; GRDB records it in `grdb_migrations`, and
/// `meta.schema_version` counts the migrations applied, as Proctor's first store (hand-written over SQLite's C API,
/// which kept no `grdb_migrations`) wrote it: that store's files are adopted on opening (`adoptLegacyFile`), and that
/// store refuses files of a newer schema by this number. Never edit a released migration: append a new one.
/// docs/schema.md documents the tables.
enum StoreSchema {
    /// The migrations' identifiers, in order; index + 1 is the schema version after applying one.
    static let identifiers = ["v1-runs-items-samples-scores", "v2-judgements", "v3-sub-results", "v4-run-settings"]

    /// The SQL of each migration, in the order of `identifiers`.
    static var migrations: [String] { released + [subResults, runSettings] }

    /// The schema version this build of Proctor writes.
    static var currentVersion: Int { identifiers.count }

    /// The migrations of Proctor's first store, exactly as it ran them (schema versions 1 and 2).
    static let released: [String] = [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            config_hash TEXT NOT NULL UNIQUE,
            config_json TEXT NOT NULL,
            label TEXT,
            source TEXT NOT NULL,
            model_kind TEXT NOT NULL,
            model_name TEXT NOT NULL,
            model_location TEXT NOT NULL,
            weights_sha256 TEXT,
            preset TEXT,
            samples INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            params_json TEXT NOT NULL,
            harness_version TEXT NOT NULL,
            git_commit TEXT,
            host TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE items (
            benchmark TEXT NOT NULL,
            item_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            prompt_template TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            item_json TEXT NOT NULL,
            PRIMARY KEY (benchmark, item_id)
        );
        CREATE TABLE samples (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            benchmark TEXT NOT NULL,
            item_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            prompt_json TEXT NOT NULL,
            rendered_prompt TEXT,
            image_hashes TEXT NOT NULL,
            output TEXT,
            reasoning_content TEXT,
            pre_extracted TEXT,
            finish_reason TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            latency_ms REAL,
            error TEXT,
            shard TEXT,
            host TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (run_id, benchmark, item_id, sample_index)
        );
        CREATE TABLE scores (
            run_id TEXT NOT NULL,
            benchmark TEXT NOT NULL,
            item_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            mode TEXT NOT NULL,
            scorer_id TEXT NOT NULL,
            scorer_version INTEGER NOT NULL,
            extracted TEXT,
            correct INTEGER NOT NULL,
            score REAL NOT NULL,
            truncated INTEGER NOT NULL,
            unparsed INTEGER NOT NULL,
            rule TEXT NOT NULL,
            details_json TEXT NOT NULL,
            scored_at TEXT NOT NULL,
            PRIMARY KEY (run_id, benchmark, item_id, sample_index, mode),
            FOREIGN KEY (run_id, benchmark, item_id, sample_index)
                REFERENCES samples(run_id, benchmark, item_id, sample_index) ON DELETE CASCADE
        );
        CREATE INDEX samples_by_benchmark ON samples(benchmark, run_id);
        """,
        """
        CREATE TABLE judgements (
            run_id TEXT NOT NULL,
            benchmark TEXT NOT NULL,
            item_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            judge TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            correct INTEGER,
            extracted TEXT,
            reply TEXT NOT NULL,
            judged_at TEXT NOT NULL,
            PRIMARY KEY (run_id, benchmark, item_id, sample_index, judge),
            FOREIGN KEY (run_id, benchmark, item_id, sample_index)
                REFERENCES samples(run_id, benchmark, item_id, sample_index) ON DELETE CASCADE
        );
        """,
    ]

    /// Version 3: one row per sub-result of a verdict (an IFEval instruction, a test case), replaced with it.
    static let subResults = """
        CREATE TABLE sub_results (
            run_id TEXT NOT NULL,
            benchmark TEXT NOT NULL,
            item_id TEXT NOT NULL,
            sample_index INTEGER NOT NULL,
            mode TEXT NOT NULL,
            kind TEXT NOT NULL,
            part_index INTEGER NOT NULL,
            part_id TEXT NOT NULL,
            passed INTEGER NOT NULL,
            values_json TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (run_id, benchmark, item_id, sample_index, mode, kind, part_index),
            FOREIGN KEY (run_id, benchmark, item_id, sample_index, mode)
                REFERENCES scores(run_id, benchmark, item_id, sample_index, mode) ON DELETE CASCADE
        );
        """

    /// Version 4: facts about the environment a run's verdicts were scored in (the sandbox's `python3` version and
    /// isolation), per benchmark; written when scoring ends, replaced by `rescore`. Not part of the run's identity.
    static let runSettings = """
        CREATE TABLE run_settings (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            benchmark TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (run_id, benchmark, key)
        );
        """

    /// The migrator: every migration, each also writing `meta.schema_version`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, (identifier, sql)) in zip(identifiers, migrations).enumerated() {
            migrator.registerMigration(identifier) { db in
                try db.execute(sql: sql)
                try writeVersion(index + 1, db)
            }
        }
        return migrator
    }

    /// Records `version` in `meta.schema_version`.
    static func writeVersion(_ version: Int, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            arguments: [String(version)])
    }

    /// The version in `meta.schema_version`, 0 when the file has no `meta` table (a new file).
    ///
    /// - Throws: `DatabaseError`, or `ProctorError` when the stored version is not a number.
    static func legacyVersion(_ db: Database) throws -> Int {
        guard try db.tableExists("meta") else { return 0 }
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") else { return 0 }
        guard let version = Int(text), version >= 0 else {
            throw ProctorError(.database, "meta.schema_version is \"\(text)\", not a schema version; the file was not written by Proctor")
        }
        return version
    }

    /// Adopts a file written by Proctor's first store: it has `meta.schema_version` N and no `grdb_migrations`, so the
    /// first N migrations are recorded as applied (they are exactly the ones that store ran). Runs inside the caller's
    /// transaction, so that two processes opening the same old file adopt it once.
    ///
    /// - Returns: Whether the file was adopted.
    static func adoptLegacyFile(_ db: Database) throws -> Bool {
        guard try !db.tableExists("grdb_migrations") else { return false }
        let version = try legacyVersion(db)
        guard version > 0, version <= currentVersion else { return false }
        try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for identifier in identifiers.prefix(version) {
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
        return true
    }
}
