/// `simple_function_checker` and its type check, as the official code runs them.
extension ASTChecker {
    /// Python's `PYTHON_TYPE_MAPPING`.
    static let pythonTypes: [String: PyValue.Kind] = [
        "string": .str, "integer": .int, "float": .float, "boolean": .bool, "array": .list, "tuple": .list, "dict": .dict, "any": .str,
    ]
    /// `JAVA_TYPE_CONVERSION`.
    static let javaTypes: [String: PyValue.Kind] = [
        "byte": .int, "short": .int, "integer": .int, "float": .float, "double": .float, "long": .int, "boolean": .bool, "char": .str,
        "Array": .list, "ArrayList": .list, "Set": .set, "HashMap": .dict, "Hashtable": .dict, "Queue": .list, "Stack": .list,
        "String": .str, "any": .str,
    ]
    /// `JS_TYPE_CONVERSION`.
    static let javaScriptTypes: [String: PyValue.Kind] = [
        "String": .str, "integer": .int, "float": .float, "Bigint": .int, "Boolean": .bool, "dict": .dict, "array": .list, "any": .str,
    ]
    /// Types whose elements are converted too (`NESTED_CONVERSION_TYPE_LIST`, `PYTHON_NESTED_TYPE_CHECK_LIST`).
    static let nestedConversionTypes: Set<String> = ["Array", "ArrayList", "array"]
    static let pythonNestedTypes: Set<String> = ["array", "tuple"]

    /// `simple_function_checker`: one model call against one expected call.
    func simpleFunction(description: PyValue, output: PyValue, answer: PyValue) throws -> Outcome {
        guard let expected = answer.dictValue?.first?.value.dictValue else { throw CheckerCrash("a ground-truth call has no parameters") }
        guard var name = description["name"]?.stringValue, let parameters = description["parameters"],
            let properties = parameters["properties"]?.dictValue
        else { throw CheckerCrash("a function description lacks name or parameters.properties") }
        let required = parameters["required"]?.elements ?? []
        if underscoreToDot && name.contains(".") { name = name.replacingOccurrences(of: ".", with: "_") }
        guard let call = output.dictValue, let modelParams = call.first(where: { $0.key == .string(name) })?.value else {
            return .failure("simple_function_checker:wrong_func_name", "Function name \(PyValue.string(name)) not found in model output.")
        }
        guard let params = modelParams.dictValue else { throw CheckerCrash("the call's arguments are not a dictionary") }
        for parameter in required where !params.contains(where: { $0.key == parameter }) {
            return .failure("simple_function_checker:missing_required", "Missing required parameter: \(parameter).")
        }
        for (param, rawValue) in params {
            guard let details = properties.first(where: { $0.key == param })?.value,
                let acceptable = expected.first(where: { $0.key == param })?.value
            else {
                return .failure("simple_function_checker:unexpected_param", "Unexpected parameter: \(param).")
            }
            guard let typeName = details["type"]?.stringValue else { throw CheckerCrash("parameter \(param) has no type") }
            let acceptableValues = acceptable.elements ?? []
            var value = rawValue
            var nestedKind: PyValue.Kind?
            let expectedKind: PyValue.Kind
            switch language {
            case .python:
                guard let kind = Self.pythonTypes[typeName] else { throw CheckerCrash("KeyError: '\(typeName)'") }
                expectedKind = kind
                if Self.pythonNestedTypes.contains(typeName) {
                    guard let itemType = details["items"]?["type"]?.stringValue, let nested = Self.pythonTypes[itemType] else {
                        throw CheckerCrash("parameter \(param) has no known items.type")
                    }
                    nestedKind = nested
                }
            case .java, .javascript:
                let table = language == .java ? Self.javaTypes : Self.javaScriptTypes
                guard let kind = table[typeName] else { throw CheckerCrash("KeyError: '\(typeName)'") }
                expectedKind = kind
                guard case .string(let text) = value else {
                    return .failure(
                        language == .java ? "type_error:java" : "type_error:js",
                        "Incorrect type for parameter \(param). Expected type String, got \(value.kind.rawValue). Parameter value: \(value).")
                }
                var nestedType: String?
                if Self.nestedConversionTypes.contains(typeName) {
                    guard let itemType = details["items"]?["type"]?.stringValue, let nested = table[itemType] else {
                        throw CheckerCrash("parameter \(param) has no known items.type")
                    }
                    nestedKind = nested
                    nestedType = itemType
                }
                value = try language == .java
                    ? JavaTypeConverter.convert(text, type: typeName, nestedType: nestedType)
                    : JavaScriptTypeConverter.convert(text, type: typeName, nestedType: nestedType)
            }
            if typeName == "tuple", case .tuple(let items) = value { value = .list(items) }
            if language == .python && typeName == "float", case .int(let i) = value { value = .float(Double(i)) }

            let typeCheck = Self.typeCheck(param: param, value: value, acceptable: acceptableValues, typeName: typeName,
                                           expected: expectedKind, nested: nestedKind)
            if !typeCheck.outcome.valid { return typeCheck.outcome }
            if !typeCheck.isVariable {
                if expectedKind == .dict {
                    let result = try dictCheck(param: param, value: value, acceptable: acceptableValues)
                    if !result.valid { return result }
                    continue
                } else if expectedKind == .list && nestedKind == .dict {
                    let result = try listDictCheck(param: param, value: value, acceptable: acceptableValues)
                    if !result.valid { return result }
                    continue
                } else if expectedKind == .str {
                    let result = Self.stringCheck(param: param, value: value, acceptable: acceptableValues)
                    if !result.valid { return result }
                    continue
                } else if expectedKind == .list {
                    let result = try Self.listCheck(param: param, value: value, acceptable: acceptableValues)
                    if !result.valid { return result }
                    continue
                }
            }
            if !value.isIn(acceptableValues) {
                return .failure("value_error:others", "Invalid value for parameter \(param): \(value). Expected one of \(acceptable).")
            }
        }
        for (param, acceptable) in expected where !params.contains(where: { $0.key == param }) {
            if !PyValue.string("").isIn(acceptable.elements ?? []) {
                return .failure("simple_function_checker:missing_optional", "Optional parameter \(param) not provided and not marked as optional.")
            }
        }
        return .ok
    }

