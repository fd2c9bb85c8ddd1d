import ArgumentParser
import Foundation
import ProctorCore
import ProctorScoring

/// `proctor-scoring speed`: scores (gold, output) pairs end to end and reports throughput and latency.
struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Score {gold, output} JSON Lines pairs with the strict math scorer; print pairs/s and latencies as JSON.")

    @Option(help: "JSON Lines file of {\"gold\": …, \"output\": …} pairs.")
    var pairs: String

    @Option(help: "Write each pair's verdict (1/0) here, one per line, for agreement checks.")
    var verdicts: String?

    @Option(help: "Repeat the whole set this many times (latencies are per pair over all repeats).")
    var repeats: Int = 3

    @Option(help: "Also print the slowest N pairs (gold, latency, rule) to standard error.")
    var slowest: Int = 0

    func run() throws {
        guard let text = try? String(contentsOfFile: pairs, encoding: .utf8) else {
            throw ValidationError("cannot read \(pairs); generate it with benchmarks/scoring/run.sh")
        }
        var cases: [(String, String)] = []
        for (n, line) in text.split(separator: "\n").enumerated() {
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let gold = object["gold"] as? String, let output = object["output"] as? String else {
                throw ValidationError("\(pairs) line \(n + 1): expected {\"gold\": string, \"output\": string}")
            }
            cases.append((gold, output))
        }
        let scorer = MathAnswerScorer(id: "math", integerAnswers: false)
        var latencies: [Double] = []
        var perPair: [(Double, Int, String)] = []
        var results: [Bool] = []
        let clock = ContinuousClock()
        let total = clock.now
        for round in 0..<max(repeats, 1) {
            for (gold, output) in cases {
                let item = BenchmarkItem(benchmark: BenchmarkName(name: "math500", split: "test"), id: "p", messages: [],
                                         promptTemplate: "", answer: gold)
                let start = clock.now
                let verdict = scorer.score(ScoringInput(response: output), item: item, mode: .strict)
                let elapsed = clock.now - start
                latencies.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                if round == 0 { results.append(verdict.correct) }
                if round == 0, slowest > 0 { perPair.append((latencies[latencies.count - 1], perPair.count, verdict.rule)) }
            }
        }
        let wall = clock.now - total
        for (latency, index, rule) in perPair.sorted(by: { $0.0 > $1.0 }).prefix(slowest) {
            let (gold, output) = cases[index]
            FileHandle.standardError.write(Data("\(Int(latency * 1e6)) µs  pair \(index)  gold \(gold)  rule \(rule)  output \(output.utf8.count) bytes, think: \(output.contains("</think>"))\n".utf8))
        }
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        latencies.sort()
        func pct(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let summary: [String: Any] = [
            "pairs": cases.count, "repeats": repeats, "pairs_per_second": Double(latencies.count) / seconds,
            "mean_us": latencies.reduce(0, +) / Double(latencies.count) * 1e6, "p50_us": pct(0.5) * 1e6,
            "p90_us": pct(0.9) * 1e6, "p99_us": pct(0.99) * 1e6, "max_us": (latencies.last ?? 0) * 1e6,
            "correct": results.filter { $0 }.count,
        ]
        if let verdicts {
            try results.map { $0 ? "1" : "0" }.joined(separator: "\n").write(toFile: verdicts, atomically: true, encoding: .utf8)
        }
        let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
