import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore

/// Scores a BFCL answer as the official runner does: decode (prompt mode: the Python, Java or JavaScript call
/// syntax; function calling: the `{name: arguments}` list), then the AST checker or the relevance rule of the
/// item's category and layout. A failed entry records the official `error_type` (in `details` and as the
/// sub-results' reason).
///
/// `official` follows the version of the item's layout exactly (v1 items: gorilla de8307b4's decoder and checker;
/// v3 items: bfcl_eval's). `strict` applies the same checker after v3's clean-up of the text (code fences and
/// missing brackets are forgiven), which a careful grader would also forgive.
public struct BFCLScorer: AnswerScorer {
    public var id: String { "bfcl" }
    public var version: Int { 1 }

    /// Creates the scorer.
    public init() {}

    public func score(_ input: ScoringInput, item: BenchmarkItem, mode: ScoringMode) -> Verdict {
        guard let entryText = item.fields["bfcl_entry"]?.stringValue, let entry = try? JSONTree.parse(Data(entryText.utf8)),
            let layout = item.fields["bfcl_layout"]?.stringValue.flatMap(BFCLCategory.Layout.init(rawValue:)),
            let categoryName = item.fields["bfcl_category"]?.stringValue,
            let category = (layout == .v1 ? BFCLCategory.v1 : BFCLCategory.v3SingleTurn + BFCLCategory.v3MultiTurn).first(where: { $0.name == categoryName })
        else {
            return Verdict(extracted: nil, correct: false, rule: "scorer-error", details: ["error": "the item lacks its BFCL entry fields"])
        }
        if category.judging == .multiTurn {
            return BFCLMultiTurnScoring.verdict(input, entry: entry, item: item, category: category)
        }
        let decoded: Result<PyValue, PromptDecoder.DecodeError>
        let functionCalling: Bool
        if let calls = BFCLDecoding.functionCallingOutput(input) {
            functionCalling = true
            decoded = BFCLDecoding.decodeFunctionCalls(calls)
        } else {
            functionCalling = false
            let language: ASTChecker.Language = category.judging == .ast ? category.language : .python
            let version: PromptDecoder.Version = mode == .strict ? .v3 : layout
            decoded = Result { try BFCLDecoding.decodePrompt(input.response, language: language, version: version, layout: layout) }
                .mapError { $0 as? PromptDecoder.DecodeError ?? PromptDecoder.DecodeError(description: "\($0)") }
        }
        var details: [String: JSONValue] = ["layout": .string(layout.rawValue), "mode": .string(functionCalling ? "function_calling" : "prompt")]
        let extracted = (try? decoded.get())?.description

        switch category.judging {
        case .noCall, .someCall:
            var containsCall = false
            if case .success(let value) = decoded { containsCall = !BFCLDecoding.isEmptyOutput(value) }
            let correct = category.judging == .noCall ? !containsCall : containsCall
            if !correct {
                let errorType = category.judging == .someCall ? "relevance_error:decoder_failed"
                    : (layout == .v1 ? "relevance_error:decoder_success" : "irrelevance_error:decoder_success")
                details["error_type"] = .string(errorType)
                if case .failure(let error) = decoded { details["error"] = .string(error.description) }
            }
            return Verdict(extracted: extracted, correct: correct, rule: "relevance", details: details)
        case .ast, .multiTurn:
            break
        }

        guard let answerText = item.fields["bfcl_possible_answer"]?.stringValue, let answer = try? JSONTree.parse(Data(answerText.utf8)),
            let groundTruth = answer["ground_truth"]
        else {
            return Verdict(extracted: extracted, correct: false, rule: "scorer-error", details: ["error": "the item lacks its possible answer"])
        }
        let truth = PyValue(json: groundTruth)
        let expectedNames = BFCLDecoding.expectedNames(truth)
        func failed(_ errorType: String, _ message: String, unparsed: Bool) -> Verdict {
            details["error_type"] = .string(errorType)
            details["error"] = .string(message)
            let calls = expectedNames.enumerated().map { SubResult(kind: "call", index: $0.offset, id: $0.element, passed: false, reason: errorType) }
            return Verdict(extracted: extracted, correct: false, unparsed: unparsed, rule: "ast", details: details, subResults: calls)
        }
        let value: PyValue
        switch decoded {
        case .failure(let error):
            return failed("ast_decoder:decoder_failed", "Invalid syntax. Failed to decode AST. \(error.description)", unparsed: true)
        case .success(let v):
            value = v
        }
        guard case .list(let calls) = value, calls.allSatisfy({ $0.dictValue != nil }) else {
            return failed("ast_decoder:decoder_wrong_output_format", "Did not output in the specified format.", unparsed: true)
        }
        // Function-calling APIs forbid dots in names (the official `underscore_to_dot` models): when no called name
        // has a dot, expected names are compared with `_` for `.`, as the official checker does for those models.
        let underscoreToDot = functionCalling && !calls.contains { $0.dictValue?.first?.key.stringValue?.contains(".") == true }
        let checker = ASTChecker(version: layout, language: category.language, underscoreToDot: underscoreToDot)
        let outcome = checker.check(functions: PyValue(json: entry["function"] ?? .array([])), output: calls, possibleAnswer: truth, category: category.name)
        if let errorType = outcome.errorType, !outcome.valid { details["error_type"] = .string(errorType) }
        if !outcome.errors.isEmpty { details["error"] = .string(outcome.errors.joined(separator: "\n")) }
        let subResults = expectedNames.enumerated().map { index, name -> SubResult in
            let passed = outcome.valid || (index < outcome.calls.count && outcome.calls[index] == true)
            let reason: String? = passed ? nil : (index < outcome.calls.count && outcome.calls[index] == nil ? "not checked: an earlier call failed" : outcome.errorType)
            return SubResult(kind: "call", index: index, id: name, passed: passed, reason: reason)
        }
        return Verdict(extracted: extracted, correct: outcome.valid, rule: "ast", details: details, subResults: subResults)
    }
}
