import Foundation
import ProctorCore
import ProctorScoring

/// The hand-labelled corpus of realistic outputs (a `<think>` block with distractor numbers, then the answer):
/// `strict` against the labels, as a confusion table per benchmark.
public enum StrictCaseCorpus {
    /// One labelled case.
    public struct Case: Sendable, Codable, Hashable {
        public var id: String
        public var benchmark: String
        public var phenomenon: String
        public var gold: String
        public var fields: [String: JSONValue]
        public var output: String
        /// Whether a careful grader accepts the output.
        public var label: Bool
    }

    /// A confusion table of verdicts against labels.
    public struct Confusion: Sendable, Hashable {
        public var acceptedCorrect = 0, acceptedWrong = 0, rejectedCorrect = 0, rejectedWrong = 0
        /// Cases whose verdict differs from the label.
        public var misses: [String] = []
        public var total: Int { acceptedCorrect + acceptedWrong + rejectedCorrect + rejectedWrong }
        public var agreement: Double { total == 0 ? 0 : Double(acceptedCorrect + rejectedWrong) / Double(total) * 100 }

        mutating func record(_ id: String, verdict: Bool, label: Bool) {
            switch (verdict, label) {
            case (true, true): acceptedCorrect += 1
            case (true, false): acceptedWrong += 1; misses.append(id)
            case (false, true): rejectedCorrect += 1; misses.append(id)
            case (false, false): rejectedWrong += 1
            }
        }
    }

    /// Reads the corpus (JSON Lines).
    ///
    /// - Parameter url: The file.
    /// - Returns: The cases.
    /// - Throws: `ProctorError` naming the line of a malformed case.
    public static func load(_ url: URL) throws -> [Case] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { n, line in
            do { return try JSONDecoder().decode(Case.self, from: Data(line.utf8)) } catch {
                throw ProctorError(.invalidInput, "\(url.path):\(n + 1): not a case ({id, benchmark, phenomenon, gold, fields, output, label}): \(error)")
            }
        }
    }

    /// The scorer and item of a case.
    static func scorer(_ c: Case) -> (any AnswerScorer, BenchmarkItem)? {
        let choices = c.fields["choices"]?.arrayValue?.compactMap(\.stringValue) ?? c.fields["options"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var fields = c.fields
        if fields["answer"] == nil { fields["answer"] = .string(c.gold) }
        let item = BenchmarkItem(benchmark: BenchmarkName(name: c.benchmark, split: "test"), id: c.id, messages: [],
                                 promptTemplate: "", answer: c.gold, choices: choices, fields: fields)
        switch c.benchmark {
        case "math500": return (MathAnswerScorer(id: "math", integerAnswers: false), item)
        case "aime24", "aime25": return (MathAnswerScorer(id: "aime", integerAnswers: true), item)
        case "mathvista": return (MathVistaScorer(), item)
        case "mathvision": return (MathVisionScorer(), item)
        case "olympiadbench": return (OlympiadBenchScorer(), item)
        default: return nil
        }
    }

    /// `strict` against the labels, per benchmark and in total (key `all`).
    ///
    /// - Parameter cases: The corpus.
    /// - Returns: The confusion tables.
    /// - Throws: `ProctorError` for a case of a benchmark the corpus cannot score.
    public static func strictConfusion(_ cases: [Case]) throws -> [String: Confusion] {
        var tables: [String: Confusion] = [:]
        for c in cases {
            guard let (scorer, item) = scorer(c) else {
                throw ProctorError(.invalidInput, "case \(c.id): benchmark \(c.benchmark) is not one the corpus scores")
            }
            let verdict = scorer.score(ScoringInput(response: c.output), item: item, mode: .strict).correct
            tables[c.benchmark, default: Confusion()].record(c.id, verdict: verdict, label: c.label)
            tables["all", default: Confusion()].record(c.id, verdict: verdict, label: c.label)
        }
        return tables
    }

    /// The tables as Markdown.
    public static func markdown(_ tables: [String: Confusion], command: String) -> String {
        var out = "# strict against hand labels\n\nProduced by `\(command)` from `Tests/ProctorScoringTests/Fixtures/strict-cases.jsonl`.\n\n"
        out += "| benchmark | cases | accepted & correct | accepted & wrong | rejected & correct | rejected & wrong | agreement | misses |\n|---|---|---|---|---|---|---|---|\n"
        for key in tables.keys.sorted(by: { ($0 == "all" ? 1 : 0, $0) < ($1 == "all" ? 1 : 0, $1) }) {
            let t = tables[key]!
            out += "| \(key) | \(t.total) | \(t.acceptedCorrect) | \(t.acceptedWrong) | \(t.rejectedCorrect) | \(t.rejectedWrong) | \(String(format: "%.1f%%", t.agreement)) | \(t.misses.joined(separator: ", ")) |\n"
        }
        return out
    }
}
