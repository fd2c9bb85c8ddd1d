import ProctorCore
import ProctorStore

/// `proctor judge`'s logic: asks a judge about every stored output it has not judged yet, a few requests in flight,
/// storing each judgement as it arrives (so the command resumes), and tabulates its agreement with the rules.
public struct JudgeRun: Sendable {
    /// One judge reply.
    public struct Reply: Sendable, Hashable {
        /// Whether the judge called the answer correct (nil: no verdict in its reply).
        public var correct: Bool?
        /// The answer the judge read out.
        public var extracted: String?
        /// The whole reply.
        public var reply: String

        /// Creates a reply.
        public init(correct: Bool?, extracted: String?, reply: String) {
            self.correct = correct
            self.extracted = extracted
            self.reply = reply
        }
    }

    /// One row of the agreement table.
    public struct Row: Sendable, Hashable {
        public var run: String
        public var benchmark: String
        /// Samples judged.
        public var samples: Int
        /// Samples with a judge verdict.
        public var decided: Int
        public var judgeCorrect: Int
        public var officialCorrect: Int
        public var strictCorrect: Int
        public var agreesWithOfficial: Int
        public var agreesWithStrict: Int
        /// Requests that failed this time.
        public var failed: Int
    }

    /// The database.
    public var database: ResultsDatabase
    /// The judge's stored name.
    public var judgeName: String
    /// The judge prompt's version, stored with each judgement.
    public var promptVersion: String
    /// Requests in flight.
    public var concurrency: Int
    /// Asks the judge about one output.
    public var ask: @Sendable (String, BenchmarkItem) async throws -> Reply

    /// Creates a judge run.
    public init(
        database: ResultsDatabase, judgeName: String, promptVersion: String, concurrency: Int,
        ask: @escaping @Sendable (String, BenchmarkItem) async throws -> Reply
    ) {
        self.database = database
        self.judgeName = judgeName
        self.promptVersion = promptVersion
        self.concurrency = max(1, concurrency)
        self.ask = ask
    }

    /// Judges the outputs of a run not judged yet by this judge, then tabulates every judgement of the run.
    ///
    /// - Parameter run: The run.
    /// - Returns: One row per benchmark.
    /// - Throws: A database error (a failed request is counted, not thrown).
    public func judge(_ run: RunRecord) async throws -> [Row] {
        let done = Set(try database.judgements(runID: run.runID, judge: judgeName).map(\.key))
        var items: [String: [String: BenchmarkItem]] = [:]
        var todo: [(SampleRecord, BenchmarkItem)] = []
        for sample in try database.samples(runID: run.runID) where sample.output != nil && !done.contains(sample.key) {
            if items[sample.key.benchmark] == nil { items[sample.key.benchmark] = try database.items(benchmark: sample.key.benchmark) }
            if let item = items[sample.key.benchmark]?[sample.key.itemID] { todo.append((sample, item)) }
        }
        var failed: [String: Int] = [:]
        let ask = self.ask
        try await withThrowingTaskGroup(of: (SampleKey, Reply?).self) { group in
            var next = todo.makeIterator()
            func add() {
                guard let (sample, item) = next.next(), let output = sample.output else { return }
                group.addTask { (sample.key, try? await ask(output, item)) }
            }
            for _ in 0..<concurrency { add() }
            while let (key, reply) = try await group.next() {
                if let reply {
                    try database.record(JudgementRecord(
                        runID: run.runID, key: key, judge: judgeName, promptVersion: promptVersion, correct: reply.correct,
                        extracted: reply.extracted, reply: reply.reply))
                } else {
                    failed[key.benchmark, default: 0] += 1
                }
                add()
            }
        }
        let judged = try database.judgements(runID: run.runID, judge: judgeName)
        let official = Dictionary(try database.scores(runID: run.runID, mode: .official).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
        let strict = Dictionary(try database.scores(runID: run.runID, mode: .strict).map { ($0.key, $0.verdict.correct) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(grouping: judged, by: \.key.benchmark).sorted(by: { $0.key < $1.key }).map { benchmark, rows in
            let decided = rows.filter { $0.correct != nil }
            return Row(
                run: run.displayName, benchmark: benchmark, samples: rows.count, decided: decided.count,
                judgeCorrect: decided.filter { $0.correct == true }.count,
                officialCorrect: decided.filter { official[$0.key] == true }.count,
                strictCorrect: decided.filter { strict[$0.key] == true }.count,
                agreesWithOfficial: decided.filter { official[$0.key] == $0.correct }.count,
                agreesWithStrict: decided.filter { strict[$0.key] == $0.correct }.count,
                failed: failed[benchmark] ?? 0)
        }
    }
}
