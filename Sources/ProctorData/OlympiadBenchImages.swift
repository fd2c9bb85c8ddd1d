import Foundation
import ProctorCore

/// The images of one OlympiadBench problem: files `images/img_XXXX.jpg` named by `<img_XXXX>` placeholders (the
/// JSON release), or `image_N` columns named by `<image_N>` placeholders (the Hugging Face Parquet files).
struct OlympiadBenchImages {
    /// The release's image folder.
    var folder: URL
    /// The images of a Parquet row by column, or nil for the JSON release.
    var embedded: [String: Data]?
    /// The file the problem came from, for messages.
    var source: String

    /// The placeholder names in a text (`img_1001`, `image_1`), in order.
    static func placeholders(in text: String) -> [String] {
        text.matches(of: /<(img_\d+|image_\d+)>/).map { String($0.output.1) }
    }

    /// Text pieces and images in placeholder order, each text piece trimmed and blank pieces dropped as the official
    /// GPT-4V evaluator does (`split_markdown`); embedded images no placeholder names are appended.
    ///
    /// - Parameters:
    ///   - text: The prompt text.
    ///   - itemID: The problem's id.
    /// - Returns: The parts, or the problem (missing files, or an image that is not one).
    func interleave(_ text: String, itemID: String) -> Result<[ContentPart], ItemLoadProblem> {
        var parts: [ContentPart] = []
        var missing: [String] = []
        var used: Set<String> = []
        var rest = Substring(text)
        func appendText(_ piece: Substring) {
            let trimmed = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { parts.append(.text(trimmed)) }
        }
        while let match = rest.firstMatch(of: /<(img_\d+|image_\d+)>/) {
            appendText(rest[..<match.range.lowerBound])
            let name = String(match.output.1)
            rest = rest[match.range.upperBound...]
            switch image(name, itemID: itemID) {
            case .success(let image): parts.append(.image(image))
            case .failure(let problem) where problem.kind == .missingFile: missing += problem.files
            case .failure(let problem): return .failure(problem)
            }
            used.insert(name)
        }
        appendText(rest)
        for name in (embedded ?? [:]).keys.sorted() where !used.contains(name) {
            switch image(name, itemID: itemID) {
            case .success(let image): parts.append(.image(image))
            case .failure(let problem): return .failure(problem)
            }
        }
        if !missing.isEmpty {
            return .failure(ItemLoadProblem(
                itemID: itemID, kind: .missingFile, files: missing,
                message: "item \(itemID): images \(missing.joined(separator: ", ")) are missing"))
        }
        return .success(parts)
    }

    /// One image by placeholder name.
    func image(_ name: String, itemID: String) -> Result<ImageAttachment, ItemLoadProblem> {
        guard let embedded else {
            return ImageFiles.load(folder.appendingPathComponent("\(name).jpg"), name: "images/\(name).jpg", itemID: itemID)
        }
        guard let bytes = embedded[name] else {
            return .failure(ItemLoadProblem(
                itemID: itemID, kind: .corruptFile, files: [source],
                message: "item \(itemID): the text refers to <\(name)> but \(source) has no such image"))
        }
        return ImageFiles.attachment(bytes, name: name, itemID: itemID, file: "\(source): \(name)")
    }
}
