import ProctorCore

/// OlympiadBench's official prompt, as its inference code builds it per problem (OpenBMB/OlympiadBench
/// `inference/code/evaluators/evaluator.py`, `Evaluator.make_prompt` and `get_answer_type_text`, and the chat
/// evaluators' `make_input`: a system message, then the instruction and the problem split at image placeholders).
public enum OlympiadBenchPrompt {
    /// The id of the official prompt template.
    public static let templateID = "olympiadbench-v1"
    /// The id of VLMEvalKit's variant (`OlympiadBenchAdapter(vlmevalkit: true)`).
    public static let vlmevalkitTemplateID = "olympiadbench-vlmevalkit-v1"

    /// What a config name says about its problems (`OE_TO_maths_en_COMP`).
    public struct Config: Sendable, Hashable {
        /// Theorem proving (`TP`) rather than open-ended (`OE`).
        public var theoremProving: Bool
        /// Multimodal (`MM`) rather than text-only (`TO`).
        public var multimodal: Bool
        /// Maths rather than physics.
        public var maths: Bool
        /// Chinese rather than English.
        public var chinese: Bool

        /// Parses a config name.
        ///
        /// - Parameter name: `{OE|TP}_{MM|TO}_{maths|physics}_{en|zh}_{COMP|CEE}`.
        public init(_ name: String) {
            theoremProving = name.hasPrefix("TP")
            multimodal = name.contains("_MM_")
            maths = name.contains("maths")
            chinese = name.contains("_zh_")
        }
    }

    /// The system message of the official chat evaluators (`gpt_4v.py`, `qwen_vl.py`: `make_input`).
    ///
    /// - Parameter config: The problem's config.
    /// - Returns: The system message text.
    public static func system(config: Config) -> String {
        if config.chinese { return "你是一个中文人工智能助手。请根据要求，完成下面的\(config.maths ? "数学" : "物理")竞赛题目。" }
        return "You are an AI assistant. Please answer the following \(config.maths ? "Math" : "Physics") competition problems as required."
    }

    /// The instruction placed before the problem.
    ///
    /// - Parameters:
    ///   - config: The problem's config.
    ///   - answerType: `answer_type` (`Numerical`, `Expression`, `Tuple`, `Numerical,Expression`, …).
    ///   - multipleAnswers: `is_multiple_answer`.
    ///   - hasUnit: Whether `unit` is set.
    /// - Returns: The instruction.
    public static func instruction(config: Config, answerType: String, multipleAnswers: Bool, hasUnit: Bool) -> String {
        if config.chinese {
            let subject = config.maths ? "数学" : "物理"
            if config.theoremProving {
                return "以下是中国\(subject)竞赛中的证明题。请根据题目的要求，运用逻辑推理及常用定理证明题目中的命题。证明过程中使用的变量和公式请使用LaTeX格式表示。"
            }
            let typeText = answerTypeText(answerType, chinese: true, multipleAnswers: multipleAnswers)
            var boxed = multipleAnswers ? "\\boxed{用英文逗号连接的多个答案}" : "\\boxed{答案}"
            var unitText = ""
            if hasUnit {
                boxed += "(单位)"
                unitText = "，注意答案的单位不要放在\\boxed{}中"
            }
            return "以下是中国\(subject)竞赛中的解答题\(typeText)。请根据题目的要求和所提供的信息计算得出答案。解答过程和结果中使用的变量和公式请使用LaTeX格式表示。请在最后以“所以最终答案是\(boxed)。”显式给出结果\(unitText)。"
        }
        let subject = config.maths ? "Math" : "Physics"
        if config.theoremProving {
            return "The following is a theorem proving problem from an International \(subject) competition. Please use "
                + "logical reasoning and common theorems to prove the proposition in the problem according to the given "
                + "requirements. Please use LaTeX format to represent the variables and formulas used in the proof."
        }
        var boxed = multipleAnswers ? "\\boxed{multiple answers connected with commas}" : "\\boxed{answer}"
        var unitText = ""
        if hasUnit {
            boxed += "(unit)"
            unitText = ", note that the unit of the answer should not be included in \\boxed{}"
        }
        let typeText = answerTypeText(answerType, chinese: false, multipleAnswers: multipleAnswers)
        return "The following is an open-ended problem from an International \(subject) competition. \(typeText)Please "
            + "calculate the answer according to the given requirements and the information provided. Please use LaTeX "
            + "format to represent the variables and formulas used in the solution process and results. Please end your "
            + "solution with \"So the final answer is \(boxed).\" and give the result explicitly\(unitText)."
    }

    /// The sentence naming the expected answer type (empty for tuples and answers needing human evaluation).
    static func answerTypeText(_ answerType: String, chinese: Bool, multipleAnswers: Bool) -> String {
        if answerType.contains("Need_human_evaluate") || answerType.contains("Tuple") { return "" }
        if !multipleAnswers {
            let text = single(answerType, chinese: chinese)
            return chinese ? "，答案类型为\(text)" : "The answer of The problem should be \(text). "
        }
        let types = answerType.split(separator: ",").map { single(String($0), chinese: chinese) }
        if Set(types).count <= 1 {
            let text = types.first ?? single(answerType, chinese: chinese)
            return chinese ? "，题目有多个答案，答案类型均为\(text)" : "The problem has multiple answers, each of them should be \(text). "
        }
        return chinese
            ? "，题目有多个答案，答案类型分别为\(types.joined(separator: "、"))"
            : "The problem has multiple answers, with the answers in order being \(types.joined(separator: ", ")). "
    }

    /// One answer type in words.
    static func single(_ answerType: String, chinese: Bool) -> String {
        let type = answerType.split(separator: "-").first.map(String.init) ?? answerType
        let table: [(String, String, String)] = [
            ("Numerical", "数值", "a numerical value"), ("Expression", "表达式", "an expression"),
            ("Equation", "方程", "an equation"), ("Interval", "区间", "an interval"),
        ]
        for (key, zh, en) in table where type.contains(key) { return chinese ? zh : en }
        // The official code exits on an unknown type; naming it keeps the prompt readable instead.
        return chinese ? type : "of type \(type)"
    }
}
