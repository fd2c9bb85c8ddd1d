/// A ggml tensor type id as stored in a GGUF tensor info (`ggml_type`).
///
/// Unknown ids are kept (so that a file with, say, an IQ type still opens and its other tensors stay readable);
/// `blockSize`/`typeSize` are nil for types whose layout this reader does not know.
public struct GGMLType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let f32 = GGMLType(rawValue: 0)
    public static let f16 = GGMLType(rawValue: 1)
    public static let q4_0 = GGMLType(rawValue: 2)
    public static let q4_1 = GGMLType(rawValue: 3)
    public static let q5_0 = GGMLType(rawValue: 6)
    public static let q5_1 = GGMLType(rawValue: 7)
    public static let q8_0 = GGMLType(rawValue: 8)
    public static let q8_1 = GGMLType(rawValue: 9)
    public static let q2_K = GGMLType(rawValue: 10)
    public static let q3_K = GGMLType(rawValue: 11)
    public static let q4_K = GGMLType(rawValue: 12)
    public static let q5_K = GGMLType(rawValue: 13)
    public static let q6_K = GGMLType(rawValue: 14)
    public static let q8_K = GGMLType(rawValue: 15)
    public static let i8 = GGMLType(rawValue: 24)
    public static let i16 = GGMLType(rawValue: 25)
    public static let i32 = GGMLType(rawValue: 26)
    public static let i64 = GGMLType(rawValue: 27)
    public static let f64 = GGMLType(rawValue: 28)
    public static let bf16 = GGMLType(rawValue: 30)

    private static let layouts: [UInt32: (name: String, block: Int, bytes: Int)] = [
        0: ("F32", 1, 4), 1: ("F16", 1, 2), 2: ("Q4_0", 32, 18), 3: ("Q4_1", 32, 20), 6: ("Q5_0", 32, 22),
        7: ("Q5_1", 32, 24), 8: ("Q8_0", 32, 34), 9: ("Q8_1", 32, 36), 10: ("Q2_K", 256, 84), 11: ("Q3_K", 256, 110),
        12: ("Q4_K", 256, 144), 13: ("Q5_K", 256, 176), 14: ("Q6_K", 256, 210), 15: ("Q8_K", 256, 292),
        16: ("IQ2_XXS", 256, 66), 17: ("IQ2_XS", 256, 74), 18: ("IQ3_XXS", 256, 98), 19: ("IQ1_S", 256, 50),
        20: ("IQ4_NL", 32, 18), 21: ("IQ3_S", 256, 110), 22: ("IQ2_S", 256, 82), 23: ("IQ4_XS", 256, 136),
        24: ("I8", 1, 1), 25: ("I16", 1, 2), 26: ("I32", 1, 4), 27: ("I64", 1, 8), 28: ("F64", 1, 8),
        29: ("IQ1_M", 256, 56), 30: ("BF16", 1, 2), 34: ("TQ1_0", 256, 54), 35: ("TQ2_0", 256, 66),
        39: ("MXFP4", 32, 17),
    ]

    /// The ggml name (`Q4_1`, `F32`), or `type N` for an unknown id.
    public var name: String { Self.layouts[rawValue]?.name ?? "type \(rawValue)" }
    /// Elements per block, when the layout is known.
    public var blockSize: Int? { Self.layouts[rawValue]?.block }
    /// Bytes per block, when the layout is known.
    public var typeSize: Int? { Self.layouts[rawValue]?.bytes }
    public var description: String { name }

    /// The bytes taken by `elements` consecutive elements, when the layout is known and `elements` is a whole
    /// number of blocks.
    public func byteCount(elements: Int) -> Int? {
        guard let block = blockSize, let size = typeSize, elements >= 0, elements % block == 0 else { return nil }
        let (bytes, overflow) = (elements / block).multipliedReportingOverflow(by: size)
        return overflow ? nil : bytes
    }
}

/// One tensor's entry in the GGUF tensor-info table.
public struct GGUFTensorInfo: Sendable, Hashable {
    /// The tensor's name (`blk.0.attn_q.weight`).
    public let name: String
    /// The dimensions, innermost (contiguous) first: a matrix of `rows` rows of `cols` elements is `[cols, rows]`.
    public let shape: [Int]
    /// The element type.
    public let type: GGMLType
    /// The offset of the data relative to the start of the data section.
    public let relativeOffset: Int
    /// The absolute offset of the data in the file.
    public let fileOffset: Int
    /// The data's size in bytes (known for every type whose layout is known; nil otherwise).
    public let byteCount: Int?

    /// The number of elements (the product of `shape`).
    public var elementCount: Int { shape.reduce(1, *) }
    /// The innermost dimension (the length of one row).
    public var rowLength: Int { shape.first ?? 1 }
    /// The number of rows (the product of all dimensions after the first).
    public var rowCount: Int { shape.dropFirst().reduce(1, *) }
}
