import Foundation
import ProctorCore
import PublishedScores

/// One run's measured number beside a published figure for the same model and benchmark.
public struct PublishedCheck: Sendable, Codable, Hashable {
    /// The run's name in the report.
    public var run: String
    /// The benchmark as the run stores it (`mathvista:testmini`).
    public var benchmark: String
    /// The metric compared (`pass@1`, `inst_level_strict`).
    public var metric: String
    /// The measured value in percent; nil when the run lacks that metric.
    public var measured: Double?
    /// Half-width of the measured value's 95% confidence interval, in points (for metrics other than pass@1: the
    /// binomial interval over the run's items, an approximation).
    public var ci95: Double?
    /// The published figure in percent.
    public var published: Double
    /// measured − published, in points.
    public var delta: Double?
    /// Whether the published figure lies inside measured ± ci95.
    public var inside: Bool?
    /// The verdict in words (`inside the 95% CI`, `outside: 3.2 points below, 1.1 beyond the CI`).
    public var verdict: String
    /// The source's id, title and address, and the heading it prints the figure under.
    public var source: String
    public var sourceTitle: String
    public var url: String
    public var reportedAs: String
    /// Protocol details the source states that the run does not follow (`temperature: source 0.6, run 0`).
    public var differences: [String]
    /// Generation settings the source leaves unstated.
    public var unstated: [String]

    enum CodingKeys: String, CodingKey {
        case run, benchmark, metric, measured, ci95, published, delta, inside, verdict, source
        case sourceTitle = "source_title", url, reportedAs = "reported_as", differences, unstated
    }
}

extension Report {
    /// The published figures that the report's runs are matched to: by the run's `--reproduce` entry, or by its
    /// label or model name equalling a model id or alias of the registry. Figures of benchmarks a run did not
    /// score are left out.
    ///
    /// - Parameter registry: The published scores.
    /// - Returns: One check per run, benchmark and matching figure, in row order.
    func publishedChecks(registry: PublishedRegistry, specs: [String: [MetricSpec]]) -> [PublishedCheck] {
        var checks: [PublishedCheck] = []
        for row in rows {
            var names = [row.config.model.name, row.name]
            if let label = row.label { names.append(label) }
            var entries = registry.entries(forModelNamed: names)
            if let reproduced = row.config.reproduces, let entry = try? registry.entry(reproducing: reproduced) {
                entries = registry.entries.filter { $0.model.id == entry.model.id && $0.source.id == entry.source.id }
            }
            // A figure over several benchmarks (LiveBench's overall, BFCL's) is matched to the suite of that name.
            for entry in entries {
                guard let value = row.suites[entry.figure.benchmark] else { continue }
                checks.append(Report.suiteCheck(row: row, value: value, entry: entry))
            }
            for benchmark in benchmarks {
                guard let m = row.benchmarks[benchmark], m.items > 0 else { continue }
                let name = BenchmarkName(parsing: benchmark)
                var matching = entries.filter { $0.figure.benchmark == benchmark || $0.figure.benchmark == name.name }
                // A run scored from a published outputs file goes beside the figure computed from that file.
                let file = URL(fileURLWithPath: row.config.model.location).lastPathComponent
                let fromFile = matching.filter { $0.figure.outputs == file }
                if !fromFile.isEmpty { matching = fromFile }
                for entry in matching {
                    checks.append(Report.check(row: row, metrics: m, entry: entry, mode: mode, specs: specs[name.name] ?? []))
                }
            }
        }
        return checks
    }

    static func check(row: Row, metrics m: BenchmarkMetrics, entry: PublishedEntry, mode: ScoringMode, specs: [MetricSpec]) -> PublishedCheck {
        let metric = entry.figure.metric ?? MetricSpec.pass1.name
        let measured: Double?, ci: Double?
        if metric == MetricSpec.pass1.name {
            (measured, ci) = (m.pass1, m.ci95)
        } else if let value = m.metrics[metric] {
            let n = Double(m.items)
            (measured, ci) = (value, n > 0 ? 1.96 * (value * (100 - value) / n).squareRoot() : nil)
        } else {
            (measured, ci) = (nil, nil)
        }
        let published = entry.figure.value
        let delta = measured.map { $0 - published }
        let inside = zip2(delta, ci).map { abs($0.0) <= $0.1 + 0.005 }
        let verdict: String
        switch (delta, ci, inside) {
        case (nil, _, _): verdict = "not measured (the run has no \(metric))"
        case (let d?, nil, _): verdict = String(format: "%+.1f points (no CI)", d)
        case (let d?, _?, true?): verdict = String(format: "inside the 95%% CI (%+.1f points)", d)
        case (let d?, let c?, _):
            verdict = String(format: "outside: %.1f points %@, %.1f beyond the CI", abs(d), d < 0 ? "below" : "above", abs(d) - c)
        }
        return PublishedCheck(
            run: row.name, benchmark: m.benchmark, metric: metric, measured: measured, ci95: ci, published: published, delta: delta,
            inside: inside, verdict: verdict, source: entry.source.id, sourceTitle: entry.source.title, url: entry.source.url,
            reportedAs: entry.figure.reportedAs, differences: differences(row: row, metrics: m, entry: entry, mode: mode),
            unstated: entry.stated.unstatedSettings)
    }

