/// Parses lexed template items into statements.
struct TemplateParser {
    private let items: [TemplateLexer.Item]
    private var index = 0

    init(items: [TemplateLexer.Item]) {
        self.items = items
    }

    /// Parses the whole template.
    ///
    /// - Returns: The top-level statements.
    /// - Throws: ``ChatTemplateError`` naming the line of the first syntax problem.
    mutating func parse() throws -> [Statement] {
        let (body, end) = try parseBody(until: [])
        if let end { throw ChatTemplateError.syntax("unexpected {% \(end.keyword) %}", line: end.line) }
        return body
    }

    /// The statement that ended a body: its keyword, remaining tokens and line.
    private struct EndTag {
        var keyword: String
        var tokens: [TemplateLexer.Token]
        var line: Int
    }

    /// Parses statements until one of `terminators` (such as `endif`, `elif`, `else`) or the end of input.
    private mutating func parseBody(until terminators: Set<String>) throws -> ([Statement], EndTag?) {
        var body: [Statement] = []
        while index < items.count {
            let item = items[index]
            index += 1
            switch item {
            case .text(let text):
                body.append(.text(text))
            case .output(let tokens, let line):
                var parser = ExpressionParser(tokens: tokens, line: line)
                body.append(.output(try parser.parseComplete()))
            case .statement(let tokens, let line):
                guard case .name(let keyword)? = tokens.first else {
                    throw ChatTemplateError.syntax("a statement must start with a keyword", line: line)
                }
                let rest = Array(tokens.dropFirst())
                if terminators.contains(keyword) { return (body, EndTag(keyword: keyword, tokens: rest, line: line)) }
                body.append(try parseStatement(keyword, rest, line: line))
            }
        }
        if !terminators.isEmpty {
            throw ChatTemplateError.syntax("missing {% \(terminators.sorted().joined(separator: " / ")) %} at the end of the template", line: 0)
        }
        return (body, nil)
    }

    private mutating func parseStatement(_ keyword: String, _ tokens: [TemplateLexer.Token], line: Int) throws -> Statement {
        switch keyword {
        case "if":
            var parser = ExpressionParser(tokens: tokens, line: line)
            var branches: [(Expression, [Statement])] = []
            var condition = try parser.parseComplete()
            while true {
                let (body, end) = try parseBody(until: ["elif", "else", "endif"])
                branches.append((condition, body))
                guard let end else { throw ChatTemplateError.syntax("missing {% endif %}", line: line) }
                switch end.keyword {
                case "elif":
                    var next = ExpressionParser(tokens: end.tokens, line: end.line)
                    condition = try next.parseComplete()
                case "else":
                    let (otherwise, _) = try parseBody(until: ["endif"])
                    return .ifChain(branches, otherwise: otherwise)
                default:
                    return .ifChain(branches, otherwise: [])
                }
            }
        case "for":
            var parser = ExpressionParser(tokens: tokens, line: line)
            let (targets, iterable, filter) = try parser.parseForHeader()
            let (body, end) = try parseBody(until: ["else", "endfor"])
            var otherwise: [Statement] = []
            if end?.keyword == "else" { (otherwise, _) = try parseBody(until: ["endfor"]) }
            return .forLoop(targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise, line: line)
        case "set":
            guard case .name(let target)? = tokens.first else { throw ChatTemplateError.syntax("set needs a name", line: line) }
            var rest = tokens.dropFirst()
            var attribute: String?
            if rest.first == .op("."), case .name(let name)? = rest.dropFirst().first {
                attribute = name
                rest = rest.dropFirst(2)
            }
            if rest.isEmpty {
                let (body, _) = try parseBody(until: ["endset"])
                return .setBlock(target: target, body: body)
            }
            guard rest.first == .op("=") else { throw ChatTemplateError.unsupported("this form of set", line: line) }
            var parser = ExpressionParser(tokens: Array(rest.dropFirst()), line: line)
            return .set(target: target, attribute: attribute, value: try parser.parseComplete(), line: line)
        case "macro":
            var parser = ExpressionParser(tokens: tokens, line: line)
            let (name, parameters) = try parser.parseMacroHeader()
            let (body, _) = try parseBody(until: ["endmacro"])
            return .macro(name: name, parameters: parameters, body: body)
        case "generation":
            // transformers' AssistantTracker marks assistant text; it renders its body unchanged.
            let (body, _) = try parseBody(until: ["endgeneration"])
            return .ifChain([(.literal(.bool(true), line: line), body)], otherwise: [])
        case "break": return .breakLoop(line: line)
        case "continue": return .continueLoop(line: line)
        default:
            throw ChatTemplateError.unsupported("the statement {% \(keyword) %}", line: line)
        }
    }
}
