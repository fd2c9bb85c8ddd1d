import Foundation
/// The few parts of `ast.unparse` and `eval` the official decoder relies on: a call without keyword arguments
/// becomes its source text, arithmetic on constants is evaluated.
enum PythonUnparse {
    /// `ast.unparse` of a node, close to CPython's spacing (`f(1, 'a')`, `a.b`, `x[0]`, `1 + 2`).
    static func unparse(_ node: PyNode) -> String {
        switch node {
        case .constant(let value): return value.description
        case .ellipsis: return "..."
        case .name(let n): return n
        case .attribute(let base, let attr): return unparse(base) + "." + attr
        case .call(let function, let positional, let keywords):
            let args = positional.map(unparse) + keywords.map { ($0.name.map { $0 + "=" } ?? "**") + unparse($0.value) }
            return unparse(function) + "(" + args.joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(unparse).joined(separator: ", ") + "]"
        case .tuple(let items): return items.count == 1 ? "(\(unparse(items[0])),)" : "(" + items.map(unparse).joined(separator: ", ") + ")"
        case .set(let items): return "{" + items.map(unparse).joined(separator: ", ") + "}"
        case .dict(let members):
            return "{" + members.map { ($0.key.map { unparse($0) + ": " } ?? "**") + unparse($0.value) }.joined(separator: ", ") + "}"
        case .unary(let op, let operand): return (op == "not" ? "not " : op) + unparse(operand)
        case .binary(let l, let op, let r): return unparse(l) + " \(op) " + unparse(r)
        case .subscript(let base, let index): return unparse(base) + "[" + unparse(index) + "]"
        case .unsupported(let kind): return "<\(kind)>"
        }
    }
}

/// `eval` of an arithmetic expression on constants, as the official decoder evaluates a `BinOp` argument.
enum PythonEvaluation {
    static func evaluate(_ node: PyNode) throws -> PyValue {
        switch node {
        case .constant(let v): return v
        case .unary: return try PromptDecoder.resolve(node)
        case .tuple(let items): return .tuple(try items.map(evaluate))
        case .list(let items): return .list(try items.map(evaluate))
        case .binary(let l, let op, let r):
            let a = try evaluate(l)
            let b = try evaluate(r)
            return try apply(op, a, b)
        default:
            throw PromptDecoder.DecodeError(description: "cannot evaluate \(PythonUnparse.unparse(node))")
        }
    }

    static func apply(_ op: String, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        let fail = PromptDecoder.DecodeError(description: "unsupported operand type(s) for \(op): '\(a.kind.rawValue)' and '\(b.kind.rawValue)'")
        switch (a, b) {
        case (.string(let x), .string(let y)) where op == "+": return .string(x + y)
        case (.list(let x), .list(let y)) where op == "+": return .list(x + y)
        case (.string(let x), .int(let n)) where op == "*": return .string(String(repeating: x, count: max(0, n)))
        default: break
        }
        guard let x = a.number, let y = b.number else { throw fail }
        let integral = a.kind != .float && b.kind != .float
        switch op {
        case "+": return integral ? .int(Int(x) + Int(y)) : .float(x + y)
        case "-": return integral ? .int(Int(x) - Int(y)) : .float(x - y)
        case "*": return integral ? .int(Int(x) * Int(y)) : .float(x * y)
        case "/":
            guard y != 0 else { throw PromptDecoder.DecodeError(description: "division by zero") }
            return .float(x / y)
        case "//":
            guard y != 0 else { throw PromptDecoder.DecodeError(description: "division by zero") }
            return integral ? .int(Int((x / y).rounded(.down))) : .float((x / y).rounded(.down))
        case "%":
            guard y != 0 else { throw PromptDecoder.DecodeError(description: "modulo by zero") }
            let m = x - y * (x / y).rounded(.down)
            return integral ? .int(Int(m)) : .float(m)
        case "**":
            let p = pow(x, y)
            return integral && y >= 0 ? .int(Int(p)) : .float(p)
        default: throw fail
        }
    }
}

extension PyValue {
    /// Python's binary arithmetic (`+ - * / // % **`) with its int/float rules.
    ///
    /// - Parameters:
    ///   - op: The operator.
    ///   - other: The right operand.
    /// - Returns: The result.
    /// - Throws: `PromptDecoder.DecodeError` with Python's `TypeError`/`ZeroDivisionError` message.
    public func applying(_ op: String, _ other: PyValue) throws -> PyValue {
        try PythonEvaluation.apply(op, self, other)
    }
}
