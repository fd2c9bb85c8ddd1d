/// The official JavaScript prompt-mode decoder (`js_parser.py`, on tree-sitter-javascript): the first statement
/// that is a call expression, its callee's text as the function name, and its `name=value` arguments with each
/// value's source text (surrounding quotes removed).
///
/// Proctor checks the JavaScript with its own tokenizer and bracket structure rather than a full grammar: text
/// with unbalanced brackets, unterminated strings or two operands in a row fails (tree-sitter's `ERROR`).
public enum JavaScriptCallDecoder {
    /// Decodes a prompt-mode answer (`[func(a="x", b=[1, 2])]`; the first and last character are removed as the
    /// official code removes them).
    ///
    /// - Parameter text: The model's output.
    /// - Returns: `[{name: {param: value}}]`, or `None` when no statement is a call.
    /// - Throws: `PromptDecoder.DecodeError` where the official decoder raises.
    public static func decode(_ text: String) throws -> PyValue {
        let source = Array(String(text.dropFirst().dropLast()).unicodeScalars)
        let tokens: [JSToken]
        do {
            tokens = try JSLexer.tokenize(source)
            try JSLexer.validate(tokens)
        } catch {
            throw PromptDecoder.DecodeError(description: "Error js parsing the source code. (\(error))")
        }
        func slice(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(source[a..<b])) }
        for statement in JSLexer.statements(tokens) {
            guard let call = JSLexer.callShape(statement) else { continue }
            let name = slice(statement[0].start, statement[call.open - 1].end)
            var members: [(key: PyValue, value: PyValue)] = []
            var seen = Set<String>()
            for argument in JSLexer.split(Array(statement[(call.open + 1)..<call.close])) where !argument.isEmpty {
                let key: PyValue
                let value: String
                if let eq = JSLexer.topLevelAssignment(argument) {
                    guard eq > 0, eq + 1 < argument.count else { throw PromptDecoder.DecodeError(description: "Error js parsing the source code.") }
                    key = .string(slice(argument[0].start, argument[eq - 1].end))
                    value = slice(argument[eq + 1].start, argument.last!.end)
                } else if argument.count == 1, argument[0].kind == .identifier, !["false", "null", "undefined", "this"].contains(argument[0].text) {
                    key = .none
                    value = argument[0].text
                } else {
                    continue
                }
                let stripped = JavaScriptTypeConverter.isQuoted(value) && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
                let keyText = key.stringValue ?? "\u{0}None"
                if !seen.insert(keyText).inserted {
                    throw PromptDecoder.DecodeError(description: "Error: Multiple arguments with the same name are not supported.")
                }
                members.append((key, .string(stripped)))
            }
            return .list([.dict([(.string(name), .dict(members))])])
        }
        return .none
    }
}

struct JSToken {
    enum Kind { case identifier, number, string, template, regex, op }
    var kind: Kind
    var text: String
    var start: Int
    var end: Int
    /// A newline came before this token (automatic semicolon insertion).
    var newlineBefore: Bool
}
