import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
struct ServerFailureTests {
    @Test func aFailingAndStallingServerGivesErrorRowsAndACleanExit() async throws {
        // Requests 2, 3 and 4 fail (HTTP 500, a stall past the timeout, a dropped connection); with no retries they
        // become error rows, and the run still finishes and prints its report.
        let server = try await ServeProcess(["--echo", "--faults", "2:500,3:stall=30,4:drop"])
        defer { server.stop() }
        let db = try Fixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path
        let arguments = [
            "run", "--model", "openai:\(server.baseURL)", "--model-name", "proctor-echo", "--benchmarks", "aime24", "--limit", "6",
            "--concurrency", "1", "--request-timeout", "2", "--max-retries", "0", "--data", Fixtures.sharedData.path, "--db", db,
        ]
        let first = try await ProctorProcess.run(arguments, timeout: 120)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(3 failed)"))
        #expect(first.stderr.contains("3 requests failed"))
        let database = try ResultsDatabase(path: db)
        let run = try #require(try database.runs().first)
        let samples = try database.samples(runID: run.runID)
        #expect(samples.count == 6)
        let failed = samples.filter { $0.error != nil }
        #expect(failed.count == 3)
        #expect(failed.allSatisfy { $0.output == nil && $0.finishReason == .error })
        #expect(try database.scores(runID: run.runID, mode: .official).count == 3)

        // The same command against a healthy server retries exactly the failed samples.
        let healthy = try await ServeProcess(["--echo"])
        defer { healthy.stop() }
        var again = arguments
        again[2] = "openai:\(healthy.baseURL)"
        let second = try await ProctorProcess.run(again, timeout: 120)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try database.samples(runID: run.runID).allSatisfy { $0.error == nil })
        #expect(try database.scores(runID: run.runID, mode: .official).count == 6)
    }
}
