import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor score`'s pipeline and `rescore`, as library calls on the real benchmark files.
@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
struct ImportTests {
    func write(_ lines: [[String: JSONValue]], name: String = "predictions.jsonl") throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try Data(lines.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined().utf8).write(to: url)
        return url
    }

    func importer(_ benchmark: String, root: URL = Fixtures.sharedData) throws -> PredictionImport {
        let resolved = try BenchmarkRegistry.resolve(benchmark)
        return PredictionImport(
            definition: resolved.definition, name: resolved.name, location: DataLocation(root: root, hubCache: nil), batchSize: 7)
    }

    /// The shared MathVista copy has the annotations and no image folder: a run refuses it (it needs pixels), scoring
    /// outputs made elsewhere does not.
    @Test func scoringNeedsNoImages() async throws {
        let mathvista = try BenchmarkRegistry.resolve("mathvista")
        #expect(throws: ProctorError.self, "a run still needs the images") {
            _ = try mathvista.definition.adapter.load(split: "testmini", from: DataLocation(root: Fixtures.sharedData, hubCache: nil), allowPartial: false)
        }
        let annotations = try JSONDecoder().decode(
            [String: [String: JSONValue]].self, from: Data(contentsOf: Fixtures.sharedData.appendingPathComponent("mathvista/testmini.json")))
        let pids = annotations.keys.sorted { Int($0) ?? 0 < Int($1) ?? 0 }.prefix(40)
        let lines: [[String: JSONValue]] = pids.enumerated().map { index, pid in
            let answer = annotations[pid]?["answer"]?.stringValue ?? ""
            return ["id": .string(pid), "response": .string("The answer is \(index.isMultiple(of: 4) ? "zzz" : answer).")]
        }
        let file = try write(lines)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("m.sqlite").path)
        let summary = try await importer("mathvista").run(
            file, modelName: "elsewhere", context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        #expect(summary.entries.count == 40)
        #expect(try db.samples(runID: summary.run.runID).count == 40)
        let verdicts = summary.entries.map { $0.scores.first { $0.mode == .official }?.verdict.correct == true }
        let goldCorrect = verdicts.enumerated().filter { !$0.offset.isMultiple(of: 4) && $0.element }.count
        #expect(goldCorrect >= 27, "\(goldCorrect) of the 30 responses carrying the gold answer judged correct")
        #expect(verdicts.filter { $0 }.count < 40, "responses without the answer were all judged correct")
    }

    /// A copy missing some MMMU subjects: items of the present subjects score, and every line of an absent subject
    /// is named with its line number; nothing is stored.
    @Test func linesWhoseItemsCannotBeResolvedAreNamedOneByOne() async throws {
        let root = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("mmmu"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("mmmu/Accounting"), withDestinationURL: Fixtures.sharedData.appendingPathComponent("mmmu/Accounting"))
        let lines: [[String: JSONValue]] = [
            ["id": "validation_Accounting_1", "response": "(A)"], ["id": "validation_Art_1", "response": "(B)"],
            ["id": "validation_Accounting_2", "response": "(C)"], ["id": "validation_Biology_3", "response": "(D)"],
        ]
        let file = try write(lines)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("p.sqlite").path
        let db = try ResultsDatabase(path: path)
        do {
            _ = try await importer("mmmu", root: root).run(
                file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
            Issue.record("unresolvable lines were accepted")
        } catch let error as ProctorError {
            #expect(error.message.contains("2 lines"))
            #expect(error.message.contains("predictions.jsonl:2: item validation_Art_1"))
            #expect(error.message.contains("predictions.jsonl:4: item validation_Biology_3"))
            #expect(!error.message.contains("validation_Accounting_1"))
        }
        #expect(try db.runs().isEmpty)
        // The present subject alone scores.
        let fine = try write(Array(lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)), name: "fine.jsonl")
        let summary = try await importer("mmmu", root: root).run(
            fine, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        #expect(summary.entries.count == 2)
    }

    /// Batched writes store every sample, and `rescore` (the library call) reproduces the same verdicts.
    @Test func importAndRescoreInBatches() async throws {
        let problems = try JSONLines.decode([String: JSONValue].self, from: Fixtures.sharedData.appendingPathComponent("math500/test.jsonl"))
        let lines: [[String: JSONValue]] = problems.prefix(50).enumerated().map { index, entry in
            let answer = entry.1["answer"]?.stringValue ?? ""
            return [
                "id": entry.1["unique_id"] ?? .null, "sample": .int(index % 2),
                "response": .string("so \\boxed{\(index.isMultiple(of: 5) ? "nope" : answer)}"),
            ]
        }
        let file = try write(lines)
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path)
        let summary = try await importer("math500").run(
            file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
        #expect(try db.samples(runID: summary.run.runID).count == 50)
        let before = try db.scores(runID: summary.run.runID, mode: .official).map(\.verdict.correct)
        #expect(before.filter { $0 }.count == 40)
        let verdicts = { try ScoringMode.allCases.flatMap { try db.scores(runID: summary.run.runID, mode: $0) } }
        let imported = try verdicts()
        // Batches of 9 scored on 4 tasks each, then on one: the same verdicts, in the same places.
        for parallelism in [4, 1] {
            let rescored = try await Rescore(
                database: db, definition: { BenchmarkRegistry.definition(stored: $0) }, batchSize: 9, parallelism: parallelism
            ).run(db.runs())
            #expect(rescored.samples == 50)
            #expect(rescored.changed == 0)
            #expect(try verdicts() == imported)
        }
        #expect(try db.scores(runID: summary.run.runID, mode: .official).map(\.verdict.correct) == before)
        let unknown = try await Rescore(database: db, definition: { _ in nil }).run(db.runs())
        #expect(unknown.unknownBenchmarks == ["math500:test"])
    }

    /// Items absent from the local data, built from the lines' fields, with k samples that share answers: scored on
    /// four tasks or one, the verdicts are the same; the summary computed from the verdicts in memory is the one read
    /// back from the file; the stored items hold the lines' item fields, not their responses.
    @Test func importedItemsKeepNoResponsesAndParallelScoringChangesNothing() async throws {
        let answers = ["\\frac{3}{4}", "0.75", "\\dfrac34", "7", "x+1"]
        let lines: [[String: JSONValue]] = (0..<40).map { index in
            ["id": .string("item-\(index / 4)"), "sample": .int(index % 4), "answer": .string(index / 4 % 2 == 0 ? "\\frac{3}{4}" : "7"),
             "response": .string("so the answer is $\\boxed{\(answers[index % 3 + (index / 4) % 3])}$")]
        }
        let file = try write(lines)
        let empty = try Fixtures.temporaryDirectory()
        var stored: [[String: [String: ItemResult]]] = []
        var verdicts: [[ScoreRecord]] = []
        for parallelism in [4, 1] {
            let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("p\(parallelism).sqlite").path)
            let resolved = try BenchmarkRegistry.resolve("math500")
            let importer = PredictionImport(
                definition: resolved.definition, name: resolved.name, location: DataLocation(root: empty, hubCache: nil), batchSize: 7,
                parallelism: parallelism)
            let summary = try await importer.run(file, modelName: nil, context: ScorerContext(), database: db, harnessVersion: "test", gitCommit: nil, host: nil)
            let inMemory = RunResults(run: summary.run, mode: .official, entries: summary.entries, items: ["math500:test": summary.items])
            let readBack = try RunResults(run: summary.run, mode: .official, database: db)
            #expect(inMemory.benchmarks == readBack.benchmarks)
            #expect(inMemory.scorers == readBack.scorers)
            let items = try db.items(benchmark: "math500:test")
            #expect(items.count == 10)
            #expect(items.values.allSatisfy { $0.fields["response"] == nil && $0.fields["sample"] == nil && $0.fields["answer"] != nil })
            stored.append(readBack.benchmarks)
            verdicts.append(try ScoringMode.allCases.flatMap { try db.scores(runID: summary.run.runID, mode: $0) }.map {
                var score = $0
                score.runID = ""
                return score
            })
        }
        #expect(stored[0] == stored[1])
        #expect(verdicts[0] == verdicts[1])
        #expect(verdicts[0].count == 80)
        #expect(verdicts[0].contains { $0.verdict.correct } && verdicts[0].contains { !$0.verdict.correct })
    }
}

/// `--limit` and date windows over a loaded split.
struct ItemSelectionTests {
    func split(items: Int, problems: Int) -> LoadedSplit {
        let made = Fixtures.mathItems(items)
        return LoadedSplit(
            items: made,
            problems: (0..<problems).map { ItemLoadProblem(itemID: "p\($0)", kind: .corruptFile, files: ["f\($0)"], message: "bad \($0)") })
    }

    @Test func limitCountsUnloadableItemsAmongTheN() throws {
        let five = try ItemSelection(limit: 5).apply(split(items: 3, problems: 4), benchmark: "toy:test")
        #expect(five.items.count + five.problems.count == 5)
        #expect(five.items.count == 3)
        let two = try ItemSelection(limit: 2).apply(split(items: 3, problems: 4), benchmark: "toy:test")
        #expect(two.items.count == 2 && two.problems.isEmpty)
        let all = try ItemSelection().apply(split(items: 3, problems: 4), benchmark: "toy:test")
        #expect(all.items.count == 3 && all.problems.count == 4)
    }

    @Test func dateWindowsNeedADateField() throws {
        var items = Fixtures.mathItems(3)
        for (index, date) in ["2024-07-31", "2024-08-01T10:00:00", "2025-02-01"].enumerated() {
            items[index].fields["contest_date"] = .string(date)
        }
        let window = ItemSelection(dateField: "contest_date", startDate: "2024-08-01", endDate: "2025-01-31")
        #expect(try window.apply(LoadedSplit(items: items), benchmark: "lcb").items.map(\.id) == [items[1].id])
        #expect(throws: ProctorError.self) {
            try ItemSelection(startDate: "2024-08-01").apply(LoadedSplit(items: items), benchmark: "math500:test")
        }
    }
}
