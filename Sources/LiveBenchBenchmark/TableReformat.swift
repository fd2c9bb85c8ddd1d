/// LiveBench's table-reformat scorer (`table_process_results`).
enum TableReformat {
    enum Version { case v1, v2 }

    static func score(question: String, truth: String, answer: String, version: Version) throws -> TaskOutcome {
        throw OfficialFailure(reason: "tablereformat is not ported yet")
    }
}
