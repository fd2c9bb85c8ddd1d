extension GGUFFile {
    /// Reads one metadata value of the given type tag.
    static func readValue(_ reader: inout ByteReader, rawType: UInt32, key: String, depth: Int) throws -> GGUFValue {
        guard let type = GGUFValueType(rawValue: rawType) else {
            throw reader.error("metadata `\(key)` has unknown value type \(rawType)", at: reader.offset - 4)
        }
        switch type {
        case .uint8: return .uint8(try reader.read(UInt8.self, "`\(key)`"))
        case .int8: return .int8(try reader.read(Int8.self, "`\(key)`"))
        case .uint16: return .uint16(try reader.read(UInt16.self, "`\(key)`"))
        case .int16: return .int16(try reader.read(Int16.self, "`\(key)`"))
        case .uint32: return .uint32(try reader.read(UInt32.self, "`\(key)`"))
        case .int32: return .int32(try reader.read(Int32.self, "`\(key)`"))
        case .uint64: return .uint64(try reader.read(UInt64.self, "`\(key)`"))
        case .int64: return .int64(try reader.read(Int64.self, "`\(key)`"))
        case .float32: return .float32(try reader.readFloat("`\(key)`"))
        case .float64: return .float64(try reader.readDouble("`\(key)`"))
        case .bool: return .bool(try readBool(&reader, key: key))
        case .string: return .string(try reader.readString("`\(key)`"))
        case .array: return .array(try readArray(&reader, key: key, depth: depth + 1))
        }
    }

    private static func readBool(_ reader: inout ByteReader, key: String) throws -> Bool {
        let position = reader.offset
        let byte = try reader.read(UInt8.self, "`\(key)`")
        guard byte <= 1 else { throw reader.error("metadata `\(key)` is a bool with byte value \(byte)", at: position) }
        return byte == 1
    }

    static func readArray(_ reader: inout ByteReader, key: String, depth: Int) throws -> GGUFArray {
        guard depth <= maximumArrayDepth else {
            throw reader.error("metadata `\(key)` nests arrays deeper than \(maximumArrayDepth) levels")
        }
        let typeOffset = reader.offset
        let rawType = try reader.read(UInt32.self, "the element type of `\(key)`")
        guard let type = GGUFValueType(rawValue: rawType) else {
            throw reader.error("metadata array `\(key)` has unknown element type \(rawType)", at: typeOffset)
        }
        let minimum: Int = switch type {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64, .string: 8
        case .array: 12
        }
        let count = try reader.readCount("the element count of `\(key)`", minimumElementSize: minimum)
        let what = "the elements of `\(key)`"
        switch type {
        case .uint8: return .uint8(try reader.readArray(UInt8.self, count: count, what))
        case .int8: return .int8(try reader.readArray(Int8.self, count: count, what))
        case .uint16: return .uint16(try reader.readArray(UInt16.self, count: count, what))
        case .int16: return .int16(try reader.readArray(Int16.self, count: count, what))
        case .uint32: return .uint32(try reader.readArray(UInt32.self, count: count, what))
        case .int32: return .int32(try reader.readArray(Int32.self, count: count, what))
        case .uint64: return .uint64(try reader.readArray(UInt64.self, count: count, what))
        case .int64: return .int64(try reader.readArray(Int64.self, count: count, what))
        case .float32: return .float32(try reader.readArray(UInt32.self, count: count, what).map(Float.init(bitPattern:)))
        case .float64: return .float64(try reader.readArray(UInt64.self, count: count, what).map(Double.init(bitPattern:)))
        case .bool:
            var out: [Bool] = []
            out.reserveCapacity(count)
            for _ in 0..<count { out.append(try readBool(&reader, key: key)) }
            return .bool(out)
        case .string:
            var out: [String] = []
            out.reserveCapacity(count)
            for i in 0..<count { out.append(try reader.readString("element \(i) of `\(key)`")) }
            return .string(out)
        case .array:
            var out: [GGUFArray] = []
            out.reserveCapacity(count)
            for _ in 0..<count { out.append(try readArray(&reader, key: key, depth: depth + 1)) }
            return .array(out)
        }
    }
}
