import Foundation
import ProctorCore
import Sandbox

/// Grades a program as the official runner does: extract the code (`extract_code`), run it in the sandbox against
/// the problem's public and private tests with the grading driver (per-test `signal.alarm(timeout)`, the global
/// `(timeout + 1) · tests + 5` seconds for the process), pass iff every test passes.
///
/// Each test that ran is a `SubResult` of kind `test` whose reason is the official status (`wrong answer`,
/// `time limit exceeded`, `runtime error`, `compile error`, `global timeout`). A problem whose tests are not in the
/// data (the shared problems-only file) is `ungradable`: the verdict says so and `rescore` grades it once the hub's
/// files are there. Execution leaves no room for a stricter reading, so `strict` verdicts equal `official` ones; the
/// program runs once for both (results are shared by problem and code).
public final class LiveCodeBenchScorer: ItemScorer {
    /// The stored scorer id (`livecodebench-imported` marks verdicts imported from a submission file).
    public let id = "livecodebench"
    /// Bumped when a verdict can change.
    public let version = 1
    /// Seconds per test (`--timeout` of the official runner).
    public let timeout: Int
    private let tests: LCBTestStore
    private let sandbox: PoolHolder
    private let cache = GradingCache()

    /// Creates a scorer.
    ///
    /// - Parameters:
    ///   - tests: Where tests come from.
    ///   - workers: The most programs run at once.
    ///   - timeout: Seconds per test (the official default 6).
    ///   - pool: A pool to use (default: one made on the first program, so scoring imported verdicts needs no python3).
    public init(tests: LCBTestStore, workers: Int, timeout: Int = 6, pool: SandboxPool? = nil) {
        self.tests = tests
        self.timeout = timeout
        self.sandbox = PoolHolder(workers: workers, pool: pool)
    }

    /// The per-test timeout, and the sandbox's facts (interpreter, isolation) once a program has run.
    public var settings: [String: String] {
        var settings = ["lcb_timeout_seconds": String(timeout)]
        if let pool = sandbox.existing { settings.merge(pool.settings) { a, _ in a } }
        return settings
    }

    /// Extracts, finds the tests, runs the program (once per problem and program), and judges.
    ///
    /// - Parameters:
    ///   - input: The output (or a pre-extracted program).
    ///   - item: The problem.
    ///   - mode: Either mode; both give the same verdict.
    /// - Returns: The verdict with one sub-result per test that ran.
    public func verdict(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) async -> Verdict {
        let style = LCBPromptStyle.of(templateID: item.promptTemplate)
        let code = input.preExtracted ?? LCBCodeExtraction.extract(input.response, style: style)
        let truncated = input.finishReason == .length
        guard !code.isEmpty else {
            return Verdict(extracted: "", correct: false, truncated: truncated, unparsed: true, rule: "no-code",
                           details: ["reason": .string("no code block: the output has fewer than two lines containing ```")])
        }
        let suite: LCBTestSuite?
        do {
            suite = try await tests.suite(for: item.id)
        } catch {
            return Self.scorerError(code, "\(error)", truncated: truncated)
        }
        guard let suite else {
            return Verdict(
                extracted: code, correct: false, truncated: truncated, rule: "ungradable",
                details: ["reason": .string("the tests of \(item.id) are not in the data (the problems-only file has none): fetch livecodebench/code_generation_lite and run `proctor rescore`")])
        }
        let grading: LCBGrading
        do {
            grading = try await cache.grading(key: "\(item.id)\u{0}\(code)") { [sandbox, timeout] in
                try await LCBGrader.grade(code: code, suite: suite, timeout: timeout, pool: try sandbox.pool())
            }
        } catch {
            return Self.scorerError(code, "\(error)", truncated: truncated)
        }
        return Self.verdict(code: code, grading: grading, truncated: truncated, timeout: timeout)
    }

    /// The verdict of a grading.
    static func verdict(code: String, grading: LCBGrading, truncated: Bool, timeout: Int) -> Verdict {
        let parts = grading.results.enumerated().map { index, result in
            var values: [String: Double] = ["official_code": Double(result.code)]
            if let seconds = result.seconds { values["seconds"] = seconds }
            return SubResult(kind: "test", index: index, id: "test \(index)", passed: result.passed, values: values, reason: result.reason)
        }
        var details: [String: JSONValue] = [
            "graded": .array(grading.results.map { $0.passed ? .bool(true) : .int($0.code) }), "tests": .int(grading.testCount),
            "timeout_seconds": .int(timeout),
        ]
        if let failed = grading.results.first(where: { !$0.passed }) {
            details["status"] = .string(failed.reason ?? "")
            if let error = failed.error { details["error"] = .string(String(error.prefix(500))) }
        }
        if let failure = grading.sandboxFailure { details["sandbox"] = .string(failure) }
        return Verdict(
            extracted: code, correct: grading.passed, truncated: truncated, rule: grading.passed ? "all-tests-passed" : "test-failed",
            details: details, subResults: parts)
    }

    static func scorerError(_ code: String, _ message: String, truncated: Bool) -> Verdict {
        Verdict(extracted: code, correct: false, truncated: truncated, rule: "scorer-error", details: ["error": .string(message)])
    }
}

/// The sandbox pool, made on first use.
final class PoolHolder: Sendable {
    private let workers: Int
    private let state: LockedPool

    init(workers: Int, pool: SandboxPool?) {
        self.workers = workers
        self.state = LockedPool(pool)
    }

    var existing: SandboxPool? { state.current }

    func pool() throws -> SandboxPool {
        try state.get { try SandboxPool(workers: workers) }
    }
}

/// Gradings shared between the two modes' calls and between samples with the same program.
actor GradingCache {
    private var tasks: [String: Task<LCBGrading, any Error>] = [:]

    func grading(key: String, _ make: @escaping @Sendable () async throws -> LCBGrading) async throws -> LCBGrading {
        if let task = tasks[key] { return try await task.value }
        let task = Task { try await make() }
        tasks[key] = task
        do {
            return try await task.value
        } catch {
            tasks[key] = nil
            throw error
        }
    }
}
