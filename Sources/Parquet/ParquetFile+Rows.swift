import ProctorCore

extension ParquetFile {
    /// Reads the rows of one row group.
    ///
    /// - Parameters:
    ///   - rowGroup: The row group index.
    ///   - columns: The top-level fields to read (`["id", "image_1"]`); `nil` reads every field. Only the column
    ///     chunks of the named fields are read from disk.
    /// - Returns: One ``ParquetRow`` per row, holding the requested fields.
    /// - Throws: ``ProctorCore/ProctorError`` naming the file, row group and column when the data is corrupt, or
    ///   `.invalidArgument` for an unknown field name.
    public func readRows(rowGroup: Int, columns: [String]? = nil) throws -> [ParquetRow] {
        let fields = try selectedFields(columns)
        let rowCount = rowCount(rowGroup: rowGroup)
        var valuesByField: [(String, [ParquetValue])] = []
        for field in fields {
            var leaves: [ParquetColumnChunk] = []
            for (index, column) in schema.columns.enumerated() where column.path.first == field.name {
                leaves.append(try readColumn(index: index, rowGroup: rowGroup))
            }
            let values = try ProctorError.naming(file: name, column: field.name, rowGroup: rowGroup) {
                try RecordAssembly.assemble(field: field, leaves: leaves, rowCount: rowCount)
            }
            valuesByField.append((field.name, values))
        }
        let names = fields.map(\.name)
        return (0..<rowCount).map { row in
            var values: [String: ParquetValue] = [:]
            values.reserveCapacity(valuesByField.count)
            for (name, column) in valuesByField { values[name] = column[row] }
            return ParquetRow(fieldNames: names, values: values)
        }
    }

    /// Reads every row of the file, one row group at a time.
    ///
    /// - Parameter columns: The top-level fields to read; `nil` reads every field.
    /// - Returns: All rows in file order.
    /// - Throws: ``ProctorCore/ProctorError`` as ``readRows(rowGroup:columns:)`` does.
    public func readRows(columns: [String]? = nil) throws -> [ParquetRow] {
        var rows: [ParquetRow] = []
        rows.reserveCapacity(rowCount)
        try forEachRow(columns: columns) { rows.append($0) }
        return rows
    }

    /// Calls `body` with every row, reading one row group at a time (only one group's data is in memory).
    ///
    /// - Parameters:
    ///   - columns: The top-level fields to read; `nil` reads every field.
    ///   - body: Called once per row, in file order; throwing stops the iteration.
    /// - Throws: ``ProctorCore/ProctorError`` for corrupt data, or whatever `body` throws.
    public func forEachRow(columns: [String]? = nil, _ body: (ParquetRow) throws -> Void) throws {
        for group in 0..<rowGroupCount {
            for row in try readRows(rowGroup: group, columns: columns) { try body(row) }
        }
    }

    /// Reads one flat column (outside any list) of every row group as one value per row.
    ///
    /// - Parameter dottedPath: The leaf column's dotted path (`"id"`, `"image_1.path"`).
    /// - Returns: One value per row (`.null` where the value or a parent struct is null).
    /// - Throws: ``ProctorCore/ProctorError`` for corrupt data, unknown columns, or columns inside lists.
    public func readColumnValues(_ dottedPath: String) throws -> [ParquetValue] {
        var result: [ParquetValue] = []
        for group in 0..<rowGroupCount {
            let chunk = try readColumn(dottedPath, rowGroup: group)
            let values = try chunk.rowValues()
            guard values.count == rowCount(rowGroup: group) else {
                throw ProctorError.parquet(
                    ParquetFailure("the column holds \(values.count) rows but the row group has \(rowCount(rowGroup: group))"),
                    file: name, column: dottedPath, rowGroup: group)
            }
            result += values
        }
        return result
    }

    private func selectedFields(_ names: [String]?) throws -> [ParquetField] {
        guard let names else { return schema.fields }
        guard !names.isEmpty else {
            throw ProctorError(.invalidArgument, "Reading rows of Parquet file \(name) needs at least one field name.")
        }
        return try names.map { name in
            guard let field = schema.fields.first(where: { $0.name == name }) else {
                let known = schema.fields.map(\.name).joined(separator: ", ")
                throw ProctorError(.invalidArgument, "Parquet file \(self.name) has no field '\(name)' (fields: \(known)).")
            }
            return field
        }
    }
}
