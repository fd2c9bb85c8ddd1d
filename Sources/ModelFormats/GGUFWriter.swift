/// Writes GGUF v3 bytes: used to build small model files in tests and fuzzing seeds, and to save converted models.
///
/// Values are written in the order added; tensors are laid out in the order added, each padded to the alignment.
public struct GGUFWriter: Sendable {
    private var kvCount = 0
    private var kvBytes: [UInt8] = []
    private var tensorInfos: [UInt8] = []
    private var tensorData: [UInt8] = []
    private var tensorCount = 0
    /// The alignment used for the data section (write `general.alignment` yourself to change it from 32).
    public var alignment: Int

    /// Creates an empty writer.
    public init(alignment: Int = 32) { self.alignment = alignment }

    /// Adds a metadata key with a scalar or array value.
    public mutating func add(_ key: String, _ value: GGUFValue) {
        kvCount += 1
        Self.appendString(key, to: &kvBytes)
        Self.appendValue(value, to: &kvBytes)
    }

    /// Adds a tensor: `shape` innermost first, `data` the raw bytes in the type's block layout.
    public mutating func addTensor(_ name: String, type: GGMLType, shape: [Int], data: [UInt8]) {
        tensorCount += 1
        while tensorData.count % alignment != 0 { tensorData.append(0) }
        Self.appendString(name, to: &tensorInfos)
        Self.append(UInt32(shape.count), to: &tensorInfos)
        for d in shape { Self.append(UInt64(d), to: &tensorInfos) }
        Self.append(type.rawValue, to: &tensorInfos)
        Self.append(UInt64(tensorData.count), to: &tensorInfos)
        tensorData += data
    }

    /// Adds an F32 tensor.
    public mutating func addTensor(_ name: String, shape: [Int], floats: [Float]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(floats.count * 4)
        for f in floats { Self.append(f.bitPattern, to: &bytes) }
        addTensor(name, type: .f32, shape: shape, data: bytes)
    }

    /// The complete file.
    public func bytes(version: UInt32 = 3) -> [UInt8] {
        var out: [UInt8] = []
        Self.append(GGUFFile.magic, to: &out)
        Self.append(version, to: &out)
        Self.append(UInt64(tensorCount), to: &out)
        Self.append(UInt64(kvCount), to: &out)
        out += kvBytes
        out += tensorInfos
        while out.count % alignment != 0 { out.append(0) }
        out += tensorData
        return out
    }

    static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        append(UInt64(s.utf8.count), to: &out)
        out += s.utf8
    }

    static func appendValue(_ value: GGUFValue, to out: inout [UInt8]) {
        append(value.type.rawValue, to: &out)
        switch value {
        case .uint8(let v): append(v, to: &out)
        case .int8(let v): append(v, to: &out)
        case .uint16(let v): append(v, to: &out)
        case .int16(let v): append(v, to: &out)
        case .uint32(let v): append(v, to: &out)
        case .int32(let v): append(v, to: &out)
        case .uint64(let v): append(v, to: &out)
        case .int64(let v): append(v, to: &out)
        case .float32(let v): append(v.bitPattern, to: &out)
        case .float64(let v): append(v.bitPattern, to: &out)
        case .bool(let v): out.append(v ? 1 : 0)
        case .string(let s): appendString(s, to: &out)
        case .array(let a): appendArray(a, to: &out)
        }
    }

    static func appendArray(_ array: GGUFArray, to out: inout [UInt8]) {
        append(array.elementType.rawValue, to: &out)
        append(UInt64(array.count), to: &out)
        switch array {
        case .uint8(let a): out += a
        case .int8(let a): for v in a { append(v, to: &out) }
        case .uint16(let a): for v in a { append(v, to: &out) }
        case .int16(let a): for v in a { append(v, to: &out) }
        case .uint32(let a): for v in a { append(v, to: &out) }
        case .int32(let a): for v in a { append(v, to: &out) }
        case .uint64(let a): for v in a { append(v, to: &out) }
        case .int64(let a): for v in a { append(v, to: &out) }
        case .float32(let a): for v in a { append(v.bitPattern, to: &out) }
        case .float64(let a): for v in a { append(v.bitPattern, to: &out) }
        case .bool(let a): for v in a { out.append(v ? 1 : 0) }
        case .string(let a): for s in a { appendString(s, to: &out) }
        case .array(let a): for inner in a { appendArray(inner, to: &out) }
        }
    }
}