    /// `get_possible_answer_type`: the type of the first acceptable value that is not `""`.
    static func possibleAnswerKind(_ acceptable: [PyValue]) -> PyValue.Kind? {
        acceptable.first { $0 != .string("") }?.kind
    }

    /// `type_checker`, with its fall-through exactly as written (a failed nested check still reports the variable
    /// case when the value's type equals the acceptable values' type).
    static func typeCheck(param: PyValue, value: PyValue, acceptable: [PyValue], typeName: String, expected: PyValue.Kind,
                          nested: PyValue.Kind?) -> (outcome: Outcome, isVariable: Bool) {
        var outcome = Outcome.ok
        outcome.errorType = "type_error:simple"
        var isVariable = false
        let answerKind = possibleAnswerKind(acceptable)
        if let answerKind, answerKind != expected { isVariable = true }
        if value.kind == expected {
            guard let nested else { return (Outcome.ok, isVariable) }
            for item in acceptable {
                var flag = true
                if case .list(let inner) = item {
                    for element in value.elements ?? [] {
                        let result = typeCheck(param: param, value: element, acceptable: inner, typeName: nested.rawValue, expected: nested, nested: nil)
                        if !result.outcome.valid { flag = false; break }
                    }
                }
                if flag { return (Outcome.ok, isVariable) }
            }
            outcome.valid = false
            outcome.errors = ["Nested type checking failed for parameter \(param). Expected outer type \(typeName) with inner type \(nested.rawValue). Parameter value: \(value)."]
            outcome.errorType = "type_error:nested"
        }
        if let answerKind, value.kind == answerKind {
            return (outcome, true)
        }
        outcome.valid = false
        outcome.errors.append("Incorrect type for parameter \(param). Expected type \(typeName), got \(value.kind.rawValue). Parameter value: \(value).")
        outcome.errorType = "type_error:simple"
        return (outcome, isVariable)
    }
}
