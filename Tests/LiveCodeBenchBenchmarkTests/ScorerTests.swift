import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import Testing

/// Hand-made problems (Fixtures/livecodebench) graded in the sandbox through the public definition, as `run`,
/// `score` and `rescore` build the scorer.
@Suite(.enabled(if: LCBFixtures.hasPython, "needs python3 on PATH"), .serialized)
struct ScorerTests {
    struct Case: Sendable {
        var item: String
        var program: String
        var passes: Bool
        /// The official status of each test that ran, `nil` for a pass.
        var reasons: [String?]
    }

    static let sumCorrect = "n = int(input())\na = list(map(int, input().split()))\nprint(sum(a))"
    static let cases: [Case] = [
        Case(item: "fx_sum", program: sumCorrect, passes: true, reasons: [nil, nil, nil, nil]),
        Case(item: "fx_sum", program: "import sys\n\ndef main():\n    data = sys.stdin.read().split()\n    print(sum(map(int, data[1:])))\n\nif __name__ == \"__main__\":\n    main()",
             passes: true, reasons: [nil, nil, nil, nil]),
        Case(item: "fx_sum", program: "n = int(input())\nprint(sum(map(int, input().split())) + (n == 1))", passes: false, reasons: [nil, "wrong answer"]),
        Case(item: "fx_sum", program: "while True:\n    pass", passes: false, reasons: ["time limit exceeded"]),
        Case(item: "fx_sum", program: "n = int(input())\nraise ValueError('boom')", passes: false, reasons: ["runtime error"]),
        Case(item: "fx_sum", program: "def f(:\n    pass", passes: false, reasons: ["compile error"]),
        Case(item: "fx_avg", program: "n = int(input())\na = list(map(int, input().split()))\nprint(f'{sum(a) / n:.10f}')", passes: true, reasons: [nil, nil, nil]),
        Case(item: "fx_avg", program: "n = int(input())\na = list(map(int, input().split()))\nprint(round(sum(a) / n, 2))", passes: false,
             reasons: [nil, "wrong answer"]),
        Case(item: "9001", program: "class Solution:\n    def addToEach(self, k: int, nums: List[int]) -> List[int]:\n        return tuple(x + k for x in nums)",
             passes: true, reasons: [nil, nil, nil]),
        Case(item: "9001", program: "class Solution:\n    def addToEach(self, k, nums):\n        return nums", passes: false, reasons: ["wrong answer"]),
        Case(item: "9001", program: "class Solution:\n    def other(self, k, nums):\n        return nums", passes: false, reasons: ["compile error"]),
        Case(item: "9001", program: "class Solution:\n    def addToEach(self, k, nums):\n        return [x + k for x in nums] if nums else 1 // 0", passes: false,
             reasons: [nil, "runtime error"]),
        // Hostile programs fail their test with the official status and the run goes on.
        Case(item: "fx_sum", program: "x = bytearray(50 * 1024 ** 3)", passes: false, reasons: ["runtime error"]),
        Case(item: "9001", program: "import os\nclass Solution:\n    def addToEach(self, k, nums):\n        os.kill(os.getppid(), 9)", passes: false,
             reasons: ["runtime error"]),
        Case(item: "9001", program: "import socket\nclass Solution:\n    def addToEach(self, k, nums):\n        socket.create_connection(('127.0.0.1', 22), timeout=1)",
             passes: false, reasons: ["runtime error"]),
        Case(item: "9001", program: "class Solution:\n    def addToEach(self, k, nums):\n        return open('/etc/shadow').read()", passes: false,
             reasons: ["runtime error"]),
        Case(item: "9001", program: "class Solution:\n    def addToEach(self, k, nums):\n        while True:\n            print('x' * 1000000)", passes: false,
             reasons: ["time limit exceeded"]),
    ]

    func items() throws -> [String: BenchmarkItem] {
        Dictionary(uniqueKeysWithValues: try LiveCodeBenchAdapter().load(split: "release_v2", from: LCBFixtures.location).map { ($0.id, $0) })
    }

    func scorer() throws -> any ItemScorer {
        try LiveCodeBenchBenchmark.definition.makeScorer(ScorerContext(data: LCBFixtures.location, execWorkers: 2, options: ["timeout": "2"]))
    }

