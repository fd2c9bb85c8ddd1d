/// Object and array creation and the types they name (`new HashMap<String, List<Integer>>() {{…}}`, `new int[]{1, 2}`).
extension JavaParser {
    /// `new T(args) {body}?` or `new T[]…{…}` / `new T[n]`.
    mutating func creation() throws -> JavaNode {
        let newToken = leaf(next())
        let type = try type(allowArrays: false)
        if isOp("[") {
            var dims: [JavaNode] = []
            var sized = false
            while isOp("[") {
                dims.append(leaf(next()))
                if !isOp("]") { dims.append(try expression()); sized = true }
                dims.append(try expect("]"))
            }
            var value: JavaNode?
            if isOp("{") { value = try arrayInitializer() } else if !sized { throw Failure(description: "array creation without size or initializer") }
            let end = value?.end ?? dims.last!.end
            return JavaNode(kind: .arrayCreation(type: type, value: value), start: newToken.start, end: end,
                            children: [newToken, type] + dims + (value.map { [$0] } ?? []))
        }
        let (arguments, close) = try argumentList()
        var end = close
        var children = [newToken, type] + arguments
        if isOp("{") {
            let body = try block()
            end = body.end
            children.append(body)
        }
        return JavaNode(kind: .objectCreation(type: type, arguments: arguments), start: newToken.start, end: end, children: children)
    }

    mutating func arrayInitializer() throws -> JavaNode {
        var nodes = [try expect("{")]
        while !isOp("}") {
            nodes.append(isOp("{") ? try arrayInitializer() : try expression())
            if isOp(",") { nodes.append(leaf(next())) } else { break }
        }
        nodes.append(try expect("}"))
        return .composite(nodes)
    }

    /// A type: `a.b.C<D, E<F>>`, a primitive, optionally `[]` dimensions.
    mutating func type(allowArrays: Bool = true) throws -> JavaNode {
        if isOp("?") {
            var nodes = [leaf(next())]
            if peek.kind == .identifier, peek.text == "extends" || peek.text == "super" { nodes.append(leaf(next())); nodes.append(try type()) }
            return .composite(nodes)
        }
        guard peek.kind == .identifier else { throw Failure(description: "expected a type, found '\(peek.text)'") }
        var nodes = [leaf(next(), .typeIdentifier)]
        while true {
            if isOp("<") { nodes.append(try typeArguments()); continue }
            if isOp("."), peek(1).kind == .identifier {
                nodes.append(leaf(next()))
                nodes.append(leaf(next(), .typeIdentifier))
                continue
            }
            break
        }
        if allowArrays {
            while isOp("["), peek(1).kind == .op, peek(1).text == "]" { nodes.append(leaf(next())); nodes.append(leaf(next())) }
        }
        return nodes.count == 1 ? nodes[0] : .composite(nodes)
    }

    mutating func typeArguments() throws -> JavaNode {
        var nodes = [try expect("<")]
        while !closesTypeArguments() {
            nodes.append(try type())
            if isOp(",") { nodes.append(leaf(next())) } else { break }
        }
        guard closesTypeArguments() else { throw Failure(description: "expected '>'") }
        nodes.append(splitClosingAngle())
        return .composite(nodes)
    }

    func closesTypeArguments() -> Bool {
        peek.kind == .op && (peek.text == ">" || peek.text == ">>" || peek.text == ">>>" || peek.text == ">=" || peek.text == ">>=")
    }

    /// Takes one `>` off the current token (`>>` closes two type-argument lists).
    mutating func splitClosingAngle() -> JavaNode {
        let t = tokens[position]
        if t.text == ">" { return leaf(next()) }
        tokens[position] = Token(kind: .op, text: String(t.text.dropFirst()), start: t.start + 1, end: t.end)
        return JavaNode(kind: .token, start: t.start, end: t.start + 1, children: [])
    }
}
