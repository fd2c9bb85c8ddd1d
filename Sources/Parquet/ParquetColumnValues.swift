import Foundation

/// The non-null values of one leaf column, in the column's physical type.
///
/// `INT96` and `FIXED_LEN_BYTE_ARRAY` values are kept as ``byteArrays(_:)`` of their raw bytes.
public enum ParquetColumnValues: Sendable, Hashable {
    case booleans([Bool])
    case int32s([Int32])
    case int64s([Int64])
    case floats([Float])
    case doubles([Double])
    case byteArrays(ParquetByteArrays)

    /// An empty value list for a physical type.
    init(empty type: ParquetPhysicalType) {
        switch type {
        case .boolean: self = .booleans([])
        case .int32: self = .int32s([])
        case .int64: self = .int64s([])
        case .float: self = .floats([])
        case .double: self = .doubles([])
        case .int96, .byteArray, .fixedLenByteArray: self = .byteArrays(ParquetByteArrays())
        }
    }

    /// The number of values.
    public var count: Int {
        switch self {
        case .booleans(let v): v.count
        case .int32s(let v): v.count
        case .int64s(let v): v.count
        case .floats(let v): v.count
        case .doubles(let v): v.count
        case .byteArrays(let v): v.count
        }
    }

    /// Appends `dictionary[index]` for each index, checking every index.
    mutating func appendGathering(_ indices: [Int32], from dictionary: ParquetColumnValues) throws {
        let size = dictionary.count
        var identity = count == 0 && indices.count == size
        for (position, index) in indices.enumerated() {
            if index < 0 || Int(index) >= size {
                throw ParquetFailure("dictionary index \(index) is outside the dictionary of \(size) values")
            }
            if Int(index) != position { identity = false }
        }
        // Columns of unique values (image bytes, ids) hold each dictionary entry once, in order: no copy needed.
        if identity {
            self = dictionary
            return
        }
        switch dictionary {
        case .booleans(let d): try modifyBooleans { $0 += indices.map { d[Int($0)] } }
        case .int32s(let d): try modifyInt32s { $0 += indices.map { d[Int($0)] } }
        case .int64s(let d): try modifyInt64s { $0 += indices.map { d[Int($0)] } }
        case .floats(let d): try modifyFloats { $0 += indices.map { d[Int($0)] } }
        case .doubles(let d): try modifyDoubles { $0 += indices.map { d[Int($0)] } }
        case .byteArrays(let d):
            try modifyByteArrays { values in
                var total = 0
                for index in indices { total += d.length(at: Int(index)) }
                values.reserve(values: indices.count, bytes: total)
                for index in indices { values.append(contentsOf: d[Int(index)]) }
            }
        }
    }

    // Each `modify…` moves the payload out of `self` first so that appending does not copy it.

    mutating func modifyBooleans(_ body: (inout [Bool]) throws -> Void) throws {
        guard case .booleans(var values) = self else { throw Self.mismatch }
        self = .int32s([])
        defer { self = .booleans(values) }
        try body(&values)
    }

    mutating func modifyInt32s(_ body: (inout [Int32]) throws -> Void) throws {
        guard case .int32s(var values) = self else { throw Self.mismatch }
        self = .booleans([])
        defer { self = .int32s(values) }
        try body(&values)
    }

    mutating func modifyInt64s(_ body: (inout [Int64]) throws -> Void) throws {
        guard case .int64s(var values) = self else { throw Self.mismatch }
        self = .booleans([])
        defer { self = .int64s(values) }
        try body(&values)
    }

    mutating func modifyFloats(_ body: (inout [Float]) throws -> Void) throws {
        guard case .floats(var values) = self else { throw Self.mismatch }
        self = .booleans([])
        defer { self = .floats(values) }
        try body(&values)
    }

    mutating func modifyDoubles(_ body: (inout [Double]) throws -> Void) throws {
        guard case .doubles(var values) = self else { throw Self.mismatch }
        self = .booleans([])
        defer { self = .doubles(values) }
        try body(&values)
    }

    mutating func modifyByteArrays(_ body: (inout ParquetByteArrays) throws -> Void) throws {
        guard case .byteArrays(var values) = self else { throw Self.mismatch }
        self = .booleans([])
        defer { self = .byteArrays(values) }
        try body(&values)
    }

    private static let mismatch = ParquetFailure("a page's values do not match the column's physical type")
}
