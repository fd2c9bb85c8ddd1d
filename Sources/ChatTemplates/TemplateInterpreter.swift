import Foundation

/// Renders parsed statements with Jinja2's semantics (Python values, `for` loops with their own scope,
/// `namespace()` for state that outlives a loop iteration).
final class TemplateInterpreter {
    /// Variable frames, innermost last: the globals, then one per loop iteration or macro call.
    var scopes: [Value.Dictionary]
    private var output = ""
    let now: Date

    /// How a body finished: normally or through `break` / `continue`.
    private enum Flow { case normal, breakLoop, continueLoop }

    init(globals: Value.Dictionary, now: Date) {
        self.scopes = [globals]
        self.now = now
    }

    /// Renders statements and returns the text.
    func render(_ statements: [Statement]) throws -> String {
        _ = try execute(statements)
        return output
    }

    func lookup(_ name: String) -> Value {
        for scope in scopes.reversed() { if let value = scope[name] { return value } }
        return builtinGlobal(name) ?? .undefined(name)
    }

    private func execute(_ statements: [Statement]) throws -> Flow {
        for statement in statements {
            switch statement {
            case .text(let text):
                output += text
            case .output(let expression):
                output += try evaluate(expression).text
            case .ifChain(let branches, let otherwise):
                var chosen = otherwise
                for branch in branches {
                    if try evaluate(branch.condition).truthy {
                        chosen = branch.body
                        break
                    }
                }
                let flow = try execute(chosen)
                if flow != .normal { return flow }
            case .forLoop(let targets, let iterable, let filter, let body, let otherwise, let line):
                try runLoop(targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise, line: line)
            case .set(let target, let attribute, let expression, let line):
                let value = try evaluate(expression)
                if let attribute {
                    guard case .namespace(let namespace) = lookup(target) else {
                        throw ChatTemplateError.render("cannot set \(attribute) on \(target), which is not a namespace", line: line)
                    }
                    namespace.attributes[attribute] = value
                } else {
                    scopes[scopes.count - 1][target] = value
                }
            case .setBlock(let target, let body):
                let saved = output
                output = ""
                _ = try execute(body)
                scopes[scopes.count - 1][target] = .string(output)
                output = saved
            case .macro(let name, let parameters, let body):
                scopes[scopes.count - 1][name] = .callable(makeMacro(name: name, parameters: parameters, body: body))
            case .breakLoop:
                return .breakLoop
            case .continueLoop:
                return .continueLoop
            }
        }
        return .normal
    }

    private func runLoop(targets: [String], iterable: Expression, filter: Expression?, body: [Statement],
                         otherwise: [Statement], line: Int) throws {
        var items = try evaluate(iterable).iterated(line: line)
        if let filter {
            items = try items.filter { item in
                scopes.append(try bind(targets, to: item, line: line))
                defer { scopes.removeLast() }
                return try evaluate(filter).truthy
            }
        }
        if items.isEmpty {
            _ = try execute(otherwise)
            return
        }
        for (position, item) in items.enumerated() {
            var frame = try bind(targets, to: item, line: line)
            var loop = Value.Dictionary()
            loop["index"] = .int(position + 1)
            loop["index0"] = .int(position)
            loop["revindex"] = .int(items.count - position)
            loop["revindex0"] = .int(items.count - position - 1)
            loop["first"] = .bool(position == 0)
            loop["last"] = .bool(position == items.count - 1)
            loop["length"] = .int(items.count)
            loop["previtem"] = position > 0 ? items[position - 1] : .undefined("loop.previtem")
            loop["nextitem"] = position + 1 < items.count ? items[position + 1] : .undefined("loop.nextitem")
            frame["loop"] = .object(loop)
            scopes.append(frame)
            let flow = try execute(body)
            scopes.removeLast()
            if flow == .breakLoop { break }
        }
    }

    private func bind(_ targets: [String], to item: Value, line: Int) throws -> Value.Dictionary {
        var frame = Value.Dictionary()
        if targets.count == 1 {
            frame[targets[0]] = item
            return frame
        }
        guard case .array(let parts) = item, parts.count == targets.count else {
            throw ChatTemplateError.render("cannot unpack \(item.typeName) into \(targets.joined(separator: ", "))", line: line)
        }
        for (name, part) in zip(targets, parts) { frame[name] = part }
        return frame
    }

    private func makeMacro(name: String, parameters: [(String, Expression?)], body: [Statement]) -> Value.Callable {
        Value.Callable(name) { [unowned self] arguments, keywords in
            var frame = Value.Dictionary()
            for (position, (parameter, defaultValue)) in parameters.enumerated() {
                if position < arguments.count {
                    frame[parameter] = arguments[position]
                } else if let keyword = keywords.first(where: { $0.0 == parameter }) {
                    frame[parameter] = keyword.1
                } else if let defaultValue {
                    frame[parameter] = try self.evaluate(defaultValue)
                } else {
                    frame[parameter] = .undefined(parameter)
                }
            }
            let savedScopes = self.scopes
            let savedOutput = self.output
            self.scopes = [savedScopes[0], frame]
            self.output = ""
            defer {
                self.scopes = savedScopes
                self.output = savedOutput
            }
            _ = try self.execute(body)
            return .string(self.output)
        }
    }
}
