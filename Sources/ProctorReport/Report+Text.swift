import Foundation
import ProctorCore

extension Report {
    /// The report as Markdown: headline, diagnostics, breakdowns, settings.
    public func markdown() -> String {
        var out = "## Results (pass@1 %, mean over k samples ± 95% CI; \(mode.rawValue) scoring)\n\n"
        out += table(header: ["run", "model"] + benchmarks + suites, rows: rows.map { row in
            [row.name, row.config.model.name] + benchmarks.map { Report.cell(row.benchmarks[$0]) }
                + suites.map { row.suites[$0].map { String(format: "%.1f", $0) } ?? "—" }
        })
        let missing = rows.flatMap { row in
            suites.compactMap { suite in row.suiteMissing[suite].map { [row.name, suite, $0.joined(separator: ", ")] } }
        }
        if !missing.isEmpty {
            out += "\n### Suite members not in the run (counted as 0)\n\n"
            out += table(header: ["run", "suite", "members counted as 0"], rows: missing)
        }
        var metricRows: [[String]] = []
        for row in rows {
            for benchmark in benchmarks {
                guard let m = row.benchmarks[benchmark], m.metricOrder.contains(where: { $0 != MetricSpec.pass1.name }) else { continue }
                for name in m.metricOrder {
                    let value = name == MetricSpec.pass1.name ? m.pass1 : m.metrics[name]
                    metricRows.append([row.name, benchmark, name, value.map { String(format: "%.2f", $0) } ?? "—"])
                }
            }
        }
        if !metricRows.isEmpty {
            out += "\n### Metrics\n\n"
            out += table(header: ["run", "benchmark", "metric", "value"], rows: metricRows)
        }
        out += publishedMarkdown()
        out += "\n### Diagnostics\n\n"
        var diagnostics: [[String]] = []
        for row in rows {
            for benchmark in benchmarks {
                guard let m = row.benchmarks[benchmark] else { continue }
                let passK = m.passAtK.keys.sorted().map { "pass@\($0) \(String(format: "%.1f", m.passAtK[$0] ?? 0))" }.joined(separator: ", ")
                diagnostics.append([
                    row.name, benchmark, String(m.items), m.minSamples == m.maxSamples ? String(m.maxSamples) : "\(m.minSamples)–\(m.maxSamples)",
                    String(format: "%.1f", m.pass1), passK.isEmpty ? "—" : passK, m.majAtK.map { String(format: "%.1f", $0) } ?? "—",
                    String(format: "%.1f", m.truncationRate), String(format: "%.1f", m.unparsedRate), String(m.failed),
                ])
            }
        }
        out += table(header: ["run", "benchmark", "items", "k", "pass@1", "pass@k", "maj@k", "truncated %", "no answer %", "failed requests"], rows: diagnostics)
        for benchmark in benchmarks {
            let categories = Set(rows.flatMap { $0.benchmarks[benchmark]?.breakdowns.keys.map { $0 } ?? [] }).sorted()
            for category in categories {
                let values = Set(rows.flatMap { $0.benchmarks[benchmark]?.breakdowns[category]?.keys.map { $0 } ?? [] }).sorted()
                guard values.count > 1 else { continue }
                out += "\n### \(benchmark) by \(category)\n\n"
                out += table(header: [category] + rows.map(\.name), rows: values.map { value in
                    [value] + rows.map { row in
                        row.benchmarks[benchmark]?.breakdowns[category]?[value].map { String(format: "%.1f (n=%d)", $0.pass1, $0.items) } ?? "—"
                    }
                })
            }
        }
        out += disagreementsMarkdown()
        out += "\n### Settings\n\n"
        out += table(header: ["run", "run id", "model", "backend", "weights sha256", "settings", "scorers", "proctor", "created"], rows: rows.map { row in
            [row.name, row.runID, row.config.model.name, "\(row.config.model.kind) \(row.config.model.location)",
             row.config.model.weightsSHA256.map { String($0.prefix(12)) } ?? "—", Report.settings(row.config),
             Set(row.scorers.values.flatMap { $0 }).sorted().joined(separator: ", "),
             row.harnessVersion + (row.gitCommit.map { " @\($0.prefix(8))" } ?? ""), row.createdAt]
        })
        let environments = rows.flatMap { row in
            (row.scoringSettings ?? [:]).sorted { $0.key < $1.key }.map { benchmark, settings in
                [row.name, benchmark, settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")]
            }
        }
        if !environments.isEmpty {
            out += "\n### Scoring environment\n\n"
            out += table(header: ["run", "benchmark", "recorded by the scorer"], rows: environments)
        }
        return out
    }

    /// The per-run, per-benchmark numbers as CSV.
    public func csv() -> String {
        var out = "run_id,run,model,benchmark,mode,items,k,pass@1,ci95,maj@k,truncation_rate,unparsed_rate,failed_requests\n"
        for row in rows {
            for benchmark in benchmarks {
                guard let m = row.benchmarks[benchmark] else { continue }
                let fields = [
                    row.runID, row.name, row.config.model.name, benchmark, mode.rawValue, String(m.items), String(m.maxSamples),
                    String(format: "%.4f", m.pass1), String(format: "%.4f", m.ci95), m.majAtK.map { String(format: "%.4f", $0) } ?? "",
                    String(format: "%.4f", m.truncationRate), String(format: "%.4f", m.unparsedRate), String(m.failed),
                ]
                out += fields.map(Report.csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The whole report as JSON.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    func table(header: [String], rows: [[String]]) -> String {
        let escape = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
