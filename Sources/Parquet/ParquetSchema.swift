/// A field of a Parquet schema: a primitive leaf or a group of fields.
public struct ParquetField: Sendable, Hashable {
    /// How a field is annotated beyond its physical type, as far as the reader interprets it.
    public enum Annotation: Sendable, Hashable {
        case none, string, list, map, other
    }

    /// The field's name.
    public var name: String
    /// Whether the field is required, optional or repeated.
    public var repetition: ParquetRepetition
    /// The physical type of a leaf; `nil` for a group.
    public var physicalType: ParquetPhysicalType?
    /// The length of `FIXED_LEN_BYTE_ARRAY` values.
    public var typeLength: Int
    /// The logical annotation (UTF-8 string, LIST, MAP, …).
    public var annotation: Annotation
    /// The fields of a group (empty for a leaf).
    public var children: [ParquetField]

    /// Whether the field is a group of fields.
    public var isGroup: Bool { physicalType == nil }
}

/// A leaf column: its path from the root and the maximum definition and repetition levels of its values.
public struct ParquetColumnDescriptor: Sendable, Hashable {
    /// The field names from the top-level field to the leaf (`["image_1", "bytes"]`).
    public var path: [String]
    /// The leaf's physical type.
    public var physicalType: ParquetPhysicalType
    /// The length of `FIXED_LEN_BYTE_ARRAY` values.
    public var typeLength: Int
    /// The definition level of a present (non-null) value.
    public var maxDefinitionLevel: Int
    /// The repetition level of the innermost repeated field on the path.
    public var maxRepetitionLevel: Int
    /// The fields along the path, top-level first (the leaf last).
    var nodes: [ParquetField]

    /// The dotted path, as pyarrow prints it (`image_1.bytes`).
    public var dottedPath: String { path.joined(separator: ".") }
}

/// The schema of a Parquet file: the top-level fields and the leaf columns in file order.
public struct ParquetSchema: Sendable, Hashable {
    /// The top-level fields (the root group's children).
    public var fields: [ParquetField]
    /// The leaf columns, in the order their chunks appear in each row group.
    public var columns: [ParquetColumnDescriptor]

    /// Builds the tree from the footer's depth-first list of schema elements.
    init(elements: [SchemaElement]) throws {
        guard let root = elements.first else { throw ParquetFailure("the schema is empty") }
        var index = 1
        var fields: [ParquetField] = []
        for _ in 0..<root.childCount {
            fields.append(try Self.field(elements, &index, depth: 1))
        }
        guard index == elements.count else {
            throw ParquetFailure("the schema lists \(elements.count) elements but its tree uses \(index)")
        }
        self.fields = fields
        var columns: [ParquetColumnDescriptor] = []
        for field in fields { Self.collectLeaves(field, parents: [], into: &columns) }
        self.columns = columns
    }

    private static func field(_ elements: [SchemaElement], _ index: inout Int, depth: Int) throws -> ParquetField {
        guard depth < 64 else { throw ParquetFailure("the schema nests more than 64 levels") }
        guard index < elements.count else { throw ParquetFailure("the schema tree is missing elements") }
        let element = elements[index]
        index += 1
        var children: [ParquetField] = []
        if element.type == nil {
            guard element.childCount > 0, element.childCount <= elements.count - index else {
                throw ParquetFailure("schema group '\(element.name)' claims \(element.childCount) children")
            }
            for _ in 0..<element.childCount {
                children.append(try field(elements, &index, depth: depth + 1))
            }
        }
        return ParquetField(
            name: element.name, repetition: element.repetition, physicalType: element.type,
            typeLength: Int(element.typeLength), annotation: annotation(element), children: children)
    }

    private static func annotation(_ element: SchemaElement) -> ParquetField.Annotation {
        switch (element.logicalType, element.convertedType) {
        case (1?, _), (4?, _), (12?, _), (nil, 0?), (nil, 4?), (nil, 19?): .string  // STRING, ENUM, JSON
        case (3?, _), (nil, 3?): .list
        case (2?, _), (nil, 1?), (nil, 2?): .map
        case (nil, nil): .none
        default: .other
        }
    }

    private static func collectLeaves(
        _ field: ParquetField, parents: [ParquetField], into columns: inout [ParquetColumnDescriptor]
    ) {
        let nodes = parents + [field]
        if let type = field.physicalType {
            columns.append(ParquetColumnDescriptor(
                path: nodes.map(\.name), physicalType: type, typeLength: field.typeLength,
                maxDefinitionLevel: nodes.filter { $0.repetition != .required }.count,
                maxRepetitionLevel: nodes.filter { $0.repetition == .repeated }.count,
                nodes: nodes))
        } else {
            for child in field.children { collectLeaves(child, parents: nodes, into: &columns) }
        }
    }

    /// The leaf column with the given dotted path (`"image_1.bytes"`), if any.
    public func column(_ dottedPath: String) -> ParquetColumnDescriptor? {
        columns.first { $0.dottedPath == dottedPath }
    }
}