    /// The run's weight format as its backend records it (`GGUF Q4_1`, `f32 (converted at load)`), nil when unknown.
    static func runWeights(_ model: ModelIdentity) -> String? { model.details["weights"] }

    static func suiteCheck(row: Row, value: Double, entry: PublishedEntry) -> PublishedCheck {
        let delta = value - entry.figure.value
        return PublishedCheck(
            run: row.name, benchmark: entry.figure.benchmark, metric: "suite", measured: value, ci95: nil, published: entry.figure.value,
            delta: delta, inside: nil, verdict: String(format: "%+.1f points (a mean over benchmarks: no CI)", delta), source: entry.source.id,
            sourceTitle: entry.source.title, url: entry.source.url, reportedAs: entry.figure.reportedAs,
            differences: row.config.source == "predictions" ? ["outputs imported from a file: generation settings are those of whoever produced it"] : [],
            unstated: entry.stated.unstatedSettings)
    }

    /// The protocol details the source states (or its evaluation tool implies) that the run does not follow.
    static func differences(row: Row, metrics m: BenchmarkMetrics, entry: PublishedEntry, mode: ScoringMode) -> [String] {
        let stated = entry.stated, tool = entry.figure.toolSettings ?? PublishedProtocol()
        let p = row.config.parameters
        var out: [String] = []
        func note(_ field: String, _ source: String?, _ toolValue: String?, _ run: String) {
            if let source, source != run { out.append("\(field): source \(source), run \(run)") } else if source == nil, let toolValue, toolValue != run {
                out.append("\(field): \(entry.figure.toolSettingsSource.map { _ in "evaluation tool" } ?? "tool") \(toolValue), run \(run)")
            }
        }
        if row.config.source == "predictions" {
            out.append("outputs imported from a file: generation settings are those of whoever produced it")
        } else {
            note("samples", stated.samples.map(String.init), tool.samples.map(String.init), String(row.config.samples))
            note("temperature", stated.temperature.map(format), tool.temperature.map(format), format(p.temperature))
            note("top_p", stated.topP.map(format), tool.topP.map(format), format(p.topP))
            note("max_tokens", stated.maxTokens.map(String.init), tool.maxTokens.map(String.init), String(p.maxTokens))
            note("prompt", stated.promptStyle, tool.promptStyle, row.config.promptStyle ?? PromptStyle.official)
        }
        if let scorer = stated.scorerMode, scorer != mode.rawValue {
            out.append("scorer: source \(scorer), run Proctor's \(mode.rawValue) rules")
        }
        // An imported file carries the judge's extractions where it has them; they are scored as given.
        if let judge = stated.judge, judge != "none", row.config.source != "predictions" {
            out.append("judge: source \(judge), run rules only")
        }
        if let items = stated.items, items != m.items { out.append("items: source \(items), run \(m.items)") }
        if let weights = stated.weights, let run = runWeights(row.config.model), run.lowercased() != weights.lowercased() {
            out.append("weights: source \(weights), run \(run)")
        }
        if !entry.figure.benchmark.contains(":") { out.append("split or subset: the source does not say") }
        return out
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

extension Report {
    /// The "Published figures" section: each run beside its model's published figures, or nothing when no run
    /// is matched to a model of the registry.
    ///
    /// - Returns: Markdown, empty when there is nothing to show.
    public func publishedMarkdown() -> String {
        guard !published.isEmpty else { return "" }
        var out = "\n### Published figures\n\n"
        out += "Measured ± 95% CI beside the figure a model card or paper publishes for the same model (matched by "
        out += "`--reproduce`, the run's label or its model name; `proctor published` lists them).\n\n"
        out += table(header: ["run", "benchmark", "metric", "measured", "published", "verdict", "source", "protocol differences", "unstated by the source"],
                     rows: published.map { c in
            [c.run, c.benchmark, c.metric,
             c.measured.map { v in c.ci95.map { String(format: "%.1f ± %.1f", v, $0) } ?? String(format: "%.1f", v) } ?? "—",
             String(format: "%.1f", c.published) + " (\(c.reportedAs))", c.verdict, "[\(c.source)](\(c.url))",
             c.differences.isEmpty ? "none stated" : c.differences.joined(separator: "; "),
             c.unstated.isEmpty ? "—" : c.unstated.joined(separator: ", ")]
        })
        return out
    }
}
