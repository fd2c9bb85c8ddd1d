/// Rebuilds nested row values from leaf columns' definition and repetition levels (Dremel record assembly).
///
/// Each leaf column of a top-level field yields a partial value per row (the struct path down to that leaf);
/// the partial values of sibling leaves are merged, and `LIST`/`MAP` wrappers are then unwrapped as pyarrow does.
enum RecordAssembly {
    /// The value of `field` in every row, from the decoded chunks of all its leaves (in schema order).
    static func assemble(field: ParquetField, leaves: [ParquetColumnChunk], rowCount: Int) throws -> [ParquetValue] {
        var merged: [ParquetValue]?
        for leaf in leaves {
            let partial = try leafValues(leaf, rowCount: rowCount)
            if let existing = merged {
                merged = try zip(existing, partial).map { try merge($0, $1) }
            } else {
                merged = partial
            }
        }
        guard let merged else { throw ParquetFailure("field '\(field.name)' has no leaf columns") }
        return merged.map { normalize($0, field: field) }
    }

    /// One partial value per row from a single leaf.
    private static func leafValues(_ chunk: ParquetColumnChunk, rowCount: Int) throws -> [ParquetValue] {
        let descriptor = chunk.descriptor
        let entries = chunk.entryCount
        // Fast path: a flat column (no lists) has exactly one entry per row.
        if descriptor.maxRepetitionLevel == 0 && descriptor.nodes.count == 1 {
            guard entries == rowCount else { throw rowMismatch(entries, rowCount) }
            return try chunk.rowValues()
        }
        let defs = descriptor.maxDefinitionLevel > 0 ? chunk.definitionLevels : [UInt8](repeating: 0, count: entries)
        let reps = descriptor.maxRepetitionLevel > 0 ? chunk.repetitionLevels : [UInt8](repeating: 0, count: entries)
        guard reps.count == defs.count else {
            throw ParquetFailure("the column has \(reps.count) repetition but \(defs.count) definition levels")
        }
        var valueIndices = [Int](repeating: -1, count: entries)
        var next = 0
        for index in 0..<entries where Int(defs[index]) == descriptor.maxDefinitionLevel {
            valueIndices[index] = next
            next += 1
        }
        guard next == chunk.values.count else {
            throw ParquetFailure("the levels place \(next) values but the pages hold \(chunk.values.count)")
        }
        var levels = Levels(nodes: descriptor.nodes)
        levels.defs = defs
        levels.reps = reps
        levels.valueIndices = valueIndices
        var rows: [ParquetValue] = []
        rows.reserveCapacity(rowCount)
        var start = 0
        while start < entries {
            guard reps[start] == 0 else { throw ParquetFailure("a row starts with repetition level \(reps[start])") }
            var end = start + 1
            while end < entries && reps[end] != 0 { end += 1 }
            rows.append(try levels.build(node: 0, start..<end, chunk: chunk))
            start = end
        }
        guard rows.count == rowCount else { throw rowMismatch(rows.count, rowCount) }
        return rows
    }

    private static func rowMismatch(_ found: Int, _ expected: Int) -> ParquetFailure {
        ParquetFailure("the column holds \(found) rows but the row group has \(expected)")
    }

    /// The levels of one leaf and the cumulative definition/repetition level of each node on its path.
    private struct Levels {
        let nodes: [ParquetField]
        let definitionAt: [Int]
        let repetitionAt: [Int]
        var defs: [UInt8] = []
        var reps: [UInt8] = []
        var valueIndices: [Int] = []

        init(nodes: [ParquetField]) {
            self.nodes = nodes
            var def = 0, rep = 0
            var definitionAt: [Int] = [], repetitionAt: [Int] = []
            for node in nodes {
                if node.repetition != .required { def += 1 }
                if node.repetition == .repeated { rep += 1 }
                definitionAt.append(def)
                repetitionAt.append(rep)
            }
            self.definitionAt = definitionAt
            self.repetitionAt = repetitionAt
        }

        /// The value of node `node` for the entries in `range` (one occurrence of its parent).
        func build(node: Int, _ range: Range<Int>, chunk: ParquetColumnChunk) throws -> ParquetValue {
            let field = nodes[node]
            let absent = Int(defs[range.lowerBound]) < definitionAt[node]
            switch field.repetition {
            case .repeated:
                if absent { return .list([]) }
                var elements: [ParquetValue] = []
                var start = range.lowerBound
                for index in (range.lowerBound + 1)..<range.upperBound where Int(reps[index]) <= repetitionAt[node] {
                    elements.append(try instance(node: node, start..<index, chunk: chunk))
                    start = index
                }
                elements.append(try instance(node: node, start..<range.upperBound, chunk: chunk))
                return .list(elements)
            case .optional where absent:
                return .null
            default:
                return try instance(node: node, range, chunk: chunk)
            }
        }

        private func instance(node: Int, _ range: Range<Int>, chunk: ParquetColumnChunk) throws -> ParquetValue {
            if node == nodes.count - 1 {
                let index = valueIndices[range.lowerBound]
                guard index >= 0 else { throw ParquetFailure("repetition and definition levels disagree") }
                return chunk.value(at: index)
            }
            return .record([nodes[node + 1].name: try build(node: node + 1, range, chunk: chunk)])
        }
    }

    /// Merges the partial values of two sibling leaves.
    private static func merge(_ a: ParquetValue, _ b: ParquetValue) throws -> ParquetValue {
        switch (a, b) {
        case (.record(var left), .record(let right)):
            for (key, value) in right {
                left[key] = try left[key].map { try merge($0, value) } ?? value
            }
            return .record(left)
        case (.list(let left), .list(let right)) where left.count == right.count:
            return .list(try zip(left, right).map { try merge($0, $1) })
        case (.null, .null):
            return .null
        default:
            throw ParquetFailure("sibling columns disagree on a row's nesting")
        }
    }

    /// Unwraps `LIST` and `MAP` groups (`{list: [{element: x}]}` → `[x]`) and recurses into records.
    static func normalize(_ value: ParquetValue, field: ParquetField) -> ParquetValue {
        switch value {
        case .record(let fields) where field.annotation == .list || field.annotation == .map:
            guard field.children.count == 1, let repeated = field.children.first,
                  case .list(let elements)? = fields[repeated.name]
            else { return value }
            let unwrap = field.annotation == .list && repeated.isGroup && repeated.children.count == 1
                && repeated.name != "array" && repeated.name != field.name + "_tuple"
            return .list(elements.map { element in
                if unwrap, let inner = repeated.children.first, case .record(let r) = element, let v = r[inner.name] {
                    return normalize(v, field: inner)
                }
                return normalize(element, field: repeated)
            })
        case .record(let fields):
            var result: [String: ParquetValue] = [:]
            for (key, child) in fields {
                result[key] = field.children.first { $0.name == key }.map { normalize(child, field: $0) } ?? child
            }
            return .record(result)
        case .list(let elements) where field.repetition == .repeated:
            // A bare repeated field (no LIST wrapper): normalize each element as an instance of the field.
            var single = field
            single.repetition = .required
            return .list(elements.map { normalize($0, field: single) })
        default:
            return value
        }
    }
}
