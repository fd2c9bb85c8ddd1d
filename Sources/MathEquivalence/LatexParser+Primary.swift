/// Primary expressions: numbers, variables, groups, brackets, sets, matrices and LaTeX commands.
extension LatexParser {
    mutating func parsePrimary() -> MathNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth, let token = current else { return nil }
        switch token {
        case .number(let digits):
            advance()
            if let r = Rational(decimal: Substring(digits)) { return .number(r) }
            return Double(digits).map { .real($0) }
        case .letter(let name):
            advance()
            if name == "π" { return .constant("pi") }
            if name == "e" { return .constant("e") }
            return withSubscript(name)
        case .symbol("("), .symbol("["):
            advance()
            let open: Character = token == .symbol("(") ? "(" : "["
            guard let items = parseCommaList() else { return nil }
            let close: Character
            if accept(")") { close = ")" } else if accept("]") { close = "]" } else { return nil }
            if items.count == 1, open == "(" || close == "]", open == "(" ? close == ")" : true {
                if open == "(" && close == ")" { return items[0] }
                if open == "[" && close == "]" { return items[0] }
            }
            return .bracketed(open: open, items, close: close)
        case .symbol("{"):
            advance()
            if accept("}") { return .set([]) }
            guard let inner = parseTop(), accept("}") else { return nil }
            return inner
        case .symbol("|"):
            advance()
            guard let inner = parseAdditive(), accept("|") else { return nil }
            return .function("abs", [inner])
        case .setOpen:
            advance()
            if current == .setClose { advance(); return .set([]) }
            guard let items = parseCommaList(), current == .setClose else { return nil }
            advance()
            return .set(items)
        case .text(let content):
            advance()
            return textNode(content)
        case .command(let name):
            advance()
            return parseCommand(name)
        default:
            return nil
        }
    }

    private mutating func withSubscript(_ name: String) -> MathNode? {
        guard let symbol = subscripted(name) else { return nil }
        // `f(x, y)`: an applied function of several arguments (a single argument stays a product).
        if case .symbol(let full) = symbol, current == .symbol("("), let saved = Optional(position) {
            advance()
            if let args = parseCommaList(), args.count >= 2, accept(")") { return .function("applied:" + full, args) }
            position = saved
        }
        return symbol
    }

    private mutating func subscripted(_ name: String) -> MathNode? {
        guard accept("_") else { return .symbol(name) }
        if accept("{") {
            var depthCount = 1, label = ""
            while let t = current, depthCount > 0 {
                advance()
                if t == .symbol("{") { depthCount += 1 } else if t == .symbol("}") { depthCount -= 1; if depthCount == 0 { break } }
                label += Self.spelling(t)
            }
            return .symbol("\(name)_\(label)")
        }
        guard let t = current else { return nil }
        advance()
        if case .number(let digits) = t, digits.count > 1 {
            // `a_12` is a_1 · 2 in TeX, but answers mean a_{12}: keep the digits together.
            return .symbol("\(name)_\(digits)")
        }
        return .symbol("\(name)_\(Self.spelling(t))")
    }

    static func spelling(_ token: LatexToken) -> String {
        switch token {
        case .number(let s), .letter(let s), .text(let s): return s
        case .command(let s): return "\\" + s
        case .symbol(let c): return String(c)
        case .setOpen: return "\\{"
        case .setClose: return "\\}"
        case .rowBreak: return "\\\\"
        }
    }

    private func textNode(_ content: String) -> MathNode? {
        let trimmed = content.trimmingSpaces()
        if trimmed.isEmpty { return .text("") }
        if let r = Rational(decimal: Substring(trimmed)) { return .number(r) }
        return .text(trimmed.lowercased())
    }

    /// A braced argument, or a single token (`\frac12`, `\sqrt2`).
    private mutating func parseArgument() -> MathNode? {
        if accept("{") {
            guard let inner = parseTop(), accept("}") else { return nil }
            return inner
        }
        if case .number(let digits) = current, digits.count > 1, !digits.scanContains(".") {
            tokens[position] = .number(String(digits.dropFirst()))
            return Rational(decimal: Substring(digits.prefix(1))).map { .number($0) }
        }
        return parsePrimary()
    }

    private mutating func parseCommand(_ name: String) -> MathNode? {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            guard let a = parseArgument(), let b = parseArgument() else { return nil }
            return .quotient(a, b)
        case "sqrt":
            var index: MathNode? = nil
            if accept("[") {
                guard let n = parseTop(), accept("]") else { return nil }
                index = n
            }
            guard let radicand = parseArgument() else { return nil }
            if let index { return .power(radicand, .quotient(.number(.one), index)) }
            return .function("sqrt", [radicand])
        case "binom", "dbinom", "tbinom", "choose":
            guard let a = parseArgument(), let b = parseArgument() else { return nil }
            return .function("binom", [a, b])
        case "pi": return .constant("pi")
        case "infty", "infinity": return .constant("infinity")
        case "circ", "degree": return .number(.one)
        case "emptyset", "varnothing": return .set([])
        case "begin": return parseEnvironment()
        case "log" where current == .symbol("_"):
            advance()
            guard let base = parseArgument(), let argument = parseFunctionArgument() else { return nil }
            return .quotient(.function("ln", [argument]), .function("ln", [base]))
        default:
            if Self.functionNames.contains(name) {
                var exponent: MathNode? = nil
                if accept("^") {
                    guard let e = parseScript() else { return nil }
                    exponent = e
                }
                guard let argument = parseFunctionArgument() else { return nil }
                let applied = MathNode.function(name == "lg" ? "log10" : name, [argument])
                if let exponent {
                    if exponent == .negate(.number(.one)) { return .function("arc" + name, [argument]) }
                    return .power(applied, exponent)
                }
                return applied
            }
            if Self.greek.contains(name) { return withSubscript(name) }
            return nil
        }
    }

    private mutating func parseFunctionArgument() -> MathNode? {
        if current == .symbol("(") || current == .symbol("{") { return parsePower() }
        return parsePower()
    }

    private mutating func parseEnvironment() -> MathNode? {
        guard accept("{") else { return nil }
        var env = ""
        while let t = current, t != .symbol("}") { env += Self.spelling(t); advance() }
        guard accept("}") else { return nil }
        if env == "array", accept("{") {
            while let t = current, t != .symbol("}") { _ = t; advance() }
            guard accept("}") else { return nil }
        }
        var rows: [[MathNode]] = [[]]
        while true {
            if current == .command("end") {
                advance()
                guard accept("{") else { return nil }
                while let t = current, t != .symbol("}") { _ = t; advance() }
                guard accept("}") else { return nil }
                break
            }
            if current == .rowBreak { advance(); rows.append([]); continue }
            if accept("&") { continue }
            guard current != nil, let cell = parseRelation() else { return nil }
            rows[rows.count - 1].append(cell)
        }
        rows.removeAll { $0.isEmpty }
        return .matrix(rows)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
