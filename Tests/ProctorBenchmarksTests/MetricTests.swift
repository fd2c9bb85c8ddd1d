import ProctorCore
import ProctorReport
import Testing

struct MetricTests {
    func verdict(_ parts: [Bool]) -> Verdict {
        Verdict(
            extracted: nil, correct: parts.allSatisfy { $0 }, score: parts.allSatisfy { $0 } ? 1 : 0, truncated: false, unparsed: false,
            rule: "test", subResults: parts.enumerated().map { SubResult(kind: "instruction", index: $0, id: "i\($0)", passed: $1) })
    }

    func item(_ id: String, date: String, category: String) -> BenchmarkItem {
        BenchmarkItem(
            benchmark: BenchmarkName(name: "t", split: "test"), id: id, messages: [], promptTemplate: "t", answer: "",
            categories: ["task": category], fields: ["contest_date": .string(date)])
    }

    @Test func microAverageWeighsEveryInstructionAndPromptLevelNeedsAll() throws {
        // Item a: 1 of 3 instructions; item b: 1 of 1. Micro-average 2/4; mean of per-item fractions would be 2/3.
        let results = [
            "a": ItemResult(itemID: "a", verdicts: [verdict([true, false, false])], failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: [verdict([true])], failed: 0, hitLength: 0),
        ]
        let micro = MetricSpec(name: "inst", aggregate: .subResultMicroAverage(kind: "instruction", value: nil))
        #expect(micro.value(results: results, items: [:]) == 50)
        let prompt = MetricSpec(name: "prompt", aggregate: .allSubResults(kind: "instruction", value: nil))
        #expect(prompt.value(results: results, items: [:]) == 50)
        #expect(MetricSpec(name: "none", aggregate: .subResultMicroAverage(kind: "test", value: nil)).value(results: results, items: [:]) == nil)
    }

    /// Where the official scorer's verdict on a part is a random draw, metrics count the probability it passes.
    @Test func expectedResultsEnterBothSubResultMetrics() throws {
        // Item a: instructions pass, fail and "passes with probability 0.25"; item b: one passing instruction.
        var a = verdict([true, false, true])
        a.subResults[2].values[SubResult.expectationKey(nil)] = 0.25
        var c = verdict([true, true])
        c.subResults[1].values[SubResult.expectationKey(nil)] = 0.5
        let results = [
            "a": ItemResult(itemID: "a", verdicts: [a], failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: [verdict([true])], failed: 0, hitLength: 0),
            "c": ItemResult(itemID: "c", verdicts: [c], failed: 0, hitLength: 0),
        ]
        // Micro-average: (1 + 0 + 0.25 + 1 + 1 + 0.5) / 6; prompt level: (0 + 1 + 0.5) / 3.
        let micro = try #require(MetricSpec(name: "inst", aggregate: .subResultMicroAverage(kind: "instruction", value: nil)).value(results: results, items: [:]))
        #expect(abs(micro - 100 * 3.75 / 6) < 1e-9, "\(micro)")
        let prompt = try #require(MetricSpec(name: "prompt", aggregate: .allSubResults(kind: "instruction", value: nil)).value(results: results, items: [:]))
        #expect(abs(prompt - 50) < 1e-9, "\(prompt)")
        // A named value's expectation is read from its own key, not from `passed`'s.
        #expect(c.subResults[1].expectedResult("loose") == nil)
        #expect(c.subResults[1].expectedResult(nil) == 0.5)
    }

