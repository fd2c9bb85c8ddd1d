import FunctionCallChecks

/// The official prompt-mode prompts: the function list as Python prints it (`str(functions)`) inside the system or
/// user prompt, after the language-specific rewriting of Java and JavaScript signatures.
enum BFCLPrompt {
    /// `SYSTEM_PROMPT_FOR_CHAT_MODEL` of the v1 leaderboard code (gorilla de8307b4 `model_handler/constant.py`).
    static let v1System = "\n    You are an expert in composing functions. You are given a question and a set of possible functions. \n"
        + "    Based on the question, you will need to make one or more function/tool calls to achieve the purpose. \n"
        + "    If none of the function can be used, point it out. If the given question lacks the parameters required by the function,\n"
        + "    also point it out. You should only return the function call in tools call sections.\n    "

    /// `USER_PROMPT_FOR_CHAT_MODEL` of the v1 code, before formatting.
    static func v1User(question: String, functions: String) -> String {
        "\n    Questions:\(question)\nHere is a list of functions in JSON format that you can invoke:\n\(functions). \n"
            + "    Should you decide to return the function call(s),Put it in the format of [func1(params_name=params_value, params_name2=params_value2...), func2(params)]\n\n"
            + "    NO other text MUST be included. \n"
    }

    /// `DEFAULT_SYSTEM_PROMPT` of bfcl_eval (v3), formatted with the function list.
    static func v3System(functions: String) -> String {
        "You are an expert in composing functions. You are given a question and a set of possible functions. Based on the question, you will need to make one or more function/tool calls to achieve the purpose.\n"
            + "If none of the functions can be used, point it out. If the given question lacks the parameters required by the function, also point it out.\n"
            + "You should only return the function calls in your response.\n\n"
            + "If you decide to invoke any of the function(s), you MUST put it in the format of [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)]\n"
            + "You SHOULD NOT include any other text in the response.\n\n"
            + "At each turn, you should try your best to complete the tasks requested by the user within the current turn. Continue to output functions to call until you have fulfilled the user's request to the best of your ability. Once you have no more functions to call, the system will consider the current turn complete and proceed to the next turn or task.\n\n"
            + "Here is a list of functions in JSON format that you can invoke.\n\(functions)\n\n"
    }

    /// The language hint: v1 appends it to the question (with a newline), v3 to each function's description.
    static func hint(_ category: String) -> String {
        switch category {
        case "java": " Note that the provided function is in Java 8 SDK syntax."
        case "javascript": " Note that the provided function is in JavaScript syntax."
        default: " Note that the provided function is in Python 3 syntax."
        }
    }

    /// `language_specific_pre_processing` (v1) / `func_doc_language_specific_pre_processing` (v3): Java and
    /// JavaScript parameters become strings whose descriptions say their real type.
    static func preprocess(_ functions: [PyValue], category: String, layout: BFCLCategory.Layout) -> [PyValue] {
        functions.map { function in
            var function = function
            if layout == .v3, let description = function["description"]?.stringValue {
                function.set("description", .string(description + hint(category)))
            }
            guard category == "java" || category == "javascript", var parameters = function["parameters"],
                let properties = parameters["properties"]?.dictValue
            else { return function }
            let language = category == "java" ? "Java" : "JavaScript"
            var rewritten: [(key: PyValue, value: PyValue)] = []
            for (key, original) in properties {
                var value = original
                let type = value["type"]?.stringValue ?? ""
                var description = value["description"]?.stringValue ?? ""
                if type == "any" {
                    description += " This parameter can be of any type of \(language) object in string representation."
                } else {
                    description += " This is \(language) \(type) type parameter in string representation."
                }
                let listTypes = category == "java" ? ["ArrayList", "Array"] : ["array"]
                if listTypes.contains(type) {
                    let itemType = value["items"]?["type"]?.stringValue ?? ""
                    description += " The list elements are of type \(itemType); they are not in string representation."
                    value.remove("items")
                }
                if category == "javascript", type == "dict", let schema = value["properties"] {
                    description += " The dictionary entries have the following schema; they are not in string representation. \(schema.jsonDumps)"
                    value.remove("properties")
                }
                value.set("description", .string(description))
                value.set("type", .string("string"))
                rewritten.append((key, value))
            }
            parameters.set("properties", .dict(rewritten))
            function.set("parameters", parameters)
            return function
        }
    }
}
