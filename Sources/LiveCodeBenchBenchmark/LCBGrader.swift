import Foundation
import ProctorCore
import Sandbox

/// The result of one test, with the official runner's status code.
public struct LCBTestResult: Sendable, Codable, Hashable {
    /// The official status: 1 (`True`, passed), -1 (global timeout or crash), -2 (wrong answer), -3 (time limit
    /// exceeded), -4 (runtime or compile error).
    public var code: Int
    /// What went wrong, as the driver saw it.
    public var error: String?
    /// Wall-clock seconds of the test, when it ran.
    public var seconds: Double?
    /// Whether the failure happened before any test ran (the program did not load: syntax error, missing method).
    public var beforeTests: Bool

    /// Whether the test passed.
    public var passed: Bool { code > 0 }

    /// The status as a reason (`wrong answer`, `time limit exceeded`, `runtime error`, `compile error`,
    /// `global timeout`), nil when passed.
    public var reason: String? {
        switch code {
        case 1...: nil
        case -2: "wrong answer"
        case -3: "time limit exceeded"
        case -4: beforeTests ? "compile error" : "runtime error"
        default: "global timeout"
        }
    }
}

/// How a program fared against a problem's tests, as `check_correctness` reports it: the results of the tests up
/// to and including the first failure (all -1 when the process did not finish).
public struct LCBGrading: Sendable, Codable, Hashable {
    /// Per test, in order, up to the first failure.
    public var results: [LCBTestResult]
    /// The number of tests of the problem.
    public var testCount: Int
    /// What the sandbox said when the process did not finish (`timeout`, `killed by signal 9`), nil when it did.
    public var sandboxFailure: String?

    /// Whether every result passed (`np.all(results > 0)`, true for an empty list as in the official code).
    public var passed: Bool { results.allSatisfy(\.passed) }
}

/// Runs a program against a suite in the sandbox with the grading driver.
public enum LCBGrader {
    /// Runs one program.
    ///
    /// - Parameters:
    ///   - code: The extracted program.
    ///   - suite: The tests.
    ///   - timeout: Seconds per test (`signal.alarm`; the official default is 6).
    ///   - pool: The sandbox pool.
    /// - Returns: The grading.
    /// - Throws: `SandboxError` when the sandbox itself fails (not the program).
    public static func grade(code: String, suite: LCBTestSuite, timeout: Int, pool: SandboxPool) async throws -> LCBGrading {
        let spec = Spec(timeout: timeout, inputs: suite.tests.map(\.input), outputs: suite.tests.map(\.output), fnName: suite.functionName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let specText = String(decoding: try encoder.encode(spec), as: UTF8.self)
        // The official global timeout: (timeout + 1) per test plus 5 seconds, for the whole process.
        let wall = Double((timeout + 1) * suite.tests.count + 5)
        let limits = SandboxLimits(wallSeconds: wall, cpuSeconds: Int(wall) + 1)
        let nonce = UUID().uuidString
        let program = SandboxProgram(
            files: [GradingDriver.fileName: GradingDriver.source, "tests.json": specText, "solution.py": code], main: GradingDriver.fileName,
            stdin: nonce + "\n", limits: limits)
        let outcome = try await pool.run(program)
        return parse(outcome, nonce: nonce, testCount: suite.tests.count)
    }

    struct Spec: Encodable {
        var timeout: Int
        var inputs: [String]
        var outputs: [String]
        var fnName: String?

        enum CodingKeys: String, CodingKey { case timeout, inputs, outputs, fnName = "fn_name" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(timeout, forKey: .timeout)
            try container.encode(inputs, forKey: .inputs)
            try container.encode(outputs, forKey: .outputs)
            if let fnName { try container.encode(fnName, forKey: .fnName) } else { try container.encodeNil(forKey: .fnName) }
        }
    }

    /// Reads the driver's report lines (nonce-prefixed JSON) from the program's stdout.
    static func parse(_ outcome: SandboxOutcome, nonce: String, testCount: Int) -> LCBGrading {
        var results: [LCBTestResult] = []
        var compiled = false
        var done = false
        let prefix = nonce + " "
        for line in outcome.stdout.split(separator: "\n") where line.hasPrefix(prefix) {
            guard let event = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line.dropFirst(prefix.count).utf8)) else { continue }
            switch event["event"]?.stringValue {
            case "compiled": compiled = true
            case "test":
                let code: Int = if case .bool(true)? = event["code"] { 1 } else { event["code"]?.intValue ?? -4 }
                results.append(LCBTestResult(code: code, error: event["error"]?.stringValue, seconds: event["seconds"]?.doubleValue, beforeTests: false))
            case "error":
                // run_test answers any exception outside a test with [-4] alone.
                results = [LCBTestResult(code: -4, error: event["error"]?.stringValue, seconds: nil, beforeTests: !compiled)]
            case "done": done = true
            default: break
            }
        }
        guard done else {
            let failure = outcome.failure ?? "ended without reporting"
            let error = failure + (outcome.stderr.isEmpty ? "" : ": " + String(outcome.stderr.suffix(300)))
            return LCBGrading(
                results: Array(repeating: LCBTestResult(code: -1, error: error, seconds: nil, beforeTests: false), count: testCount), testCount: testCount,
                sandboxFailure: failure)
        }
        return LCBGrading(results: results, testCount: testCount, sandboxFailure: nil)
    }
}
