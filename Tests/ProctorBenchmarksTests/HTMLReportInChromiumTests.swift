import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// The HTML report rendered by a real headless Chromium (Debian's `chromium`, installed by scripts/test): the
/// measured-vs-published chart and its table are in the rendered page, the screenshot is not blank, and the
/// page logs nothing to the console.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.enabled(if: Fixtures.hasSharedData && chromiumPath != nil, "needs ../shared/data and Debian's chromium (scripts/test installs it)"))
struct HTMLReportInChromiumTests {
    static let chromium = chromiumPath

    func runChromium(_ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
    }

    @Test func theMeasuredVsPublishedChartRenders() async throws {
        let db = try ResultsDatabase(path: try Fixtures.temporaryDirectory().appendingPathComponent("h.sqlite").path)
        var results: [RunResults] = []
        for (benchmark, file, label) in [
            ("mathvista:testmini", "mathvista/reference-outputs/bard/output_bard.json", nil as String?),
            ("mmmu_pro:standard10", "mmmu_pro/reference-outputs/gpt-4o_standard(10 options)_cot.jsonl", "gpt-4o-2024-05-13"),
        ] {
            let resolved = try BenchmarkRegistry.resolve(benchmark)
            let importer = PredictionImport(
                definition: resolved.definition, name: resolved.name, location: DataLocation(root: Fixtures.sharedData, hubCache: nil), batchSize: 500)
            let summary = try await importer.run(
                Fixtures.sharedData.appendingPathComponent(file), modelName: nil, context: ScorerContext(), database: db,
                harnessVersion: "test", gitCommit: nil, host: nil, label: label)
            results.append(try RunResults(run: summary.run, mode: .official, database: db))
        }
        let report = Report(results: results, metrics: BenchmarkRegistry.metricsByBenchmark)
        try #require(report.published.count == 2, "\(report.published.map(\.source))")
        let folder = try Fixtures.temporaryDirectory()
        let page = folder.appendingPathComponent("report.html"), shot = folder.appendingPathComponent("report.png")
        try Data(report.html().utf8).write(to: page)

        let dom = try runChromium(["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr.suffix(500))")
        #expect(dom.stdout.contains("id=\"published-chart\""), "the chart is missing from the rendered page")
        #expect(dom.stdout.components(separatedBy: "class=\"published\"").count - 1 == 2, "one published mark per figure")
        #expect(dom.stdout.components(separatedBy: "class=\"ci\"").count - 1 == 2, "one CI whisker per measured value")
        #expect(dom.stdout.contains("id=\"published-table\""), "the table is missing")
        #expect(dom.stdout.contains("inside the 95% CI"))

        let render = try runChromium(["--window-size=1400,1800", "--screenshot=\(shot.path)", page.absoluteString])
        #expect(render.status == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 20_000, "a \(png.count)-byte screenshot is blank")
        let console = (dom.stderr + render.stderr).split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console.prefix(5))")
    }
}
