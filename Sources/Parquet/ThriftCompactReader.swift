/// A reader for the Thrift compact protocol, the encoding of Parquet's footer and page headers.
///
/// Only the parts Parquet uses are implemented: structs, lists, sets, maps, integers, doubles, booleans and
/// binary. Unknown fields are skipped, so files written by newer writers stay readable. Nesting is limited so
/// that a malicious file cannot exhaust the stack.
struct ThriftCompactReader {
    /// The compact protocol's type nibbles.
    enum FieldType: UInt8 {
        case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    var cursor: ByteCursor
    private var lastFieldIDs: [Int16] = []
    private var lastFieldID: Int16 = 0
    private static let maximumDepth = 64

    init(_ cursor: ByteCursor) {
        self.cursor = cursor
    }

    /// Reads a struct, calling `field` for every field with its id and type; `field` must consume the value
    /// (with the `read…` methods or ``skip(_:)``).
    mutating func readStruct(_ field: (inout ThriftCompactReader, Int16, FieldType) throws -> Void) throws {
        guard lastFieldIDs.count < Self.maximumDepth else { throw ParquetFailure("Thrift structs nest too deeply") }
        lastFieldIDs.append(lastFieldID)
        lastFieldID = 0
        while true {
            let header = try cursor.readByte()
            guard let type = FieldType(rawValue: header & 0x0F) else {
                throw ParquetFailure("unknown Thrift field type \(header & 0x0F)")
            }
            if type == .stop { break }
            let delta = Int16(header >> 4)
            if delta != 0 {
                lastFieldID &+= delta
            } else {
                let id = try cursor.readZigZag()
                guard let narrow = Int16(exactly: id) else { throw ParquetFailure("Thrift field id \(id) out of range") }
                lastFieldID = narrow
            }
            try field(&self, lastFieldID, type)
        }
        lastFieldID = lastFieldIDs.removeLast()
    }

    /// Reads a list header: the element type and count.
    mutating func readListHeader() throws -> (FieldType, Int) {
        let header = try cursor.readByte()
        var count = Int(header >> 4)
        if count == 15 { count = try cursor.readLength("a Thrift list size") }
        guard let type = FieldType(rawValue: header & 0x0F) else {
            throw ParquetFailure("unknown Thrift list element type \(header & 0x0F)")
        }
        // Each element takes at least one byte (except booleans packed in field headers, never in lists).
        guard count <= cursor.remaining else {
            throw ParquetFailure("a Thrift list claims \(count) elements but only \(cursor.remaining) bytes remain")
        }
        return (type, count)
    }

    /// Reads a list whose elements `element` decodes.
    mutating func readList<T>(_ element: (inout ThriftCompactReader, FieldType) throws -> T) throws -> [T] {
        let (type, count) = try readListHeader()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try element(&self, type)) }
        return result
    }

    /// Reads a list of structs, failing if the list holds anything else.
    mutating func readStructs<T>(_ element: (inout ThriftCompactReader) throws -> T) throws -> [T] {
        try readList { reader, type in
            guard type == .structure else { throw ParquetFailure("expected a list of Thrift structs, found \(type)") }
            return try element(&reader)
        }
    }

    mutating func readInt(_ type: FieldType) throws -> Int64 {
        switch type {
        case .byte: return Int64(Int8(bitPattern: try cursor.readByte()))
        case .i16, .i32, .i64: return try cursor.readZigZag()
        default: throw ParquetFailure("expected a Thrift integer, found \(type)")
        }
    }

    mutating func readInt32(_ type: FieldType) throws -> Int32 {
        let value = try readInt(type)
        guard let narrow = Int32(exactly: value) else { throw ParquetFailure("Thrift i32 value \(value) out of range") }
        return narrow
    }

    /// Reads an i32 that must be one of an enum's raw values.
    mutating func readEnum<T: RawRepresentable>(_ type: FieldType, _ what: String) throws -> T where T.RawValue == Int32 {
        let raw = try readInt32(type)
        guard let value = T(rawValue: raw) else { throw ParquetFailure("unknown \(what) \(raw) in the footer") }
        return value
    }

    mutating func readBool(_ type: FieldType) throws -> Bool {
        switch type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw ParquetFailure("expected a Thrift boolean, found \(type)")
        }
    }

    mutating func readBinary(_ type: FieldType) throws -> [UInt8] {
        guard type == .binary else { throw ParquetFailure("expected Thrift binary, found \(type)") }
        let length = try cursor.readLength("a Thrift string length")
        return try cursor.readBytes(length, "a Thrift string")
    }

    mutating func readString(_ type: FieldType) throws -> String {
        String(decoding: try readBinary(type), as: UTF8.self)
    }

    /// Skips a value of the given type.
    mutating func skip(_ type: FieldType) throws {
        try skip(type, depth: 0)
    }

    private mutating func skip(_ type: FieldType, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw ParquetFailure("Thrift values nest too deeply") }
        switch type {
        case .stop: throw ParquetFailure("unexpected Thrift stop marker")
        case .boolTrue, .boolFalse: break
        case .byte: _ = try cursor.take(1, "a Thrift byte")
        case .i16, .i32, .i64: _ = try cursor.readVarint()
        case .double: _ = try cursor.take(8, "a Thrift double")
        case .binary: _ = try cursor.take(try cursor.readLength("a Thrift binary length"), "Thrift binary")
        case .list, .set:
            let (elementType, count) = try readListHeader()
            for _ in 0..<count {
                // Booleans inside lists take one byte each.
                if elementType == .boolTrue || elementType == .boolFalse {
                    _ = try cursor.take(1, "a Thrift list boolean")
                } else {
                    try skip(elementType, depth: depth + 1)
                }
            }
        case .map:
            let count = try cursor.readLength("a Thrift map size")
            guard count > 0 else { return }
            let types = try cursor.readByte()
            guard let key = FieldType(rawValue: types >> 4), let value = FieldType(rawValue: types & 0x0F) else {
                throw ParquetFailure("unknown Thrift map element types")
            }
            guard count <= cursor.remaining else { throw ParquetFailure("a Thrift map is larger than its buffer") }
            for _ in 0..<count {
                try skip(key, depth: depth + 1)
                try skip(value, depth: depth + 1)
            }
        case .structure:
            try readStruct { reader, _, fieldType in try reader.skip(fieldType, depth: depth + 1) }
        }
    }
}
