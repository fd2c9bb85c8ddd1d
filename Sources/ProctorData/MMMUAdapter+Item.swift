import Foundation
import Parquet
import ProctorCore

extension MMMUAdapter {
    /// Builds the item of one Parquet row, or the problem of its images.
    func item(_ row: ParquetRow, subject: String, file: URL, benchmark: BenchmarkName) throws -> Result<BenchmarkItem, ItemLoadProblem> {
        let source = "\(subject)/\(file.lastPathComponent)"
        guard let id = row["id"]?.stringValue, let question = row["question"]?.stringValue,
            let answer = row["answer"]?.stringValue, let questionType = row["question_type"]?.stringValue
        else {
            throw ProctorError(.invalidInput, "\(file.path): a row lacks id, question, answer or question_type; fetch the file again")
        }
        let options = try PythonLiteral.stringList(row["options"]?.stringValue ?? "[]", context: "\(source) (item \(id))")
        var images: [Int: ImageAttachment] = [:]
        for number in 1...7 {
            guard let bytes = row["image_\(number)"]?["bytes"]?.bytesValue else { continue }
            switch ImageFiles.attachment(bytes, name: "image_\(number)", itemID: id, file: "\(source): image_\(number)") {
            case .success(let image): images[number] = image
            case .failure(let problem): return .failure(problem)
            }
        }
        let multipleChoice = questionType == "multiple-choice"
        let text = MMMUPrompt.text(question: question, options: options, multipleChoice: multipleChoice, style: style)
        for match in text.matches(of: /<image (\d+)>/) where images[Int(match.output.1) ?? 0] == nil {
            return .failure(ItemLoadProblem(
                itemID: id, kind: .corruptFile, files: [source],
                message: "item \(id): the text refers to <image \(match.output.1)> but \(source) has no image_\(match.output.1) for it"))
        }
        let parts = style == .official
            ? MMMUPrompt.interleave(text, images: images) : MMMUPrompt.splitLikeVLMEvalKit(text, images: images)
        var fields: [String: JSONValue] = ["subject": .string(subject)]
        for column in Self.columns { fields[column] = row[column]?.jsonValue ?? .null }
        var categories = ["subject": subject, "question_type": questionType]
        categories["discipline"] = MMMUPrompt.disciplines[subject]
        for key in ["subfield", "topic_difficulty"] { categories[key] = row[key]?.stringValue }
        return .success(BenchmarkItem(
            benchmark: benchmark, id: id, messages: [ChatMessage(role: .user, parts: parts)],
            promptTemplate: style.templateID, answer: answer, choices: multipleChoice ? options : [],
            categories: categories, fields: fields))
    }
}