    /// SmolLM2's "IFEval (Average prompt/inst)": the mean of two metrics over the same results.
    @Test func aMeanOfMetricsAveragesTheirValues() throws {
        // Prompt level 1/3 (only c follows all); instruction level micro-average 3/6.
        let results = [
            "a": ItemResult(itemID: "a", verdicts: [verdict([true, false])], failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: [verdict([false, true, false])], failed: 0, hitLength: 0),
            "c": ItemResult(itemID: "c", verdicts: [verdict([true])], failed: 0, hitLength: 0),
        ]
        let prompt = MetricSpec(name: "p", aggregate: .allSubResults(kind: "instruction", value: nil))
        let inst = MetricSpec(name: "i", aggregate: .subResultMicroAverage(kind: "instruction", value: nil))
        let mean = MetricSpec(name: "m", aggregate: .meanOf(metrics: [prompt, inst]))
        let value = try #require(mean.value(results: results, items: [:]))
        #expect(abs(value - (100.0 / 3 + 50) / 2) < 1e-9, "\(value)")
        let missing = MetricSpec(name: "x", aggregate: .meanOf(metrics: [prompt, MetricSpec(name: "t", aggregate: .subResultMicroAverage(kind: "test", value: nil))]))
        #expect(missing.value(results: results, items: [:]) == nil, "a part without a value leaves the mean undefined")
    }

    @Test func dateWindowsAndCategoryMeans() throws {
        let items = [
            "a": item("a", date: "2024-08-01T00:00:00", category: "x"), "b": item("b", date: "2024-09-15", category: "x"),
            "c": item("c", date: "2025-01-02", category: "y"),
        ]
        let results = [
            "a": ItemResult(itemID: "a", verdicts: [verdict([true])], failed: 0, hitLength: 0),
            "b": ItemResult(itemID: "b", verdicts: [verdict([false])], failed: 0, hitLength: 0),
            "c": ItemResult(itemID: "c", verdicts: [verdict([true]), verdict([false])], failed: 0, hitLength: 0),
        ]
        let window = MetricSpec(name: "w", aggregate: .dateWindow(field: "contest_date", from: "2024-08-01", to: "2024-12-31"))
        #expect(window.value(results: results, items: items) == 50)
        let late = MetricSpec(name: "late", aggregate: .dateWindow(field: "contest_date", from: "2025-01-01", to: nil))
        #expect(late.value(results: results, items: items) == 50)
        // Category x: mean(1, 0) = 0.5; y: 0.5; item mean would be (1 + 0 + 0.5) / 3.
        let categories = MetricSpec(name: "c", aggregate: .meanOfCategoryMeans(category: "task"))
        #expect(categories.value(results: results, items: items) == 50)
    }

    @Test func suitesCombineMembersAsTheirLeaderboardsDo() throws {
        func metrics(_ name: String, pass: Double, items count: Int) -> BenchmarkMetrics {
            let results = Dictionary(uniqueKeysWithValues: (0..<count).map { i in
                ("\(i)", ItemResult(itemID: "\(i)", verdicts: [verdict([Double(i) < pass * Double(count)])], failed: 0, hitLength: 0))
            })
            return BenchmarkMetrics(benchmark: name, results: results, items: [:])
        }
        let benchmarks = ["a:test": metrics("a:test", pass: 0.5, items: 10), "b:test": metrics("b:test", pass: 1, items: 30)]
        let mean = SuiteDefinition(name: "m", summary: "", root: .mean(name: "m", children: [.benchmark("a", metric: nil), .benchmark("b:test", metric: nil)]))
        #expect(mean.value(in: benchmarks)?.value == 75)
        let weighted = SuiteDefinition(name: "w", summary: "", root: .itemWeightedMean(name: "w", children: [.benchmark("a", metric: nil), .benchmark("b", metric: nil)]))
        #expect(weighted.value(in: benchmarks)?.value == 87.5)
        let fixed = SuiteDefinition(name: "f", summary: "", root: .weightedMean(name: "f", children: [.benchmark("a", metric: nil), .benchmark("b", metric: nil), .benchmark("absent", metric: nil)], weights: [3, 1, 10]))
        #expect(fixed.value(in: benchmarks)?.value == 62.5)
        #expect(SuiteDefinition(name: "x", summary: "", root: .benchmark("absent", metric: nil)).value(in: benchmarks) == nil)
    }
}
