import Foundation

/// Expression evaluation: names, attribute and item access, calls, operators.
extension TemplateInterpreter {
    func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .literal(let literal, _):
            switch literal {
            case .none: return .none
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .double(let d): return .double(d)
            case .string(let s): return .string(s)
            }
        case .name(let name, _):
            return lookup(name)
        case .list(let items, _):
            return .array(try items.map(evaluate))
        case .dict(let pairs, let line):
            var dictionary = Value.Dictionary()
            for (key, value) in pairs {
                guard case .string(let name) = try evaluate(key) else {
                    throw ChatTemplateError.unsupported("a dict literal with non-string keys", line: line)
                }
                dictionary[name] = try evaluate(value)
            }
            return .object(dictionary)
        case .attribute(let base, let name, let line):
            return try attribute(of: evaluate(base), name, line: line)
        case .subscript_(let base, let key, let line):
            return try item(of: evaluate(base), evaluate(key), line: line)
        case .slice(let base, let start, let stop, let step, let line):
            return try slice(evaluate(base), start: start.map(evaluate), stop: stop.map(evaluate), step: step.map(evaluate), line: line)
        case .call(let callee, let arguments, let keywords, let line):
            let function = try evaluate(callee)
            guard case .callable(let callable) = function else {
                throw ChatTemplateError.render("\(function.typeName) is not callable", line: line)
            }
            return try callable.call(arguments.map(evaluate), keywords.map { ($0.0, try evaluate($0.1)) })
        case .filter(let base, let name, let arguments, let keywords, let line):
            return try applyFilter(name, to: evaluate(base), arguments: arguments.map(evaluate),
                                   keywords: keywords.map { ($0.0, try evaluate($0.1)) }, line: line)
        case .test(let base, let name, let arguments, let negated, let line):
            let result = try applyTest(name, to: evaluate(base), arguments: arguments.map(evaluate), line: line)
            return .bool(result != negated)
        case .unary(let op, let operand, let line):
            let value = try evaluate(operand)
            if op == "not" { return .bool(!value.truthy) }
            switch value {
            case .int(let i): return .int(-i)
            case .double(let d): return .double(-d)
            default: throw ChatTemplateError.render("cannot negate a \(value.typeName)", line: line)
            }
        case .binary(let op, let left, let right, let line):
            if op == "and" {
                let l = try evaluate(left)
                return l.truthy ? try evaluate(right) : l
            }
            if op == "or" {
                let l = try evaluate(left)
                return l.truthy ? l : try evaluate(right)
            }
            return try binary(op, evaluate(left), evaluate(right), line: line)
        case .conditional(let value, let condition, let otherwise, _):
            if try evaluate(condition).truthy { return try evaluate(value) }
            return try otherwise.map(evaluate) ?? .undefined("else branch")
        }
    }

    /// `base.name`: dict methods first (as Python's getattr), then keys; string methods; namespace attributes.
    func attribute(of base: Value, _ name: String, line: Int) throws -> Value {
        switch base {
        case .object(let dictionary):
            if let method = dictionaryMethod(dictionary, name) { return method }
            return dictionary[name] ?? .undefined(name)
        case .namespace(let namespace):
            return namespace.attributes[name] ?? .undefined(name)
        case .string(let text):
            if let method = stringMethod(text, name, line: line) { return method }
            return .undefined(name)
        case .undefined(let what):
            throw ChatTemplateError.render("\(what) is undefined, so it has no attribute \(name)", line: line)
        default:
            return .undefined(name)
        }
    }

    /// `base[key]`: dict keys (then attributes), list and string indices (negative from the end).
    func item(of base: Value, _ key: Value, line: Int) throws -> Value {
        switch (base, key) {
        case (.object(let dictionary), .string(let name)):
            if let value = dictionary[name] { return value }
            return try attribute(of: base, name, line: line)
        case (.array(let items), .int(let position)):
            let index = position < 0 ? items.count + position : position
            return items.indices.contains(index) ? items[index] : .undefined("index \(position)")
        case (.string(let text), .int(let position)):
            let characters = Array(text.unicodeScalars)
            let index = position < 0 ? characters.count + position : position
            return characters.indices.contains(index) ? .string(String(characters[index])) : .undefined("index \(position)")
        case (.namespace, .string(let name)):
            return try attribute(of: base, name, line: line)
        case (.undefined(let what), _):
            throw ChatTemplateError.render("\(what) is undefined, so it cannot be indexed", line: line)
        default:
            return .undefined("item")
        }
    }

    /// Python slicing of lists and strings.
    func slice(_ base: Value, start: Value?, stop: Value?, step: Value?, line: Int) throws -> Value {
        func integer(_ value: Value?) throws -> Int? {
            switch value {
            case nil, .none?: return nil
            case .int(let i)?: return i
            default: throw ChatTemplateError.render("slice bounds must be integers", line: line)
            }
        }
        let stride = try integer(step) ?? 1
        guard stride != 0 else { throw ChatTemplateError.render("slice step cannot be zero", line: line) }
        func indices(count: Int) throws -> [Int] {
            func clamp(_ v: Int?, _ fallback: Int) -> Int {
                guard let v else { return fallback }
                let adjusted = v < 0 ? v + count : v
                return stride > 0 ? min(max(adjusted, 0), count) : min(max(adjusted, -1), count - 1)
            }
            let from = clamp(try integer(start), stride > 0 ? 0 : count - 1)
            let to = clamp(try integer(stop), stride > 0 ? count : -1)
            return Array(Swift.stride(from: from, to: to, by: stride))
        }
        switch base {
        case .array(let items):
            return .array(try indices(count: items.count).map { items[$0] })
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            for index in try indices(count: scalars.count) { view.append(scalars[index]) }
            return .string(String(view))
        default:
            throw ChatTemplateError.render("cannot slice a \(base.typeName)", line: line)
        }
    }

    /// Arithmetic, concatenation, comparison and membership.
    func binary(_ op: String, _ left: Value, _ right: Value, line: Int) throws -> Value {
        switch op {
        case "~":
            return .string(left.text + right.text)
        case "==":
            return .bool(Value.equal(left, right))
        case "!=":
            return .bool(!Value.equal(left, right))
        case "in":
            switch right {
            case .string(let text):
                guard case .string(let needle) = left else { throw ChatTemplateError.render("'in <string>' needs a string on the left", line: line) }
                return .bool(needle.isEmpty || text.contains(needle))
            case .array(let items): return .bool(items.contains { Value.equal($0, left) })
            case .object(let dictionary):
                if case .string(let key) = left { return .bool(dictionary[key] != nil) }
                return .bool(false)
            case .undefined: return .bool(false)
            default: throw ChatTemplateError.render("cannot test membership in a \(right.typeName)", line: line)
            }
        case "<", ">", "<=", ">=":
            let order: Int
            if let l = left.number, let r = right.number {
                order = l < r ? -1 : (l > r ? 1 : 0)
            } else if case .string(let l) = left, case .string(let r) = right {
                order = l.unicodeScalars.lexicographicallyPrecedes(r.unicodeScalars) ? -1 : (l == r ? 0 : 1)
            } else {
                throw ChatTemplateError.render("cannot compare \(left.typeName) with \(right.typeName)", line: line)
            }
            switch op {
            case "<": return .bool(order < 0)
            case ">": return .bool(order > 0)
            case "<=": return .bool(order <= 0)
            default: return .bool(order >= 0)
            }
        case "+":
            switch (left, right) {
            case (.string(let l), .string(let r)): return .string(l + r)
            case (.array(let l), .array(let r)): return .array(l + r)
            default: break
            }
        case "*":
            if case .string(let text) = left, case .int(let count) = right { return .string(String(repeating: text, count: max(count, 0))) }
            if case .array(let items) = left, case .int(let count) = right { return .array(Array(repeating: items, count: max(count, 0)).flatMap { $0 }) }
        default:
            break
        }
        return try arithmetic(op, left, right, line: line)
    }

    private func arithmetic(_ op: String, _ left: Value, _ right: Value, line: Int) throws -> Value {
        let integers: (Int, Int)? = {
            switch (left, right) {
            case (.int(let l), .int(let r)): (l, r)
            case (.bool(let l), .int(let r)): (l ? 1 : 0, r)
            case (.int(let l), .bool(let r)): (l, r ? 1 : 0)
            default: nil
            }
        }()
        guard let l = left.number, let r = right.number else {
            throw ChatTemplateError.render("cannot apply \(op) to \(left.typeName) and \(right.typeName)", line: line)
        }
        if (op == "/" || op == "//" || op == "%") && r == 0 { throw ChatTemplateError.render("division by zero", line: line) }
        if let (a, b) = integers {
            // Python integers do not overflow; on overflow fall through to floating point.
            let exact: (Int, Bool)? = switch op {
            case "+": a.addingReportingOverflow(b)
            case "-": a.subtractingReportingOverflow(b)
            case "*": a.multipliedReportingOverflow(by: b)
            case "//": (Int((Double(a) / Double(b)).rounded(.down)), false)
            case "%": (((a % b) + b) % b, false)
            case "**" where b >= 0 && pow(Double(a), Double(b)).magnitude < 9e15: (Int(pow(Double(a), Double(b))), false)
            default: nil
            }
            if let (value, overflow) = exact, !overflow { return .int(value) }
        }
        switch op {
        case "+": return .double(l + r)
        case "-": return .double(l - r)
        case "*": return .double(l * r)
        case "/": return .double(l / r)
        case "//": return .double((l / r).rounded(.down))
        case "%": return .double(l - r * (l / r).rounded(.down))
        case "**": return .double(pow(l, r))
        default: throw ChatTemplateError.unsupported("the operator \(op)", line: line)
        }
    }
}
