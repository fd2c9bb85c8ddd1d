import Foundation
import ProctorCore

/// One leaf column of one row group, decoded: its non-null values plus the definition and repetition levels
/// that place them in rows (Dremel's encoding of nulls and lists).
public struct ParquetColumnChunk: Sendable, Hashable {
    /// The column.
    public var descriptor: ParquetColumnDescriptor
    /// The non-null values, in order.
    public internal(set) var values: ParquetColumnValues
    /// One definition level per entry; empty when the column cannot be null (max level 0).
    public internal(set) var definitionLevels: [UInt8] = []
    /// One repetition level per entry; empty when the column is not inside a list (max level 0).
    public internal(set) var repetitionLevels: [UInt8] = []

    init(descriptor: ParquetColumnDescriptor) {
        self.descriptor = descriptor
        self.values = ParquetColumnValues(empty: descriptor.physicalType)
    }

    /// The number of entries (values and nulls).
    public var entryCount: Int {
        descriptor.maxDefinitionLevel > 0 ? definitionLevels.count : values.count
    }

    /// Whether values are UTF-8 strings (a `STRING`, `ENUM` or `JSON` annotation) rather than raw bytes.
    public var holdsStrings: Bool {
        descriptor.nodes.last?.annotation == .string
    }

    /// Value `index` of ``values`` as a ``ParquetValue``.
    public func value(at index: Int) -> ParquetValue {
        switch values {
        case .booleans(let v): .bool(v[index])
        case .int32s(let v): .int(Int64(v[index]))
        case .int64s(let v): .int(v[index])
        case .floats(let v): .double(Double(v[index]))
        case .doubles(let v): .double(v[index])
        case .byteArrays(let v): holdsStrings ? .string(v.string(at: index)) : .bytes(v.data(at: index))
        }
    }

    /// One value per row for a column outside any list: the value, or `.null` where the leaf or any of its
    /// parents is null.
    ///
    /// - Throws: ``ProctorCore/ProctorError`` (unsupported) for a column inside a list; read those with
    ///   ``ParquetFile/readRows(rowGroup:columns:)``.
    public func rowValues() throws -> [ParquetValue] {
        guard descriptor.maxRepetitionLevel == 0 else {
            throw ProctorError(
                .unsupported,
                "Parquet column '\(descriptor.dottedPath)' is inside a list: read it with ParquetFile.readRows instead.")
        }
        guard descriptor.maxDefinitionLevel > 0 else { return (0..<values.count).map(value(at:)) }
        var result: [ParquetValue] = []
        result.reserveCapacity(definitionLevels.count)
        var next = 0
        let maxLevel = UInt8(descriptor.maxDefinitionLevel)
        for level in definitionLevels {
            if level == maxLevel {
                result.append(value(at: next))
                next += 1
            } else {
                result.append(.null)
            }
        }
        return result
    }
}
