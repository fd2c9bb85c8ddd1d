import Foundation
import ProctorCore
import ProctorStore
import PublishedScores

/// The report of one or more runs: the headline table (runs × benchmarks), diagnostics, breakdowns and settings.
public struct Report: Sendable, Codable {
    /// One run's row.
    public struct Row: Sendable, Codable {
        public var runID: String
        public var name: String
        /// The run's `--label`, if it has one.
        public var label: String?
        public var config: RunConfig
        public var harnessVersion: String
        public var gitCommit: String?
        public var createdAt: String
        public var scorers: [String: [String]]
        /// The environment the verdicts were scored in, per benchmark (`run_settings`); nil when none was recorded.
        public var scoringSettings: [String: [String: String]]?
        public var benchmarks: [String: BenchmarkMetrics]
        /// The suites' values (percent) by suite name, for suites with a scored member.
        public var suites: [String: Double]
        /// Per suite with a value, the required members the run did not score, counted as 0 (BFCL's overall counts a
        /// category not evaluated as 0); suites without such members are left out.
        public var suiteMissing: [String: [String]] = [:]

        enum CodingKeys: String, CodingKey {
            case runID = "run_id", name, label, config, harnessVersion = "harness_version", gitCommit = "git_commit"
            case createdAt = "created_at", scorers, scoringSettings = "scoring_settings", benchmarks, suites
            case suiteMissing = "suite_missing"
        }
    }

    /// The scoring mode of every number.
    public var mode: ScoringMode
    /// The benchmarks, in column order.
    public var benchmarks: [String]
    /// The runs, in row order.
    public var rows: [Row]
    /// The suites with a value in some row, in column order (after the benchmarks).
    public var suites: [String]
    /// The runs beside the published figures of their models (see `PublishedRegistry`).
    public var published: [PublishedCheck] = []
    /// The samples whose `official` and `strict` verdicts differ (see `ModeDisagreement.find`).
    public var disagreements: [ModeDisagreement] = []

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - results: Each run's results, in row order.
    ///   - metrics: Each benchmark's own metrics by benchmark name (without split), from its definition.
    ///   - suites: Scores over several benchmarks, shown when a member was scored.
    ///   - registry: Published figures to put the runs beside (Proctor's committed registry by default).
    ///   - disagreements: The samples whose two modes' verdicts differ, listed in every format.
    public init(
        results: [RunResults], metrics: [String: [MetricSpec]] = [:], suites: [SuiteDefinition] = [],
        registry: PublishedRegistry = .shipped, disagreements: [ModeDisagreement] = []
    ) {
        self.disagreements = disagreements
        mode = results.first?.mode ?? .official
        benchmarks = Set(results.flatMap(\.benchmarks.keys)).sorted()
        rows = results.map { r in
            let benchmarks = Dictionary(uniqueKeysWithValues: r.benchmarks.map { name, items in
                (name, BenchmarkMetrics(benchmark: name, results: items, items: r.items[name] ?? [:],
                                        specs: metrics[BenchmarkName(parsing: name).name] ?? []))
            })
            return Row(
                runID: r.run.runID, name: r.run.displayName, label: r.run.label, config: r.run.config, harnessVersion: r.run.harnessVersion,
                gitCommit: r.run.gitCommit, createdAt: r.run.createdAt, scorers: r.scorers.mapValues { $0.sorted() },
                scoringSettings: r.scoringSettings.isEmpty ? nil : r.scoringSettings, benchmarks: benchmarks,
                suites: Dictionary(uniqueKeysWithValues: suites.compactMap { suite in suite.value(in: benchmarks).map { (suite.name, $0.value) } }),
                suiteMissing: Dictionary(uniqueKeysWithValues: suites.compactMap { suite in
                    let missing = suite.missingMembers(in: benchmarks)
                    return missing.isEmpty ? nil : (suite.name, missing)
                }))
        }
        let rows = self.rows
        self.suites = suites.map(\.name).filter { name in rows.contains { $0.suites[name] != nil } }
        published = publishedChecks(registry: registry, specs: metrics)
    }

    /// A headline cell: `pass@1 ± ci`, with a marker when requests failed.
    static func cell(_ m: BenchmarkMetrics?) -> String {
        guard let m, m.items > 0 else { return m.map { $0.failed > 0 ? "— (\($0.failed) failed)" : "—" } ?? "—" }
        var text: String
        if let first = m.metricOrder.first, first != MetricSpec.pass1.name {
            text = m.metrics[first].map { String(format: "%.1f (%@)", $0, first) } ?? "—"
        } else {
            text = String(format: "%.1f ± %.1f", m.pass1, m.ci95)
        }
        if m.failed > 0 { text += " (\(m.failed) failed)" }
        return text
    }

    /// The settings of a run in one line.
    static func settings(_ config: RunConfig) -> String {
        let p = config.parameters
        var parts = [
            "T=\(format(p.temperature))", "top_p=\(format(p.topP))", "max_tokens=\(p.maxTokens)", "k=\(config.samples)", "seed=\(p.seed)",
        ]
        if let k = p.topK { parts.append("top_k=\(k)") }
        if let m = p.minP { parts.append("min_p=\(format(m))") }
        if let r = p.repetitionPenalty { parts.append("rep_penalty=\(format(r))") }
        if let preset = config.preset { parts.append("preset=\(preset)") }
        if let style = config.promptStyle { parts.append("prompt=\(style)") }
        if let release = config.release { parts.append("release=\(release)") }
        // The embedded engine's SIMD kernel set (PROCTOR_KERNELS): it changes the rounding of every logit.
        if let kernels = config.model.details["kernels"] { parts.append("kernels=\(kernels)") }
        return parts.joined(separator: " ")
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
