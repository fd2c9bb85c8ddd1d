/// The type tag of a GGUF metadata value (`gguf_metadata_value_type`).
public enum GGUFValueType: UInt32, Sendable, Hashable, CaseIterable {
    case uint8 = 0, int8 = 1, uint16 = 2, int16 = 3, uint32 = 4, int32 = 5, float32 = 6, bool = 7, string = 8
    case array = 9, uint64 = 10, int64 = 11, float64 = 12
}

/// One GGUF metadata value.
public enum GGUFValue: Sendable, Hashable {
    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16), uint32(UInt32), int32(Int32)
    case uint64(UInt64), int64(Int64), float32(Float), float64(Double), bool(Bool), string(String)
    /// An array (stored with one Swift array per element type, so a 262,144-entry vocabulary stays compact).
    case array(GGUFArray)

    /// The value's type tag.
    public var type: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .uint64: .uint64
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .bool: .bool
        case .string: .string
        case .array: .array
        }
    }

    /// The value as an integer, if it is one of the integer types (any width, any sign) and fits in `Int`.
    public var intValue: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(v)
        default: nil
        }
    }

    /// The value as a floating-point number, if it is a float or an integer.
    public var doubleValue: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: intValue.map(Double.init)
        }
    }
}

/// A GGUF metadata array: the elements of one type, possibly nested arrays.
public enum GGUFArray: Sendable, Hashable {
    case uint8([UInt8]), int8([Int8]), uint16([UInt16]), int16([Int16]), uint32([UInt32]), int32([Int32])
    case uint64([UInt64]), int64([Int64]), float32([Float]), float64([Double]), bool([Bool]), string([String])
    /// An array of arrays (each may have its own element type).
    case array([GGUFArray])

    /// The number of elements.
    public var count: Int {
        switch self {
        case .uint8(let a): a.count
        case .int8(let a): a.count
        case .uint16(let a): a.count
        case .int16(let a): a.count
        case .uint32(let a): a.count
        case .int32(let a): a.count
        case .uint64(let a): a.count
        case .int64(let a): a.count
        case .float32(let a): a.count
        case .float64(let a): a.count
        case .bool(let a): a.count
        case .string(let a): a.count
        case .array(let a): a.count
        }
    }

    /// The element type tag.
    public var elementType: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .uint64: .uint64
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .bool: .bool
        case .string: .string
        case .array: .array
        }
    }

    /// The elements as integers, if the element type is an integer type (values that do not fit in `Int` make it nil).
    public var intValues: [Int]? {
        switch self {
        case .uint8(let a): a.map(Int.init)
        case .int8(let a): a.map(Int.init)
        case .uint16(let a): a.map(Int.init)
        case .int16(let a): a.map(Int.init)
        case .uint32(let a): a.map(Int.init)
        case .int32(let a): a.map(Int.init)
        case .int64(let a): a.map(Int.init)
        case .uint64(let a): a.allSatisfy { $0 <= UInt64(Int.max) } ? a.map { Int($0) } : nil
        default: nil
        }
    }

    /// The elements as floats, if the element type is a float or integer type.
    public var floatValues: [Float]? {
        switch self {
        case .float32(let a): a
        case .float64(let a): a.map(Float.init)
        default: intValues?.map(Float.init)
        }
    }
}
