import Foundation

extension Report {
    /// The report as one self-contained HTML file: tables and an SVG bar chart per benchmark, no external assets.
    public func html() -> String {
        var body = "<h1>Proctor report</h1>\n<p>pass@1 in %, mean over k samples, ± 95% confidence interval; \(mode.rawValue) scoring.</p>\n"
        body += "<h2>Results</h2>\n<table><tr><th>run</th><th>model</th>"
        body += benchmarks.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            body += "<tr><td>\(escape(row.name))</td><td>\(escape(row.config.model.name))</td>"
            body += benchmarks.map { "<td>\(escape(Report.cell(row.benchmarks[$0])))</td>" }.joined() + "</tr>\n"
        }
        body += "</table>\n<h2>Charts</h2>\n<div class=\"charts\">"
        let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"]
        for benchmark in benchmarks {
            body += chart(benchmark: benchmark, palette: palette)
        }
        body += "</div>\n" + publishedHTML()
        body += "<h2>Details</h2>\n" + markdownTablesAsHTML()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Proctor report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; font-size: 14px; }
            th { background: #f3f3f3; }
            .charts { display: flex; flex-wrap: wrap; gap: 24px; }
            .chart h3 { font-size: 15px; margin: 0 0 4px 0; }
            .inside { color: #2a7a2a; } .outside { color: #b22222; }
            </style></head><body>
            \(body)
            </body></html>
            """
    }

    private func chart(benchmark: String, palette: [String]) -> String {
        let barHeight = 22, gap = 8, labelWidth = 220, plotWidth = 320
        let height = rows.count * (barHeight + gap) + 30
        var svg = "<div class=\"chart\"><h3>\(escape(benchmark))</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + plotWidth + 80)\" height=\"\(height)\" role=\"img\">"
        for (index, row) in rows.enumerated() {
            let y = index * (barHeight + gap)
            let m = row.benchmarks[benchmark]
            let value = m?.pass1 ?? 0
            let width = Int(Double(plotWidth) * min(max(value, 0), 100) / 100)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"12\">\(escape(String(row.name.prefix(32))))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight)\" fill=\"\(palette[index % palette.count])\"/>"
            if let m, m.items > 0 {
                let low = Double(plotWidth) * max(0, m.pass1 - m.ci95) / 100, high = Double(plotWidth) * min(100, m.pass1 + m.ci95) / 100
                svg += "<line x1=\"\(labelWidth + Int(low))\" x2=\"\(labelWidth + Int(high))\" y1=\"\(y + barHeight / 2)\" y2=\"\(y + barHeight / 2)\" stroke=\"#222\"/>"
            }
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 16)\" font-size=\"12\">\(escape(Report.cell(m)))</text>"
        }
        let axisY = rows.count * (barHeight + gap) + 12
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + plotWidth * tick / 100
            svg += "<text x=\"\(x)\" y=\"\(axisY + 10)\" font-size=\"10\" text-anchor=\"middle\">\(tick)</text>"
        }
        return svg + "</svg></div>"
    }

    /// The Markdown sections after the headline, rendered as HTML tables.
    private func markdownTablesAsHTML() -> String {
        var html = ""
        var inTable = false
        var skipping = false
        for line in markdown().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            // The published figures have their own chart and table above.
            if line.hasPrefix("#") { skipping = line.hasSuffix("Published figures") }
            if skipping { continue }
            if line.hasPrefix("#") {
                if inTable { html += "</table>\n"; inTable = false }
                html += "<h3>\(escape(line.drop(while: { $0 == "#" || $0 == " " })))</h3>\n"
            } else if line.hasPrefix("|") {
                if line.hasPrefix("|---") { continue }
                let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                html += (inTable ? "<tr>" : "<table><tr>") + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
                inTable = true
            } else if inTable {
                html += "</table>\n"
                inTable = false
            }
        }
        return html + (inTable ? "</table>\n" : "")
    }

    func escape<S: StringProtocol>(_ text: S) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