    @Test func gradesCorrectAndWrongProgramsWithTheOfficialStatuses() async throws {
        let items = try items()
        let scorer = try scorer()
        for (number, c) in Self.cases.enumerated() {
            let item = try #require(items[c.item])
            let verdicts = await scorer.verdicts(ScoringInput(response: LCBFixtures.answer(c.program)), item: item)
            let official = verdicts[0].verdict
            #expect(official.correct == c.passes, "case \(number) \(c.item): \(official.rule) \(official.details)")
            #expect(official.extracted == c.program)
            #expect(official.subResults.map(\.reason) == c.reasons, "case \(number) \(c.item): \(official.details)")
            #expect(official.subResults.allSatisfy { $0.kind == "test" })
            #expect(verdicts[1].verdict == official, "strict equals official")
        }
        #expect(scorer.settings["sandbox"] != nil)
        #expect(scorer.settings["lcb_timeout_seconds"] == "2")
        await scorer.finish()
        // Other suites of this process may be running a program right now: what is left must go within seconds.
        var left: (folders: [String], children: [String]) = ([], [])
        for _ in 0..<40 {
            left = (Self.sandboxFolders(), Self.childProcesses())
            if left.folders.isEmpty && left.children.isEmpty { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(left.folders.isEmpty, "sandbox folders left behind: \(left.folders)")
        #expect(left.children.isEmpty, "processes left behind: \(left.children)")
    }

    /// This process's sandbox folders in the temporary directory.
    static func sandboxFolders() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        return names.filter { $0.hasPrefix("proctor-sandbox-\(getpid())-") }
    }

    /// This process's sandbox launchers still running: child processes (`/proc/PID/stat`, field 4 is the parent)
    /// that are forks of this process, not programs it started. The launcher is forked and never calls exec (the
    /// program is its own child), so it keeps this process's `comm`; what other suites of this process start
    /// (`proctor serve`, `python3`) runs another executable and is not counted.
    static func childProcesses() -> [String] {
        func comm(_ pid: String) -> String? { try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) }
        let own = comm("self")
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }
        return pids.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.range(of: ")", options: .backwards) else { return false }
            let fields = stat[close.upperBound...].split(separator: " ")
            return fields.count > 1 && Int(fields[1]) == Int(getpid()) && comm(pid) == own
        }
    }

    /// A program that ignores the per-test alarm is ended by the global timeout, `(timeout + 1) · tests + 5`
    /// seconds, and every test counts -1, as in `check_correctness`.
    @Test func aProgramIgnoringTheAlarmHitsTheGlobalTimeout() async throws {
        let item = try #require(try items()["9001"])
        let program = "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nclass Solution:\n    def addToEach(self, k, nums):\n        while True:\n            pass"
        let start = Date()
        let verdict = try await scorer().verdict(ScoringInput(response: LCBFixtures.answer(program)), item: item, mode: .official)
        #expect(!verdict.correct)
        #expect(verdict.subResults.map(\.reason) == ["global timeout", "global timeout", "global timeout"])
        #expect(verdict.details["sandbox"] == .string("timeout"))
        #expect(Date().timeIntervalSince(start) >= 14, "the limit is (2 + 1) · 3 + 5 = 14 s")
    }

    @Test func anOutputWithoutCodeFailsWithoutRunning() async throws {
        let item = try #require(try items()["fx_sum"])
        let verdict = try await scorer().verdict(ScoringInput(response: "I think the answer is 6."), item: item, mode: .official)
        #expect(verdict.unparsed && !verdict.correct && verdict.rule == "no-code")
    }
}

/// Problems whose tests are absent (the shared problems-only file) are stored ungraded with a reason.
@Suite(.enabled(if: LCBFixtures.hasShared, "needs ../shared/data/livecodebench"))
struct UngradableTests {
    @Test func problemsWithoutTestsAreUngradableWithAReason() async throws {
        let items = try LiveCodeBenchAdapter().load(split: "release_v5", from: LCBFixtures.shared)
        let item = try #require(items.first)
        let scorer = try LiveCodeBenchBenchmark.definition.makeScorer(ScorerContext(data: LCBFixtures.shared))
        let verdict = await scorer.verdict(ScoringInput(response: LCBFixtures.answer("print(1)")), item: item, mode: .official)
        #expect(verdict.rule == "ungradable")
        #expect(verdict.extracted == "print(1)")
        #expect(!verdict.correct)
        #expect(verdict.details["reason"]?.stringValue?.contains("proctor rescore") == true)
        // No python3 was needed: the pool is made only when a program runs.
        #expect(scorer.settings["sandbox"] == nil)
    }
}
