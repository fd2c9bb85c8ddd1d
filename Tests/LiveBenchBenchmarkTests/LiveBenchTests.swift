import Foundation
import LiveBenchBenchmark
import ProctorCore
import ProctorReport
import Testing

/// The question files, releases, answer files and suites, on the shared data.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data/livebench (question files and reference-outputs)"))
struct LiveBenchDataTests {
    func items(_ task: String) throws -> [BenchmarkItem] {
        try LiveBenchAdapter().load(split: task, from: SharedData.location)
    }

    @Test func promptIsTheQuestionsTurnAsGiven() throws {
        let file = SharedData.root.appendingPathComponent("livebench/math/math_comp/question.jsonl")
        let first = try JSONLines.decode(JSONValue.self, from: file)[0].value
        let item = try #require(try items("math_comp").first)
        #expect(item.id == first["question_id"]?.stringValue)
        #expect(item.messages == [ChatMessage(role: .user, text: first["turns"]?.arrayValue?.first?.stringValue ?? "")])
        #expect(item.answer == first["ground_truth"]?.stringValue)
        #expect(item.categories["category"] == "math")
        #expect(item.benchmark == BenchmarkName(name: "livebench", split: "math_comp"))
    }

    /// Release sizes as the official `load_questions_jsonl` selects them (counted from the files' dates in the test).
    @Test(arguments: ["AMPS_Hard", "math_comp", "zebra_puzzle", "web_of_lies_v2", "paraphrase"], LiveBenchRelease.all)
    func releaseSelection(task: String, release: String) throws {
        let all = try items(task)
        let expected = all.filter { item in
            let added = item.fields["livebench_release_date"]?.stringValue ?? ""
            let removed = item.fields["livebench_removal_date"]?.stringValue ?? ""
            return added <= release && (removed.isEmpty || removed > release)
        }
        #expect(try LiveBenchRelease.select(all, release: release).map(\.id) == expected.map(\.id))
    }

    @Test func releaseSizesOfTheSnapshot() throws {
        #expect(try LiveBenchRelease.select(try items("math_comp"), release: "2024-11-25").count == 96)
        #expect(try LiveBenchRelease.select(try items("math_comp"), release: "2025-05-30").count == 46)
        #expect(try LiveBenchRelease.select(try items("web_of_lies_v2"), release: "2025-05-30").isEmpty)
        #expect(try LiveBenchRelease.select(try items("zebra_puzzle"), release: "2024-11-25").count == 50)
        #expect(throws: ProctorError.self) { try LiveBenchRelease.select([], release: "2024-13-01") }
    }

