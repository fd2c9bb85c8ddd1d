/// Parses Jinja expressions with Jinja's precedence: conditional, `or`, `and`, `not`, comparisons and `in`,
/// `+ -`, `~`, `* / // %`, `**`, unary `-`, then primaries with `.attr`, `[index]`, calls, `| filter` and
/// `is test`.
struct ExpressionParser {
    typealias Token = TemplateLexer.Token
    private let tokens: [Token]
    private var index = 0
    private let line: Int

    init(tokens: [Token], line: Int) {
        self.tokens = tokens
        self.line = line
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }

    private mutating func accept(_ op: String) -> Bool {
        if current == .op(op) { index += 1; return true }
        return false
    }

    private mutating func acceptName(_ name: String) -> Bool {
        if current == .name(name) { index += 1; return true }
        return false
    }

    private mutating func expect(_ op: String) throws {
        guard accept(op) else { throw ChatTemplateError.syntax("expected \"\(op)\"", line: line) }
    }

    private mutating func name() throws -> String {
        guard case .name(let name)? = current else { throw ChatTemplateError.syntax("expected a name", line: line) }
        index += 1
        return name
    }

    /// An expression that must use every token.
    mutating func parseComplete() throws -> Expression {
        let expression = try parseExpression()
        if index < tokens.count { throw ChatTemplateError.syntax("unexpected \(tokens[index]) in expression", line: line) }
        return expression
    }

    /// `target[, target] in iterable [if condition]`.
    mutating func parseForHeader() throws -> ([String], Expression, Expression?) {
        var targets = [try name()]
        while accept(",") { targets.append(try name()) }
        guard acceptName("in") else { throw ChatTemplateError.syntax("expected \"in\" in for loop", line: line) }
        let iterable = try parseOr()
        let filter = acceptName("if") ? try parseOr() : nil
        if index < tokens.count { throw ChatTemplateError.unsupported("this for-loop form", line: line) }
        return (targets, iterable, filter)
    }

    /// `name(parameter[=default], …)`.
    mutating func parseMacroHeader() throws -> (String, [(String, Expression?)]) {
        let macroName = try name()
        var parameters: [(String, Expression?)] = []
        try expect("(")
        while !accept(")") {
            let parameter = try name()
            parameters.append((parameter, accept("=") ? try parseExpression() : nil))
            if !accept(",") { try expect(")"); break }
        }
        return (macroName, parameters)
    }

    mutating func parseExpression() throws -> Expression {
        let value = try parseOr()
        if acceptName("if") {
            let condition = try parseOr()
            let otherwise = acceptName("else") ? try parseExpression() : nil
            return .conditional(value, condition: condition, otherwise: otherwise, line: line)
        }
        return value
    }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while acceptName("or") { left = .binary("or", left, try parseAnd(), line: line) }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while acceptName("and") { left = .binary("and", left, try parseNot(), line: line) }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if acceptName("not") { return .unary("not", try parseNot(), line: line) }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expression {
        var left = try parseAdditive()
        while true {
            if let op = ["==", "!=", "<", ">", "<=", ">="].first(where: { current == .op($0) }) {
                index += 1
                left = .binary(op, left, try parseAdditive(), line: line)
            } else if acceptName("in") {
                left = .binary("in", left, try parseAdditive(), line: line)
            } else if current == .name("not"), index + 1 < tokens.count, tokens[index + 1] == .name("in") {
                index += 2
                left = .unary("not", .binary("in", left, try parseAdditive(), line: line), line: line)
            } else {
                return left
            }
        }
    }

    private mutating func parseAdditive() throws -> Expression {
        var left = try parseConcat()
        while let op = ["+", "-"].first(where: { current == .op($0) }) {
            index += 1
            left = .binary(op, left, try parseConcat(), line: line)
        }
        return left
    }

    private mutating func parseConcat() throws -> Expression {
        var left = try parseMultiplicative()
        while accept("~") { left = .binary("~", left, try parseMultiplicative(), line: line) }
        return left
    }

    private mutating func parseMultiplicative() throws -> Expression {
        var left = try parsePower()
        while let op = ["*", "/", "//", "%"].first(where: { current == .op($0) }) {
            index += 1
            left = .binary(op, left, try parsePower(), line: line)
        }
        return left
    }

    private mutating func parsePower() throws -> Expression {
        var left = try parseUnary()
        while accept("**") { left = .binary("**", left, try parseUnary(), line: line) }
        return left
    }

