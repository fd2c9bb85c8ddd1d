import GRDB
import ProctorCore

extension ResultsDatabase {
    /// Records the facts a benchmark's scorer reports about its environment (`ItemScorer.settings`: the sandbox's
    /// `python3` version and isolation) for a run, replacing those recorded before for that benchmark. An empty
    /// dictionary records nothing and keeps what is there.
    ///
    /// - Parameters:
    ///   - settings: Key and value of each fact.
    ///   - runID: The run.
    ///   - benchmark: The stored benchmark (`name:split`) the facts apply to.
    /// - Throws: `ProctorError` (`.database`) when the file cannot be written.
    public func recordSettings(_ settings: [String: String], runID: String, benchmark: String) throws {
        guard !settings.isEmpty else { return }
        let now = Timestamp.now()
        try write { db in
            try db.execute(sql: "DELETE FROM run_settings WHERE run_id = ? AND benchmark = ?", arguments: [runID, benchmark])
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO run_settings (run_id, benchmark, key, value, recorded_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [runID, benchmark, key, value, now])
            }
        }
    }

    /// The environment facts recorded for a run, per benchmark.
    ///
    /// - Parameter runID: The run.
    /// - Returns: Per stored benchmark, its facts by key.
    /// - Throws: `ProctorError` (`.database`) when a row does not read.
    public func settings(runID: String) throws -> [String: [String: String]] {
        try read { db in
            var result: [String: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT benchmark, key, value FROM run_settings WHERE run_id = ?", arguments: [runID]) {
                let read = RowReader(row: row, table: "run_settings", keyColumns: ["benchmark", "key"])
                let benchmark: String = try read.required("benchmark"), key: String = try read.required("key")
                result[benchmark, default: [:]][key] = try read.required("value")
            }
            return result
        }
    }
}
