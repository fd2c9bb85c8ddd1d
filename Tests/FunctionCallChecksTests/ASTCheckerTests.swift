import FunctionCallChecks
import OrderedJSON
import Foundation
import Testing

/// The AST checker's rules and error types on small hand-made entries, and where v1 and v3 differ.
@Suite struct ASTCheckerTests {
    static func json(_ text: String) throws -> PyValue { PyValue(json: try JSONTree.parse(Data(text.utf8))) }

    static let function = """
        {"name": "geo.area", "parameters": {"type": "dict", "properties": {"radius": {"type": "float"}, "unit": {"type": "string"},
         "opts": {"type": "dict"}, "tags": {"type": "array", "items": {"type": "string"}}}, "required": ["radius"]}}
        """

    func check(_ output: String, answer: String, version: PromptDecoder.Version = .v3) throws -> ASTChecker.Outcome {
        let decoded = try PromptDecoder.decodePython(output, version: .v3)
        let truth = try Self.json(version == .v3 ? "[{\"geo.area\": \(answer)}]" : "{\"geo.area\": \(answer)}")
        let functions = version == .v3 ? PyValue.list([try Self.json(Self.function)]) : try Self.json(Self.function)
        return ASTChecker(version: version, language: .python).check(functions: functions, output: decoded.elements ?? [], possibleAnswer: truth, category: "simple")
    }

    @Test(arguments: [
        ("[geo.area(radius=4)]", #"{"radius": [4.0], "unit": ["", "cm"]}"#, nil),
        ("[geo.area(radius=4, unit='C M')]", #"{"radius": [4.0], "unit": ["", "cm"]}"#, nil),
        ("[geo.area(radius=4)]", #"{"radius": [4.0], "unit": ["cm"]}"#, "simple_function_checker:missing_optional"),
        ("[geo.area(unit='cm')]", #"{"radius": [4.0], "unit": ["cm"]}"#, "simple_function_checker:missing_required"),
        ("[geo.areas(radius=4)]", #"{"radius": [4.0]}"#, "simple_function_checker:wrong_func_name"),
        ("[geo.area(radius=4, depth=2)]", #"{"radius": [4.0]}"#, "simple_function_checker:unexpected_param"),
        ("[geo.area(radius='4')]", #"{"radius": [4.0]}"#, "type_error:simple"),
        ("[geo.area(radius=5)]", #"{"radius": [4.0]}"#, "value_error:others"),
        ("[geo.area(radius=4, unit='mm')]", #"{"radius": [4.0], "unit": ["cm"]}"#, "value_error:string"),
        ("[geo.area(radius=4, tags=['A-B', 'c'])]", #"{"radius": [4.0], "tags": [["ab", "C"]]}"#, nil),
        ("[geo.area(radius=4, tags=['c', 'ab'])]", #"{"radius": [4.0], "tags": [["ab", "c"]]}"#, "value_error:list/tuple"),
        ("[geo.area(radius=4, tags=[1])]", #"{"radius": [4.0], "tags": [["ab"]]}"#, "type_error:nested"),
        ("[geo.area(radius=4), geo.area(radius=4)]", #"{"radius": [4.0]}"#, "simple_function_checker:wrong_count"),
    ] as [(String, String, String?)])
    func pythonRules(_ output: String, _ answer: String, _ errorType: String?) throws {
        let outcome = try check(output, answer: answer)
        #expect(outcome.valid == (errorType == nil), "\(outcome)")
        #expect(outcome.errorType == errorType)
    }

    /// v1 requires a dictionary to have exactly the expected number of keys; v3 lets optional keys be missing.
    @Test func dictionaryKeysDifferBetweenVersions() throws {
        let output = "[geo.area(radius=4, opts={'a': 1})]"
        let answer = #"{"radius": [4.0], "opts": [{"a": [1], "b": ["", 2]}]}"#
        #expect(try check(output, answer: answer, version: .v3).valid)
        #expect(try check(output, answer: answer, version: .v1).errorType == "value_error:dict_items")
    }

    /// Parallel matching is order-free; each expected call needs its own model call.
    @Test func parallelMatchingIgnoresOrder() throws {
        let functions = PyValue.list([try Self.json(Self.function)])
        let truth = try Self.json(#"[{"geo.area": {"radius": [1.0]}}, {"geo.area": {"radius": [2.0]}}]"#)
        let checker = ASTChecker(version: .v3, language: .python)
        let swapped = try PromptDecoder.decodePython("[geo.area(radius=2), geo.area(radius=1)]", version: .v3).elements ?? []
        #expect(checker.check(functions: functions, output: swapped, possibleAnswer: truth, category: "parallel").valid)
        let twice = try PromptDecoder.decodePython("[geo.area(radius=1), geo.area(radius=1)]", version: .v3).elements ?? []
        let outcome = checker.check(functions: functions, output: twice, possibleAnswer: truth, category: "parallel")
        #expect(outcome.errorType == "parallel_function_checker_no_order:cannot_find_match")
        #expect(outcome.calls == [true, false])
    }

    @Test func standardisationDropsSpacesPunctuationAndCase() {
        #expect(ASTChecker.standardize("April 1, 2024") == ASTChecker.standardize("april 1 2024"))
        #expect(ASTChecker.standardize("It's") == "it\"s")
    }
}
