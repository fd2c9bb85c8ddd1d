import Foundation
import ProctorCore

/// Which of the official prompt builders (`lcb_runner/prompts/code_generation.py`, `format_prompt_generation`) an
/// item's prompt follows; the style also decides how code is extracted (`extract_code`).
public enum LCBPromptStyle: String, Sendable, Codable, Hashable, CaseIterable {
    /// Chat models (`LMStyle.OpenAIChat`, DeepSeekAPI, TogetherAI, CohereCommand, MistralWeb): the generic system
    /// message, then the question with its format instruction as the user turn. Proctor's official prompt.
    case chat = "official"
    /// `LMStyle.OpenAIReasonPreview` (o1-preview, o1-mini, Grok): one user turn, the system message, a blank line,
    /// then the same question text.
    case reasoningPreview = "oai-reason-preview"
    /// `LMStyle.OpenAIReason` (o1, o3-mini): one user turn; stdin problems ask for a `main()` function instead.
    case reasoning = "oai-reason"
    /// `LMStyle.GenericBase`: one few-shot example (the official `func.json` or `stdin.json`, its first entry) and the
    /// question, for base models; the whole output is the program.
    case base

    /// The template id stored with each run.
    public var templateID: String { "lcb-codegeneration-\(rawValue)" }

    /// The style whose template id this is (`lcb-codegeneration-official` → `.chat`); chat for anything else.
    ///
    /// - Parameter templateID: An item's `promptTemplate`.
    /// - Returns: The style.
    public static func of(templateID: String) -> LCBPromptStyle {
        allCases.first { $0.templateID == templateID } ?? .chat
    }
}

/// The official prompt texts and builders.
public enum LCBPrompt {
    /// `PromptConstants.SYSTEM_MESSAGE_GENERIC`.
    public static let systemMessage =
        "You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests."
    /// `PromptConstants.FORMATTING_MESSAGE_WITH_STARTER_CODE`.
    static let formatWithStarterCode =
        "You will use the following starter code to write the solution to the problem and enclose your code within delimiters."
    /// `PromptConstants.FORMATTING_WITHOUT_STARTER_CODE`.
    static let formatWithoutStarterCode =
        "Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT."
    /// The `main()` instruction of `get_oaireason_question_template_answer` (its spelling kept).
    static let formatMainFunction =
        "Implement a function called `main()` which orchastrates the solution by reading inputs from stdin and writing the answer to stdout. Feel free to use additional functions as necessary. Next do NOT forget to call `main` function at the end of the program otherwise you will not be awarded any points."

    /// One few-shot example of the base-model prompt (`few_shot_examples/generation/*.json`).
    public struct Example: Sendable, Codable, Hashable {
        /// The example's statement.
        public var question: String
        /// Its starter code (functional examples only).
        public var sampleCode: String?
        /// Its answer, a fenced program (empty for the question being asked).
        public var answer: String

        /// Creates an example.
        public init(question: String, sampleCode: String?, answer: String) {
            self.question = question
            self.sampleCode = sampleCode
            self.answer = answer
        }

        enum CodingKeys: String, CodingKey {
            case question, sampleCode = "sample_code", answer
        }
    }

    /// The messages for a problem in a style.
    ///
    /// - Parameters:
    ///   - question: `question_content`.
    ///   - starterCode: `starter_code` (empty for stdin problems).
    ///   - style: The prompt style.
    ///   - examples: The first official few-shot example for functional and for stdin problems (base style only).
    /// - Returns: The messages.
    public static func messages(question: String, starterCode: String, style: LCBPromptStyle, examples: (func: Example, stdin: Example)? = nil)
        -> [ChatMessage]
    {
        switch style {
        case .chat:
            return [ChatMessage(role: .system, text: systemMessage), ChatMessage(role: .user, text: generic(question, starterCode, main: false))]
        case .reasoningPreview:
            return [ChatMessage(role: .user, text: systemMessage + "\n\n" + generic(question, starterCode, main: false))]
        case .reasoning:
            return [ChatMessage(role: .user, text: systemMessage + "\n\n" + generic(question, starterCode, main: true))]
        case .base:
            let example = starterCode.isEmpty ? examples?.stdin : examples?.func
            var text = ""
            if let example { text += fewShot(example, functional: !starterCode.isEmpty) }
            text += fewShot(Example(question: question, sampleCode: starterCode, answer: ""), functional: !starterCode.isEmpty)
            return [ChatMessage(role: .user, text: text)]
        }
    }

    /// `get_generic_question_template_answer` (or, with `main`, `get_oaireason_question_template_answer`).
    static func generic(_ question: String, _ starterCode: String, main: Bool) -> String {
        var prompt = "### Question:\n\(question)\n\n"
        if !starterCode.isEmpty {
            prompt += "### Format: \(formatWithStarterCode)\n"
            prompt += "```python\n\(starterCode)\n```\n\n"
        } else {
            prompt += "### Format: \(main ? formatMainFunction : formatWithoutStarterCode)\n"
            prompt += "```python\n# YOUR CODE HERE\n```\n\n"
        }
        prompt += "### Answer: (use the provided format with backticks)\n\n"
        return prompt
    }

    /// One block of `get_base_model_question_template_answer`: the starter code is shown when the problem being
    /// asked has one (the example's `sample_code` then).
    static func fewShot(_ example: Example, functional: Bool) -> String {
        var prompt = "### Question\n\(example.question)\n\n"
        if functional { prompt += "### Starter Code\n\(example.sampleCode ?? "")\n\n" }
        prompt += "### Answer\n\n\(example.answer)"
        if !example.answer.isEmpty { prompt += "\n\n" }
        return prompt
    }

    /// Reads the first example of the official `func.json` and `stdin.json`.
    ///
    /// - Parameter folder: The folder holding them (`livecodebench/few_shot_examples/generation`).
    /// - Returns: The two examples.
    /// - Throws: `ProctorError` naming the file when one is missing or malformed.
    public static func examples(in folder: URL) throws -> (func: Example, stdin: Example) {
        func first(_ name: String) throws -> Example {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ProctorError(
                    .notFound,
                    "the base-model prompt needs the official few-shot file \(url.path) (lcb_runner/prompts/few_shot_examples/generation/\(name)); copy it there")
            }
            do {
                guard let example = try JSONDecoder().decode([Example].self, from: data).first else {
                    throw ProctorError(.invalidInput, "\(url.path): the few-shot file holds no example")
                }
                return example
            } catch let error as ProctorError {
                throw error
            } catch {
                throw ProctorError(.invalidInput, "\(url.path): not a JSON list of {question, answer} (\(JSONLines.describe(error)))")
            }
        }
        return (try first("func.json"), try first("stdin.json"))
    }
}
