import Foundation

/// Converting tensor bytes to Swift arrays.
extension SafeTensorsFile {
    /// A floating-point tensor as `Float`s (F32 as is; F16, BF16 and F64 converted).
    ///
    /// - Parameter name: The tensor name.
    /// - Returns: The elements in row-major order.
    /// - Throws: ``SafeTensorsError`` when the tensor is missing or not floating point.
    public func floats(_ name: String) throws -> [Float] {
        let info = try info(name)
        let raw = try bytes(name)
        let count = info.elementCount
        let result = raw.withUnsafeBytes { buffer -> [Float]? in
            switch info.dtype {
            case .f32:
                return (0..<count).map { Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
            case .f16:
                return (0..<count).map { HalfFloat.float(fromHalf: UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) }
            case .bf16:
                return (0..<count).map { Float(bitPattern: UInt32(UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) << 16) }
            case .f64:
                return (0..<count).map { Float(Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)))) }
            default:
                return nil
            }
        }
        guard let result else { throw SafeTensorsError(.unsupported, file: path, tensor: name, "is \(info.dtype.rawValue), not a floating-point tensor") }
        return result
    }

    /// An integer tensor as `Int64`s (I64, I32, I16, I8, U8, BOOL).
    ///
    /// - Parameter name: The tensor name.
    /// - Returns: The elements in row-major order.
    /// - Throws: ``SafeTensorsError`` when the tensor is missing or not an integer tensor.
    public func integers(_ name: String) throws -> [Int64] {
        let info = try info(name)
        let raw = try bytes(name)
        let count = info.elementCount
        let result = raw.withUnsafeBytes { buffer -> [Int64]? in
            switch info.dtype {
            case .i64: return (0..<count).map { Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
            case .i32: return (0..<count).map { Int64(Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))) }
            case .i16: return (0..<count).map { Int64(Int16(littleEndian: buffer.loadUnaligned(fromByteOffset: 2 * $0, as: Int16.self))) }
            case .i8: return (0..<count).map { Int64(buffer.loadUnaligned(fromByteOffset: $0, as: Int8.self)) }
            case .u8, .bool: return (0..<count).map { Int64(buffer[$0]) }
            default: return nil
            }
        }
        guard let result else { throw SafeTensorsError(.unsupported, file: path, tensor: name, "is \(info.dtype.rawValue), not an integer tensor") }
        return result
    }
}

/// IEEE half-precision conversion (no dependency on `Float16` availability).
enum HalfFloat {
    static func float(fromHalf bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            if mantissa == 0 { return Float(bitPattern: sign) }
            let value = Float(mantissa) * 0x1p-24  // subnormal
            return sign == 0 ? value : -value
        }
        if exponent == 31 { return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13)) }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
    }
}
