/// The results database schema and its migrations.
///
/// Each migration is applied once, in order, inside a transaction; `meta.schema_version` records how many have run.
/// Never edit a released migration: append a new one. docs/schema.md documents the tables.
enum Schema {
    /// The migrations, in order. Index + 1 is the schema version after applying it.
    static let migrations: [String] = [
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

    /// The schema version this build of Proctor writes.
    static var currentVersion: Int { migrations.count }
}
