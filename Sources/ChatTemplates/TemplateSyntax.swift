/// The parsed form of a template: statements and expressions.
indirect enum Expression: Sendable {
    case literal(Literal, line: Int)
    case name(String, line: Int)
    case list([Expression], line: Int)
    case dict([(Expression, Expression)], line: Int)
    case attribute(Expression, String, line: Int)
    case subscript_(Expression, Expression, line: Int)
    case slice(Expression, start: Expression?, stop: Expression?, step: Expression?, line: Int)
    case call(Expression, arguments: [Expression], keywords: [(String, Expression)], line: Int)
    case filter(Expression, name: String, arguments: [Expression], keywords: [(String, Expression)], line: Int)
    case test(Expression, name: String, arguments: [Expression], negated: Bool, line: Int)
    case unary(String, Expression, line: Int)
    case binary(String, Expression, Expression, line: Int)
    case conditional(Expression, condition: Expression, otherwise: Expression?, line: Int)

    /// A constant written in the template.
    enum Literal: Sendable {
        case none, bool(Bool), int(Int), double(Double), string(String)
    }

    var line: Int {
        switch self {
        case .literal(_, let line), .name(_, let line), .list(_, let line), .dict(_, let line),
             .attribute(_, _, let line), .subscript_(_, _, let line), .slice(_, _, _, _, let line),
             .call(_, _, _, let line), .filter(_, _, _, _, let line), .test(_, _, _, _, let line),
             .unary(_, _, let line), .binary(_, _, _, let line), .conditional(_, _, _, let line):
            line
        }
    }
}

/// A template statement.
indirect enum Statement: Sendable {
    case text(String)
    case output(Expression)
    case ifChain([(condition: Expression, body: [Statement])], otherwise: [Statement])
    case forLoop(targets: [String], iterable: Expression, filter: Expression?, body: [Statement], otherwise: [Statement], line: Int)
    /// `set name = value` or `set name.attribute = value`.
    case set(target: String, attribute: String?, value: Expression, line: Int)
    /// `set name %}…{% endset`.
    case setBlock(target: String, body: [Statement])
    case macro(name: String, parameters: [(String, Expression?)], body: [Statement])
    case breakLoop(line: Int)
    case continueLoop(line: Int)
}
