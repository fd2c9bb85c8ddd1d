import Foundation
import ProctorCore

/// One problem as the hub's `code_generation_lite` files store it (one JSON object per line), or as the
/// problems-only file stores it (the same fields without `public_test_cases`, `private_test_cases` and `metadata`).
public struct LCBProblem: Sendable, Codable, Hashable {
    /// `question_title`.
    public var questionTitle: String
    /// `question_content`: the statement shown in the prompt.
    public var questionContent: String
    /// `leetcode`, `codeforces` or `atcoder`.
    public var platform: String
    /// `question_id`, the item's id (`2777`, `abc301_a`, `1873_A`).
    public var questionID: String
    /// `contest_id`.
    public var contestID: String
    /// An ISO date-time (`2024-08-03T00:00:00`).
    public var contestDate: String
    /// The starter code (empty for stdin problems).
    public var starterCode: String
    /// `easy`, `medium` or `hard`.
    public var difficulty: String
    /// A JSON object as a string (`{"func_name": "maxSum"}` for LeetCode problems; absent from the problems-only file).
    public var metadata: String?

    enum CodingKeys: String, CodingKey {
        case questionTitle = "question_title", questionContent = "question_content", platform, questionID = "question_id"
        case contestID = "contest_id", contestDate = "contest_date", starterCode = "starter_code", difficulty, metadata
    }
}

/// The test columns of one hub row (read apart from the problem text: they are most of the files' size).
public struct LCBTestRow: Sendable, Codable, Hashable {
    /// `question_id`.
    public var questionID: String
    /// The public tests as a JSON string.
    public var publicTestCases: String
    /// The private tests: JSON, or base64 → zlib → pickled JSON string.
    public var privateTestCases: String
    /// A JSON object as a string.
    public var metadata: String?

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id", publicTestCases = "public_test_cases", privateTestCases = "private_test_cases", metadata
    }

    /// The method LeetCode tests call (`metadata.func_name`), nil for stdin problems.
    ///
    /// - Parameters:
    ///   - metadata: The `metadata` column.
    ///   - what: Names the problem in errors.
    /// - Returns: The name, or nil.
    /// - Throws: `ProctorError` when `metadata` is not a JSON object.
    public static func functionName(metadata: String?, what: String) throws -> String? {
        guard let metadata, !metadata.isEmpty else { return nil }
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(metadata.utf8)) else {
            throw ProctorError(.invalidInput, "\(what): metadata is not a JSON object")
        }
        return object["func_name"].flatMap { $0.isNull ? nil : $0.stringValue }
    }

    /// The tests the official runner grades with (`get_evaluation_sample`): the public tests, then the private
    /// ones, and the function name.
    ///
    /// - Parameter what: Names the problem in errors.
    /// - Returns: The tests.
    /// - Throws: `ProctorError` naming the problem and the column that does not decode.
    public func testSuite(what: String) throws -> LCBTestSuite {
        let tests = try LCBTestCaseDecoding.tests(json: publicTestCases, what: "\(what) public_test_cases")
            + LCBTestCaseDecoding.privateTests(privateTestCases, what: what)
        return LCBTestSuite(tests: tests, functionName: try Self.functionName(metadata: metadata, what: what))
    }
}

/// A problem's tests as the official runner uses them (`get_evaluation_sample`).
public struct LCBTestSuite: Sendable, Codable, Hashable {
    /// Public then private tests.
    public var tests: [LCBTestCase]
    /// The method called for LeetCode problems; nil: stdin/stdout tests.
    public var functionName: String?

    /// Creates a suite.
    public init(tests: [LCBTestCase], functionName: String?) {
        self.tests = tests
        self.functionName = functionName
    }
}

/// The dataset's version tags and the files each selects, as the hub's loading script (`code_generation_lite.py`,
/// `ALLOWED_FILES`) selects them: `release_vN` is the files of increments 1…N (`release_latest` all six), `vN` the
/// N-th increment alone and `vM_vN` increments M…N.
public enum LCBRelease {
    /// The increments' files, in order (`test.jsonl` is the first).
    public static let files = ["test.jsonl", "test2.jsonl", "test3.jsonl", "test4.jsonl", "test5.jsonl", "test6.jsonl"]

    /// The version tags offered as splits: the cumulative releases, `release_v5` first (the default: the shared
    /// copy's problems and the published submissions are release_v5), then the single increments `v1` … `v6` (new
    /// problems only). `files(for:)` also reads the script's `vM_vN` ranges.
    public static let tags: [String] = ["release_v5", "release_v1", "release_v2", "release_v3", "release_v4", "release_v6", "release_latest"]
        + (1...6).map { "v\($0)" }

    /// The files a tag selects, in order.
    ///
    /// - Parameter tag: A version tag.
    /// - Returns: The file names, or nil for an unknown tag.
    public static func files(for tag: String) -> [String]? {
        func range(_ first: Int, _ last: Int) -> [String] { Array(files[(first - 1)..<last]) }
        if tag == "release_latest" { return files }
        if tag.hasPrefix("release_v"), let n = Int(tag.dropFirst("release_v".count)), (1...6).contains(n) { return range(1, n) }
        let parts = tag.split(separator: "_").map { $0.hasPrefix("v") ? Int($0.dropFirst()) : nil }
        if parts.count == 1, let n = parts[0], (1...6).contains(n) { return range(n, n) }
        if parts.count == 2, let a = parts[0], let b = parts[1], 1 <= a, a < b, b <= 6 { return range(a, b) }
        return nil
    }
}
