import Foundation
import ProctorCore

/// Item-by-item agreement of Proctor's LiveBench scorers with published ground-truth judgments: a run's
/// `model_answer/*.jsonl` scored again and compared with its `model_judgment/ground_truth_judgment.jsonl`, laid out
/// as the official `reference-outputs/<category>/<task>/` folders.
public enum LiveBenchAgreement {
    /// One task's comparison.
    public struct Row: Sendable, Hashable {
        /// The task.
        public var task: LiveBenchTask
        /// Judged questions that were scored again.
        public var questions: Int
        /// Questions whose score equals the published one (within 1e-9).
        public var agreeing: Int
        /// The mean published score (0–100).
        public var officialMean: Double
        /// The mean of Proctor's scores (0–100).
        public var proctorMean: Double
        /// The questions that differ: id, published score, Proctor's score and verdict rule.
        public var differences: [(id: String, official: Double, proctor: Double, rule: String)]

        public static func == (a: Row, b: Row) -> Bool {
            a.task == b.task && a.questions == b.questions && a.agreeing == b.agreeing && a.officialMean == b.officialMean
                && a.proctorMean == b.proctorMean
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(task) }

        /// The share of agreeing questions (0–1).
        public var agreement: Double { questions == 0 ? 0 : Double(agreeing) / Double(questions) }
    }

    /// Scores a task's published answers and compares them with the published judgments.
    ///
    /// - Parameters:
    ///   - task: The task.
    ///   - reference: The folder holding `<category>/<task>/model_answer` and `model_judgment`.
    ///   - location: Where the questions are.
    /// - Returns: The comparison.
    /// - Throws: `ProctorError` when a file is missing or malformed, or a judged question has no answer or question.
    public static func compare(_ task: LiveBenchTask, reference: URL, location: DataLocation) throws -> Row {
        let folder = reference.appendingPathComponent("\(task.category)/\(task.name)")
        let judgmentFile = folder.appendingPathComponent("model_judgment/ground_truth_judgment.jsonl")
        let answerFolder = folder.appendingPathComponent("model_answer")
        let answerFiles = (try? FileManager.default.contentsOfDirectory(at: answerFolder, includingPropertiesForKeys: nil)) ?? []
        let items = Dictionary(try LiveBenchAdapter().load(split: task.name, from: location).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var answers: [String: [String: String]] = [:]
        for file in answerFiles where file.pathExtension == "jsonl" {
            for prediction in try LiveBenchAnswerFile().read(file, items: items, split: task.name) ?? [] {
                let model = prediction.fields["model_id"]?.stringValue ?? file.deletingPathExtension().lastPathComponent
                answers[model.lowercased(), default: [:]][prediction.itemID] = prediction.response
            }
        }
        let scorer = LiveBenchScorer()
        var row = Row(task: task, questions: 0, agreeing: 0, officialMean: 0, proctorMean: 0, differences: [])
        var official = 0.0, mine = 0.0
        for (line, judgment) in try JSONLines.decode(JSONValue.self, from: judgmentFile) {
            guard let id = judgment["question_id"]?.stringValue, let score = judgment["score"]?.doubleValue,
                let model = judgment["model"]?.stringValue
            else {
                throw ProctorError(.invalidInput, "\(judgmentFile.path):\(line): a judgment needs question_id, model and score")
            }
            guard let item = items[id] else {
                throw ProctorError(.invalidInput, "\(judgmentFile.path):\(line): question \(id) is not in the question file")
            }
            guard let response = answers[model.lowercased()]?[id] else {
                throw ProctorError(.invalidInput, "\(judgmentFile.path):\(line): no answer of \(model) to question \(id) in \(answerFolder.path)")
            }
            let verdict = scorer.score(ScoringInput(response: response), item: item, mode: .official)
            row.questions += 1
            official += score
            mine += verdict.score
            if abs(verdict.score - score) < 1e-9 {
                row.agreeing += 1
            } else {
                row.differences.append((id, score, verdict.score, verdict.rule))
            }
        }
        if row.questions > 0 {
            row.officialMean = official / Double(row.questions) * 100
            row.proctorMean = mine / Double(row.questions) * 100
        }
        return row
    }

    /// The agreement table in markdown, with category means (mean of task means) and their overall mean.
    ///
    /// - Parameter rows: The tasks compared.
    /// - Returns: The table.
    public static func markdown(_ rows: [Row]) -> String {
        var out = "| category | task | questions | agreeing | agreement | official mean | Proctor mean |\n|---|---|---|---|---|---|---|\n"
        for row in rows {
            out += "| \(row.task.category) | \(row.task.name) | \(row.questions) | \(row.agreeing) | "
                + String(format: "%.1f%% | %.3f | %.3f |\n", row.agreement * 100, row.officialMean, row.proctorMean)
        }
        var categories: [(String, Double, Double)] = []
        for (name, _) in LiveBenchTask.categories {
            let members = rows.filter { $0.task.category == name }
            guard !members.isEmpty else { continue }
            let n = Double(members.count)
            categories.append((name, members.map(\.officialMean).reduce(0, +) / n, members.map(\.proctorMean).reduce(0, +) / n))
        }
        out += "\n| category (mean of task means) | official | Proctor |\n|---|---|---|\n"
        for (name, o, p) in categories { out += String(format: "| %@ | %.3f | %.3f |\n", name, o, p) }
        if !categories.isEmpty {
            let n = Double(categories.count)
            out += String(
                format: "| overall of these categories | %.3f | %.3f |\n", categories.map(\.1).reduce(0, +) / n, categories.map(\.2).reduce(0, +) / n)
        }
        return out
    }
}
