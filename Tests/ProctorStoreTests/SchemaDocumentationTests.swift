import Foundation
import GRDB
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// docs/schema.md's example queries run against a database Proctor wrote, and each returns rows.
@Suite struct SchemaDocumentationTests {
    /// The statements of every ```sql block of docs/schema.md.
    static func documentedQueries() throws -> [String] {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/schema.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```sql" {
                current = []
            } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Two runs of a toy benchmark that disagree on an item, a truncated output, a failed request, sub-results and a judgement.
    static func writeDatabase() throws -> (path: String, base: String, new: String) {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("docs.sqlite").path
        let db = try ResultsDatabase(path: path)
        let items = Fixtures.mathItems(2)
        try db.upsertItems(items)
        var runIDs: [String] = []
        for (index, label) in ["base", "new"].enumerated() {
            let config = RunConfig(
                model: ModelIdentity(kind: "scripted", name: "m", location: "memory"),
                parameters: GenerationParameters(temperature: 0.5 + Double(index), seed: 3), samples: 1, preset: nil)
            let run = try db.beginRun(config: config, label: label, harnessVersion: "t", gitCommit: nil, host: nil)
            runIDs.append(run.runID)
            let right = index == 0
            for item in items {
                let key = SampleKey(benchmark: item.benchmark.description, itemID: item.id, sampleIndex: 0)
                let truncated = item.id == "q1"
                let sample = SampleRecord(
                    runID: run.runID, key: key, seed: 1, promptJSON: "[]", output: truncated ? "<think>still" : "\\boxed{\(item.answer)}",
                    finishReason: truncated ? .length : .stop, completionTokens: 12)
                let parts = [
                    SubResult(kind: "instruction", index: 0, id: "punctuation:no_comma", passed: right, values: ["loose": 1], reason: right ? nil : "comma"),
                    SubResult(kind: "instruction", index: 1, id: "detectable_format:title", passed: true),
                ]
                let scores = ScoringMode.allCases.map { mode in
                    ScoreRecord(
                        runID: run.runID, key: key, mode: mode, scorerID: "toy", scorerVersion: 1,
                        verdict: Verdict(
                            extracted: truncated ? nil : item.answer, correct: right && !truncated, truncated: truncated, rule: "boxed",
                            subResults: parts))
                }
                try db.record(sample, scores: scores)
                try db.record(JudgementRecord(runID: run.runID, key: key, judge: "j@u", promptVersion: "v1", correct: right, extracted: nil, reply: "ok"))
            }
            try db.recordSettings(["python": "3.11.7", "sandbox": "namespaces"], runID: run.runID, benchmark: items[0].benchmark.description)
            let failed = SampleKey(benchmark: items[0].benchmark.description, itemID: items[0].id, sampleIndex: 1)
            try db.record(SampleRecord(runID: run.runID, key: failed, seed: 2, promptJSON: "[]", output: nil, finishReason: .error, error: "HTTP 500"), scores: [])
        }
        return (path, runIDs[0], runIDs[1])
    }

    @Test func everyDocumentedQueryRunsAndReturnsRows() throws {
        let blocks = try Self.documentedQueries()
        #expect(blocks.count >= 1)
        let (path, base, new) = try Self.writeDatabase()
        let queue = try DatabaseQueue(path: path)
        var statementCount = 0
        for block in blocks {
            let sql = block.replacingOccurrences(of: "BASE_RUN_ID", with: base).replacingOccurrences(of: "NEW_RUN_ID", with: new)
            try queue.read { db in
                let statements = try db.allStatements(sql: sql)
                while let statement = try statements.next() {
                    statementCount += 1
                    let rows = try Row.fetchAll(statement)
                    #expect(!rows.isEmpty, "no rows from: \(statement.sql)")
                }
            }
        }
        #expect(statementCount >= 7)
    }
}
