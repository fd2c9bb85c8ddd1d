/// Parses LaTeX answers into `MathNode` trees.
///
/// A recursive-descent parser over `LatexLexer` tokens with explicit budgets: it gives up (returns nil) on
/// inputs over `maxLength` characters, on more than `maxNodes` tokens, or on nesting deeper than `maxDepth`,
/// so that every input is decided in bounded work, identically on every machine.
public struct LatexParser {
    /// The longest answer parsed, in characters.
    public static let maxLength = 4096
    /// The most tokens (and so roughly nodes) parsed.
    public static let maxNodes = 2000
    /// The deepest nesting parsed.
    public static let maxDepth = 64

    var tokens: [LatexToken]
    var position = 0
    var depth = 0

    static let functionNames: Set<String> = [
        "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
        "ln", "log", "exp", "lg",
    ]
    static let relationCommands: [String: String] = [
        "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=", "geqslant": ">=", "ne": "!=",
        "neq": "!=", "lt": "<", "gt": ">", "approx": "=", "equiv": "=",
    ]
    static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
        "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
        "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega", "hbar", "ell",
    ]

    /// Parses one answer.
    ///
    /// - Parameter text: The (normalised) LaTeX answer.
    /// - Returns: The tree, or nil when the text is not mathematics this parser understands or exceeds a budget.
    public static func parse(_ text: String) -> MathNode? {
        guard text.utf8.count <= maxLength,
              let tokens = LatexLexer.tokenize(text, maxTokens: maxNodes), !tokens.isEmpty else { return nil }
        var parser = LatexParser(tokens: tokens)
        guard let node = parser.parseTop(), parser.position == parser.tokens.count else { return nil }
        return node
    }

    init(tokens: [LatexToken]) { self.tokens = tokens }

    var current: LatexToken? { position < tokens.count ? tokens[position] : nil }
    mutating func advance() { position += 1 }
    mutating func acceptCommand(_ name: String) -> Bool {
        if current == .command(name) { advance(); return true }
        return false
    }
    mutating func accept(_ c: Character) -> Bool {
        if current == .symbol(c) { advance(); return true }
        return false
    }

    // MARK: Levels

    mutating func parseTop() -> MathNode? {
        guard let items = parseCommaList() else { return nil }
        return items.count == 1 ? items[0] : .list(items)
    }

    mutating func parseCommaList() -> [MathNode]? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return nil }
        var items: [MathNode] = []
        guard let first = parseRelation() else { return nil }
        items.append(first)
        while accept(",") || accept(";") {
            guard let next = parseRelation() else { return nil }
            items.append(next)
        }
        return items
    }

    mutating func parseRelation() -> MathNode? {
        guard let first = parseUnion() else { return nil }
        var operands = [first], ops: [String] = []
        while let op = relationOperator() {
            guard let next = parseUnion() else { return nil }
            operands.append(next)
            ops.append(op)
        }
        return ops.isEmpty ? first : .relation(operands, ops)
    }

    mutating func relationOperator() -> String? {
        switch current {
        case .symbol("="): advance(); return "="
        case .symbol("<"):
            advance()
            if accept("=") { return "<=" }
            return "<"
        case .symbol(">"):
            advance()
            if accept("=") { return ">=" }
            return ">"
        case .command(let name):
            if let op = Self.relationCommands[name] { advance(); return op }
            return nil
        default: return nil
        }
    }

    mutating func parseUnion() -> MathNode? {
        guard let first = parseAdditive() else { return nil }
        var parts = [first]
        while current == .command("cup") || current == .symbol("U") {
            advance()
            guard let next = parseAdditive() else { return nil }
            parts.append(next)
        }
        return parts.count == 1 ? first : .union(parts)
    }

    mutating func parseAdditive() -> MathNode? {
        guard let first = parseUnary() else { return nil }
        var terms = [first]
        while true {
            if accept("+") || acceptCommand("pm") || acceptCommand("mp") {
                guard let t = parseMultiplicative() else { return nil }
                terms.append(t)
            } else if accept("-") {
                guard let t = parseMultiplicative() else { return nil }
                terms.append(.negate(t))
            } else {
                break
            }
        }
        return terms.count == 1 ? first : .sum(terms)
    }

    mutating func parseUnary() -> MathNode? {
        if accept("-") {
            guard let inner = parseMultiplicative() else { return nil }
            return .negate(inner)
        }
        if accept("+") || acceptCommand("pm") {
            return parseMultiplicative()
        }
        return parseMultiplicative()
    }

    mutating func parseMultiplicative() -> MathNode? {
        guard var left = parsePower() else { return nil }
        while true {
            if accept("*") || acceptCommand("cdot") || acceptCommand("times") {
                guard let right = parseSignedPower() else { return nil }
                left = .product(Self.flatten(left) + [right])
            } else if accept("/") || acceptCommand("div") {
                guard let right = parseSignedPower() else { return nil }
                left = .quotient(left, right)
            } else if startsImplicitFactor() {
                guard let right = parsePower() else { return nil }
                left = .product(Self.flatten(left) + [right])
            } else {
                return left
            }
        }
    }

    mutating func parseSignedPower() -> MathNode? {
        if accept("-") { return parsePower().map { .negate($0) } }
        return parsePower()
    }

    static func flatten(_ node: MathNode) -> [MathNode] {
        if case .product(let xs) = node { return xs }
        return [node]
    }

    func startsImplicitFactor() -> Bool {
        switch current {
        case .number, .letter, .symbol("("), .symbol("{"), .text: return true
        case .command(let name):
            return Self.relationCommands[name] == nil && !["cdot", "times", "div", "pm", "mp", "cup", "circ", "in",
                                                             "end", "to", "cap", "setminus", "mid", "quad"].contains(name)
        default: return false
        }
    }

    mutating func parsePower() -> MathNode? {
        guard var base = parsePostfix() else { return nil }
        if accept("^") {
            if current == .command("circ") { advance(); return base }
            if case .text = current, let t = current, case .text(let s) = t, s.scanContains("circ") { advance(); return base }
            guard let exponent = parseScript() else { return nil }
            if case .symbol(let name) = base, current == .symbol("_") {
                // `v^2_0` is v_0 squared.
                advance()
                guard let sub = parseScript() else { return nil }
                base = .symbol("\(name)_\(Self.subscriptSpelling(sub))")
            }
            base = .power(base, exponent)
            while accept("!") { base = .factorial(base) }
        }
        return base
    }

    /// A superscript or subscript argument: a braced group, or one signed token.
    mutating func parseScript() -> MathNode? {
        if accept("{") {
            guard let inner = parseTop(), accept("}") else { return nil }
            return inner
        }
        if accept("-") { return parsePostfixNoFactorial().map { .negate($0) } }
        if case .number(let digits) = current, digits.count > 1, !digits.scanContains(".") {
            // `x^23` means x^2 · 3 in TeX; only the first digit is the exponent.
            let first = String(digits.prefix(1))
            tokens[position] = .number(String(digits.dropFirst()))
            return Rational(decimal: Substring(first)).map { .number($0) }
        }
        return parsePostfixNoFactorial()
    }

    mutating func parsePostfix() -> MathNode? {
        guard var node = parsePrimary() else { return nil }
        while accept("!") { node = .factorial(node) }
        while accept("'") { if case .symbol(let n) = node { node = .symbol(n + "'") } }
        return node
    }

    mutating func parsePostfixNoFactorial() -> MathNode? { parsePrimary() }

    static func subscriptSpelling(_ node: MathNode) -> String {
        switch node {
        case .symbol(let s): return s
        case .number(let r): return r.description
        case .text(let t): return t
        default: return "\(node.size)"
        }
    }
}