    @Test func absentTaskSaysWhy() {
        #expect {
            try LiveBenchAdapter().load(split: "typos", from: SharedData.location)
        } throws: { error in
            "\(error)".contains("typos") && "\(error)".contains("not in the data")
        }
    }

    @Test func readsOfficialAnswerFilesAndNothingElse() throws {
        let file = SharedData.reference.appendingPathComponent("reasoning/spatial/model_answer/zft-community-8b-bs4.jsonl")
        let predictions = try #require(try LiveBenchAnswerFile().read(file, items: [:], split: "spatial"))
        #expect(predictions.count == 50)
        #expect(predictions.allSatisfy { !$0.response.isEmpty && $0.itemID.count == 64 })
        let proctorLines = FileManager.default.temporaryDirectory.appendingPathComponent("livebench-proctor-lines.jsonl")
        try Data(#"{"id": "x", "response": "y"}"#.utf8).write(to: proctorLines)
        #expect(try LiveBenchAnswerFile().read(proctorLines, items: [:], split: "spatial") == nil)
    }

    /// The suites average as `show_livebench_result` does: category = mean of task means, overall = mean of categories.
    @Test func suitesAverageTaskMeans() throws {
        let scorer = LiveBenchScorer()
        var metrics: [String: BenchmarkMetrics] = [:]
        var taskMeans: [String: [Double]] = [:]
        for task in LiveBenchTask.all where task.unavailableReason == nil {
            let row = try LiveBenchAgreement.compare(task, reference: SharedData.reference, location: SharedData.location)
            let byID = Dictionary(try items(task.name).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let file = SharedData.reference.appendingPathComponent("\(task.category)/\(task.name)/model_answer/zft-community-8b-bs4.jsonl")
            var results: [String: ItemResult] = [:]
            for prediction in try LiveBenchAnswerFile().read(file, items: byID, split: task.name) ?? [] {
                guard let item = byID[prediction.itemID] else { continue }
                let verdict = scorer.score(ScoringInput(response: prediction.response), item: item, mode: .official)
                results[item.id] = ItemResult(itemID: item.id, verdicts: [verdict], failed: 0, hitLength: 0)
            }
            let name = "livebench:\(task.name)"
            metrics[name] = BenchmarkMetrics(benchmark: name, results: results, items: byID, specs: BenchmarkDefinition.livebench.metrics)
            #expect(abs((metrics[name]?.pass1 ?? -1) - row.proctorMean) < 1e-9)
            taskMeans[task.category, default: []].append(row.proctorMean)
        }
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let categoryMeans = taskMeans.mapValues(mean)
        for suite in SuiteDefinition.liveBench {
            let value = try #require(suite.value(in: metrics)?.value)
            if suite.name == "livebench-avg" {
                #expect(abs(value - mean(Array(categoryMeans.values))) < 1e-9)
            } else {
                let category = String(suite.name.dropFirst("livebench-".count))
                #expect(abs(value - (categoryMeans[category] ?? -1)) < 1e-9, "\(suite.name)")
            }
        }
    }
}

/// Rules that need no data.
struct LiveBenchRuleTests {
    @Test func aMalformedQuestionNamesItsFileAndLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("livebench-bad-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("livebench/reasoning/spatial")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let good = #"{"question_id": "a", "task": "spatial", "turns": ["Q?"], "ground_truth": "3", "livebench_release_date": "2024-07-26", "livebench_removal_date": ""}"#
        try Data((good + "\n" + #"{"question_id": "b", "task": "spatial", "turns": []}"# + "\n").utf8).write(to: folder.appendingPathComponent("question.jsonl"))
        #expect {
            try LiveBenchAdapter().load(split: "spatial", from: DataLocation(root: root, hubCache: nil))
        } throws: { error in
            "\(error)".contains("question.jsonl:2") && "\(error)".contains("no \"turns\"")
        }
    }

    /// The hub's Parquet layout (`datasets--livebench--reasoning/snapshots/…/data/test-….parquet`, timestamp dates),
    /// from a synthetic fixture written by `Fixtures/make-hub-parquet.py`.
    @Test func readsTheHubLayout() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("livebench-hub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let data = cache.appendingPathComponent("datasets--livebench--reasoning/snapshots/0123abc/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hub-test.parquet")
        try FileManager.default.copyItem(at: fixture, to: data.appendingPathComponent("test-00000-of-00001.parquet"))
        let location = DataLocation(root: nil, hubCache: cache)
        let items = try LiveBenchAdapter().load(split: "spatial", from: location)
        #expect(items.map(\.id) == ["s1", "s2"])
        #expect(items.map { $0.fields["livebench_release_date"] } == [.string("2024-07-26"), .string("2024-11-25")])
        #expect(items.map { $0.fields["livebench_removal_date"] } == [.string(""), .string("2025-04-02")])
        #expect(items.first?.messages == [ChatMessage(role: .user, text: "How many faces has a cube? Answer in **bold**.")])
        #expect(try LiveBenchRelease.select(items, release: "2025-05-30").map(\.id) == ["s1"])
        let verdict = LiveBenchScorer().score(ScoringInput(response: "It has **6** faces."), item: try #require(items.first), mode: .official)
        #expect(verdict.score == 1)
        #expect(LiveBenchAdapter().availability(split: "spatial", from: location).source?.contains("livebench/reasoning") == true)
    }

    /// The hub's timestamp columns become the `YYYY-MM-DD` text the official loader compares.
    @Test(arguments: [Int64(1_732_492_800), 1_732_492_800_000, 1_732_492_800_000_000, 1_732_492_800_000_000_000])
    func hubTimestampsBecomeDays(stamp: Int64) {
        let fields = LiveBenchAdapter.officialDates([
            "livebench_release_date": .int(Int(stamp)), "livebench_removal_date": .null, "release_date": .string("2024-06-24 00:00:00"),
        ])
        #expect(fields["livebench_release_date"] == .string("2024-11-25"))
        #expect(fields["livebench_removal_date"] == .string(""))
        #expect(fields["release_date"] == .string("2024-06-24"))
    }

    @Test func thinkingRemovedAsTheOfficialJudgeDoes() {
        #expect(LiveBenchScorer.removeThinking("<think>a</think>b<think>c\nd</think>e") == "be")
        #expect(LiveBenchScorer.removeThinking("<think>never closed") == "<think>never closed")
        #expect(LiveBenchScorer.removeThinking("x</think>y") == "x</think>y")
    }

    static func item(task: String, subtask: String? = nil, truth: String, question: String = "", release: String = "2024-11-25") -> BenchmarkItem {
        var fields: [String: JSONValue] = ["task": .string(task), "turns": .array([.string(question)]), "livebench_release_date": .string(release)]
        if let subtask { fields["subtask"] = .string(subtask) }
        return BenchmarkItem(benchmark: BenchmarkName(name: "livebench", split: task), id: "q", messages: [], promptTemplate: "t", answer: truth, fields: fields)
    }

    static func score(_ response: String, _ item: BenchmarkItem) -> Double {
        LiveBenchScorer().score(ScoringInput(response: response), item: item, mode: .official).score
    }

    @Test func mathCompetitionRules() {
        let amc = Self.item(task: "math_comp", subtask: "amc_12a_2023", truth: "B")
        #expect(Self.score("so the answer is BBBBB", amc) == 1)
        #expect(Self.score("<think>BBBB</think>the answer is CCCCC", amc) == 0)
        #expect(Self.score("final: $\\boxed{\\text{B}}$", amc) == 1)
        let aime = Self.item(task: "math_comp", subtask: "aime_i_2024", truth: "025")
        #expect(Self.score(String(repeating: "x", count: 60) + " answer 025", aime) == 1)
        #expect(Self.score("025" + String(repeating: "x", count: 60), aime) == 0)
    }

    @Test func zebraPartialCredit() {
        let zebra = Self.item(task: "zebra_puzzle", truth: "cat,dog,3,red")
        #expect(Self.score("<solution>cat, dog, 3, red</solution>", zebra) == 1)
        #expect(Self.score("<solution>cat, dog, 2, blue</solution>", zebra) == 0.25)
    }

    @Test func tableJoinF1() {
        let join = Self.item(task: "tablejoin", truth: "{'a': 'x', 'b': 'y'}")
        #expect(Self.score("<solution>{'a': 'x', 'b': 'y'}</solution>", join) == 1)
        #expect(Self.score("```python\n{'a': 'x', 'c': 'z'}\n```", join) == 0.5)
        #expect(Self.score("no mapping here", join) == 0)
    }

    @Test func olympiadEditDistance() {
        let proof = Self.item(task: "olympiad", subtask: "usamo", truth: "1,2,3,4")
        #expect(Self.score("Answer: 1, 2, 3, 4", proof) == 1)
        #expect(Self.score("Answer: 1, 2, 4", proof) == 0.75)
    }

    /// `official` reads `x (…)` after a power as sympy's ANTLR fallback does (a function); `strict` accepts the
    /// product, which is the mathematically right reading.
    @Test func ampsStrictAcceptsWhatSympyMisreads() {
        let amps = Self.item(task: "AMPS_Hard", subtask: "amps_hard_derivatives", truth: "e^{2 x} x (2 x+3)")
        let answer = "$\\boxed{e^{2x}(2x^2+3x)}$"
        #expect(LiveBenchScorer().score(ScoringInput(response: answer), item: amps, mode: .official).score == 0)
        #expect(LiveBenchScorer().score(ScoringInput(response: answer), item: amps, mode: .strict).score == 1)
        let roots = Self.item(task: "AMPS_Hard", subtask: "amps_hard_derivatives", truth: "\\frac{1}{\\sqrt[3]{1-x^2}^2}")
        let other = "$\\boxed{\\frac{1}{\\sqrt[3]{(1-x^2)^2}}}$"
        #expect(LiveBenchScorer().score(ScoringInput(response: other), item: roots, mode: .official).score == 0)
        #expect(LiveBenchScorer().score(ScoringInput(response: other), item: roots, mode: .strict).score == 1)
    }

    /// `official` rejects an identity between `tan`/`cot` of an angle and functions of a multiple of it, as sympy's
    /// `simplify` fails to prove it; `strict` accepts it. Each verdict was checked against LiveBench's
    /// `amps_hard_process_results` (995e86f0) in venvs with sympy 1.14.0 and with 1.12 (antlr4 4.11, lark): the first
    /// two pairs score 0 there, the four close ones (same angle, negated angle, a multiple angle under
    /// `sin`/`csc` only) score 1.
    @Test(arguments: [
        (#"\tan (3 x-1)"#, #"\frac{1-\cos (6 x-2)}{\sin (6 x-2)}"#, 0.0),
        (#"\frac{2 \tan (x+2)}{1-\tan ^2(x+2)}"#, #"\tan (2 x+4)"#, 0.0),
        (#"\cot (4 x-8) \sin (4 x-8)"#, #"\cos (4 x-8)"#, 1.0),
        (#"\cot (8-4 x)"#, #"-\cot (4 x-8)"#, 1.0),
        (#"\csc ^2(5 x+3)"#, #"1+\cot ^2(5 x+3)"#, 1.0),
        (#"\sin (2 x+2) \csc (x+1)"#, #"2 \cos (x+1)"#, 1.0),
    ])
    func ampsMultipleAngleUnderTanOrCot(truth: String, answer: String, official: Double) {
        let amps = Self.item(task: "AMPS_Hard", subtask: "amps_hard_derivatives", truth: truth)
        let response = ScoringInput(response: "$\\boxed{\(answer)}$")
        #expect(LiveBenchScorer().score(response, item: amps, mode: .official).score == official)
        #expect(LiveBenchScorer().score(response, item: amps, mode: .strict).score == 1)
    }

    @Test func unknownTaskIsAScorerErrorNotACrash() {
        let verdict = LiveBenchScorer().score(ScoringInput(response: "x"), item: Self.item(task: "house_traversal", truth: "a"), mode: .official)
        #expect(verdict.rule == "scorer-error" && verdict.score == 0)
    }
}
