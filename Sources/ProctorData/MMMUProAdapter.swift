import Foundation
import ProctorCore

/// MMMU-Pro (`test`, 1,730 questions per setting): `standard10` (up to 10 options), `standard4` (4 options) and
/// `vision` (question and options inside one screenshot).
///
/// The official inference (MMMU-Benchmark/MMMU `mmmu-pro/infer/infer_gpt.py` with `mmmu-pro/prompts.yaml`) sends one
/// user turn: for the standard settings the question, the options as `A. …` lines and the instruction, with every
/// `<image i>` written `<image>`, followed by the images `image_1…image_7` in order; for `vision` the instruction
/// followed by the screenshot. Chain-of-thought (`cot`, the default) and `direct` instructions are both available.
///
/// Local copies: the text of `standard10` as JSONL (`mmmu_pro_standard10_test_text.jsonl`, derived from the official
/// repository's output files) carries no images, so its items are reported as missing their images until the
/// Hugging Face dataset `MMMU/MMMU_Pro` is fetched.
public struct MMMUProAdapter: ItemwiseLoading {
    /// Which official instruction to use.
    public enum Mode: String, Sendable, CaseIterable {
        /// "Think step by step" and end with `Answer: $LETTER` (the reported setting).
        case cot
        /// Answer with the letter directly.
        case direct
    }

    public let name = "mmmu_pro"
    public let summary = "MMMU-Pro, 1,730 multi-discipline multimodal questions (standard10, standard4, vision settings)"
    public let splits = ["standard10", "standard4", "vision"]
    /// The instruction used.
    public let mode: Mode
    /// The official prompt or VLMEvalKit's (`MMMU_Pro_10c`, `MMMU_Pro_V` and their `_COT` forms).
    public let style: MMMUPrompt.Style

    static let folder = "mmmu_pro"
    static let hubRepos = ["MMMU/MMMU_Pro"]
    /// The config name of each split in the Hugging Face dataset.
    static let hubConfigs = ["standard10": "standard (10 options)", "standard4": "standard (4 options)", "vision": "vision"]

    /// Creates the adapter.
    ///
    /// - Parameters:
    ///   - mode: Chain of thought (default) or a direct answer.
    ///   - style: The official prompt (default) or VLMEvalKit's.
    public init(mode: Mode = .cot, style: MMMUPrompt.Style = .official) {
        self.mode = mode
        self.style = style
    }

    /// The id of the prompt template in use.
    public var templateID: String { style == .official ? "mmmu-pro-\(mode.rawValue)-v1" : "mmmu-pro-vlmevalkit-\(mode.rawValue)-v1" }

    /// The official instruction of a setting.
    ///
    /// - Parameters:
    ///   - mode: `cot` or `direct`.
    ///   - vision: The vision setting (screenshot only).
    /// - Returns: The instruction text.
    public static func instruction(mode: Mode, vision: Bool) -> String {
        let format = "The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of options."
        switch (mode, vision) {
        case (.cot, true): return "Write out the multiple-choice question in the image and then solve it. \(format) Think step by step before answering."
        case (.cot, false): return "Answer the preceding multiple choice question. \(format) Think step by step before answering."
        case (.direct, true): return "Answer with the option letter from the given choices directly. \(format)"
        case (.direct, false): return "Answer with the option letter from the given choices directly."
        }
    }

    /// The text of a standard-setting prompt: question, `A. option` lines, instruction; `<image i>` → `<image>`.
    ///
    /// - Parameters:
    ///   - question: The question.
    ///   - options: The option texts.
    ///   - mode: `cot` or `direct`.
    /// - Returns: The text (the images follow it).
    public static func standardText(question: String, options: [String], mode: Mode) -> String {
        let lines = options.enumerated().map { "\(Choices.letter($0.offset)). \($0.element)" }.joined(separator: "\n")
        var text = "\(question)\n\(lines)\n\(instruction(mode: mode, vision: false))"
        for i in 1...7 { text = text.replacingOccurrences(of: "<image \(i)>", with: "<image>") }
        return text
    }

    /// VLMEvalKit's text: for the standard settings `Question: …`, `Options:` with `A. option` lines and its
    /// instruction, `<image N>` kept (the images go in their places); for `vision` its instruction alone.
    ///
    /// - Parameters:
    ///   - question: The question (ignored for `vision`).
    ///   - options: The option texts (ignored for `vision`).
    ///   - mode: `cot` or `direct`.
    ///   - vision: The vision setting.
    /// - Returns: The text.
    public static func vlmevalkitText(question: String, options: [String], mode: Mode, vision: Bool) -> String {
        let format = "The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of the options. Think step by step before answering. "
        let direct = "Answer directly with the option letter from the given choices. "
        if vision {
            return "Answer the following multiple-choice question in the image. " + (mode == .cot ? format : direct)
        }
        var text = "Question: \(question)\n"
        guard !options.isEmpty else { return text }
        text += "Options:\n" + options.enumerated().map { "\(Choices.letter($0.offset)). \($0.element)\n" }.joined()
        return text + (mode == .cot ? "Answer the following multiple-choice question. " + format : direct)
    }

    /// The image numbers a standard question refers to, in order (question then options).
    static func referencedImages(question: String, options: [String]) -> [Int] {
        var seen: [Int] = []
        for text in [question] + options {
            for match in text.matches(of: /<image (\d+)>/) {
                if let n = Int(match.output.1), !seen.contains(n) { seen.append(n) }
            }
        }
        return seen.sorted()
    }
}
