import Foundation

extension Report {
    /// The "Measured vs published" part of the HTML report: a chart with each run's measured value and its 95% CI
    /// as a bar with whiskers, the published figure as a mark on the same axis, and the table beneath it.
    func publishedHTML() -> String {
        guard !published.isEmpty else { return "" }
        let rowHeight = 30, labelWidth = 300, plotWidth = 360
        let height = published.count * rowHeight + 40
        var svg = "<svg id=\"published-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + plotWidth + 40)\" height=\"\(height)\" role=\"img\" aria-label=\"measured vs published\">"
        func x(_ value: Double) -> Int { labelWidth + Int(Double(plotWidth) * min(max(value, 0), 100) / 100) }
        for (index, check) in published.enumerated() {
            let y = index * rowHeight
            let label = "\(check.run.prefix(24)) · \(check.benchmark) \(check.metric == "pass@1" ? "" : check.metric)"
            svg += "<text x=\"0\" y=\"\(y + 18)\" font-size=\"12\">\(escape(label))</text>"
            if let measured = check.measured {
                svg += "<rect class=\"measured\" x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(x(measured) - labelWidth)\" height=\"14\" fill=\"#4e79a7\"/>"
                if let ci = check.ci95 {
                    svg += "<line class=\"ci\" x1=\"\(x(measured - ci))\" x2=\"\(x(measured + ci))\" y1=\"\(y + 13)\" y2=\"\(y + 13)\" stroke=\"#222\" stroke-width=\"2\"/>"
                    for end in [measured - ci, measured + ci] {
                        svg += "<line x1=\"\(x(end))\" x2=\"\(x(end))\" y1=\"\(y + 8)\" y2=\"\(y + 18)\" stroke=\"#222\"/>"
                    }
                }
            }
            let px = x(check.published)
            svg += "<path class=\"published\" d=\"M \(px) \(y + 3) L \(px + 6) \(y + 13) L \(px) \(y + 23) L \(px - 6) \(y + 13) Z\" fill=\"#e15759\"><title>published \(String(format: "%.1f", check.published))</title></path>"
        }
        let axisY = published.count * rowHeight + 8
        svg += "<line x1=\"\(labelWidth)\" x2=\"\(labelWidth + plotWidth)\" y1=\"\(axisY)\" y2=\"\(axisY)\" stroke=\"#888\"/>"
        for tick in stride(from: 0, through: 100, by: 25) {
            svg += "<text x=\"\(x(Double(tick)))\" y=\"\(axisY + 14)\" font-size=\"10\" text-anchor=\"middle\">\(tick)</text>"
        }
        svg += "</svg>"
        var html = "<h2>Measured vs published</h2>\n<p>Bars: measured, whiskers: 95% CI; diamonds: the figure the source publishes.</p>\n" + svg
        html += "\n<table id=\"published-table\"><tr><th>run</th><th>benchmark</th><th>metric</th><th>measured</th><th>published</th><th>verdict</th><th>source</th><th>protocol differences</th></tr>\n"
        for c in published {
            let measured = c.measured.map { v in c.ci95.map { String(format: "%.1f ± %.1f", v, $0) } ?? String(format: "%.1f", v) } ?? "—"
            let verdictClass = c.inside == true ? "inside" : "outside"
            html += "<tr><td>\(escape(c.run))</td><td>\(escape(c.benchmark))</td><td>\(escape(c.metric))</td><td>\(measured)</td>"
            html += "<td>\(String(format: "%.1f", c.published)) (\(escape(c.reportedAs)))</td><td class=\"\(verdictClass)\">\(escape(c.verdict))</td>"
            html += "<td><a href=\"\(escape(c.url))\">\(escape(c.source))</a></td><td>\(escape(c.differences.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
