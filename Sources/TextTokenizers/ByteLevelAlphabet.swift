/// GPT-2's reversible map between bytes and printable Unicode scalars ("bytes to unicode").
///
/// Printable bytes (`!`…`~`, `¡`…`¬`, `®`…`ÿ`) map to themselves; the other 68 bytes (controls, space,
/// 0x7F–0xA0, 0xAD) map to U+0100 onwards in byte order, so space is `Ġ` (U+0120) and newline `Ċ` (U+010A).
enum ByteLevelAlphabet {
    /// The scalar standing for each byte.
    static let scalarForByte: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                table[byte] = Unicode.Scalar(next) ?? " "
                next += 1
            }
        }
        return table
    }()

    /// The byte each alphabet scalar stands for, keyed by scalar value.
    static let byteForScalar: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (byte, scalar) in scalarForByte.enumerated() { map[scalar.value] = UInt8(byte) }
        return map
    }()

    /// The alphabet string for raw bytes.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var result = String.UnicodeScalarView()
        for byte in bytes { result.append(scalarForByte[Int(byte)]) }
        return String(result)
    }

    /// The raw bytes of an alphabet string; scalars outside the alphabet pass through as their UTF-8.
    static func decode(_ text: String, into bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            if let byte = byteForScalar[scalar.value] {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
    }
}