    private mutating func parseUnary() throws -> Expression {
        if accept("-") { return .unary("-", try parseUnary(), line: line) }
        if accept("+") { return try parseUnary() }
        var value = try parsePostfix(try parsePrimary())
        while true {
            if accept("|") {
                let filter = try name()
                let (arguments, keywords) = current == .op("(") ? try parseArguments() : ([], [])
                value = try parsePostfix(.filter(value, name: filter, arguments: arguments, keywords: keywords, line: line))
            } else if acceptName("is") {
                let negated = acceptName("not")
                var test = try name()
                if test == "none" || test == "true" || test == "false" { test = test.lowercased() }
                var arguments: [Expression] = []
                if current == .op("(") {
                    arguments = try parseArguments().0
                } else if let token = current, Self.startsTestArgument(token) {
                    arguments = [try parsePrimary()]
                }
                value = .test(value, name: test, arguments: arguments, negated: negated, line: line)
            } else {
                return value
            }
        }
    }

    /// Whether a token can start the bare argument of a test (`is divisibleby 3`, `is sameas false`).
    private static func startsTestArgument(_ token: Token) -> Bool {
        switch token {
        case .string, .int, .double: true
        case .name(let name): !["and", "or", "if", "else", "not", "in", "is"].contains(name)
        case .op(let op): op == "["
        }
    }

    private mutating func parseArguments() throws -> ([Expression], [(String, Expression)]) {
        try expect("(")
        var arguments: [Expression] = []
        var keywords: [(String, Expression)] = []
        while !accept(")") {
            if case .name(let key)? = current, index + 1 < tokens.count, tokens[index + 1] == .op("=") {
                index += 2
                keywords.append((key, try parseExpression()))
            } else {
                arguments.append(try parseExpression())
            }
            if !accept(",") { try expect(")"); break }
        }
        return (arguments, keywords)
    }

    private mutating func parsePostfix(_ base: Expression) throws -> Expression {
        var value = base
        while true {
            if accept(".") {
                if case .int(let position)? = current {
                    index += 1
                    value = .subscript_(value, .literal(.int(position), line: line), line: line)
                } else {
                    value = .attribute(value, try name(), line: line)
                }
            } else if accept("[") {
                var start: Expression?
                if current != .op(":") { start = try parseExpression() }
                if accept(":") {
                    var stop: Expression?
                    var step: Expression?
                    if current != .op("]") && current != .op(":") { stop = try parseExpression() }
                    if accept(":"), current != .op("]") { step = try parseExpression() }
                    try expect("]")
                    value = .slice(value, start: start, stop: stop, step: step, line: line)
                } else {
                    try expect("]")
                    guard let start else { throw ChatTemplateError.syntax("empty subscript", line: line) }
                    value = .subscript_(value, start, line: line)
                }
            } else if current == .op("(") {
                let (arguments, keywords) = try parseArguments()
                value = .call(value, arguments: arguments, keywords: keywords, line: line)
            } else {
                return value
            }
        }
    }

    private mutating func parsePrimary() throws -> Expression {
        guard let token = current else { throw ChatTemplateError.syntax("expression ends too early", line: line) }
        index += 1
        switch token {
        case .string(var text):
            while case .string(let more)? = current { text += more; index += 1 }  // adjacent literals concatenate
            return .literal(.string(text), line: line)
        case .int(let value): return .literal(.int(value), line: line)
        case .double(let value): return .literal(.double(value), line: line)
        case .name(let name):
            switch name {
            case "true", "True": return .literal(.bool(true), line: line)
            case "false", "False": return .literal(.bool(false), line: line)
            case "none", "None": return .literal(.none, line: line)
            default: return .name(name, line: line)
            }
        case .op("("):
            let inner = try parseExpression()
            if accept(",") {
                var items = [inner]
                while !accept(")") {
                    items.append(try parseExpression())
                    if !accept(",") { try expect(")"); break }
                }
                return .list(items, line: line)
            }
            try expect(")")
            return inner
        case .op("["):
            var items: [Expression] = []
            while !accept("]") {
                items.append(try parseExpression())
                if !accept(",") { try expect("]"); break }
            }
            return .list(items, line: line)
        case .op("{"):
            var pairs: [(Expression, Expression)] = []
            while !accept("}") {
                let key = try parseExpression()
                try expect(":")
                pairs.append((key, try parseExpression()))
                if !accept(",") { try expect("}"); break }
            }
            return .dict(pairs, line: line)
        default:
            throw ChatTemplateError.syntax("unexpected \(token)", line: line)
        }
    }
}
