/// A GGUF v2/v3 model file: metadata, tensor infos and tensor data, memory-mapped and bounds-checked.
///
/// Parsing reads the header, every metadata key/value (all 13 value types, nested arrays), the tensor-info table
/// and the alignment, and checks that every tensor of a known type lies inside the file. Tensor data is not
/// copied: `data(of:)` returns a pointer into the mapping, valid as long as the `GGUFFile` is alive.
///
/// `@unchecked Sendable` is not needed: every stored property is an immutable `Sendable` value or the read-only
/// `MappedFile`.
public final class GGUFFile: Sendable {
    /// The GGUF magic, `GGUF` read as a little-endian `uint32`.
    public static let magic: UInt32 = 0x4655_4747
    /// Nested arrays deeper than this are rejected (real files use depth 1).
    public static let maximumArrayDepth = 8

    /// The mapped bytes.
    public let file: MappedFile
    /// The format version (2 or 3).
    public let version: UInt32
    /// The metadata keys in file order.
    public let metadataKeys: [String]
    /// The metadata values by key.
    public let metadata: [String: GGUFValue]
    /// The tensor infos in file order.
    public let tensors: [GGUFTensorInfo]
    /// The alignment of the data section and of each tensor (`general.alignment`, default 32).
    public let alignment: Int
    /// The absolute offset of the data section.
    public let dataOffset: Int
    private let tensorIndex: [String: Int]

    /// The path (or label) of the file, for error messages.
    public var path: String { file.path }

    /// Opens and parses a GGUF file.
    ///
    /// - Parameter path: The file.
    /// - Throws: `ModelFormatError` naming the file and byte offset when the file is missing, truncated or corrupt.
    public convenience init(path: String) throws {
        try self.init(file: MappedFile(path: path))
    }

    /// Parses GGUF bytes that are already in memory or mapped.
    ///
    /// - Parameter file: The bytes.
    /// - Throws: `ModelFormatError` naming the file and byte offset of the first problem.
    public init(file: MappedFile) throws {
        self.file = file
        var reader = ByteReader(bytes: file.bytes, file: file.path)
        let magic = try reader.read(UInt32.self, "the GGUF magic")
        guard magic == Self.magic else {
            throw ModelFormatError(.malformed, file: file.path, offset: 0,
                                   "not a GGUF file (the first 4 bytes are not `GGUF`); pass a .gguf model file")
        }
        version = try reader.read(UInt32.self, "the GGUF version")
        guard version == 2 || version == 3 else {
            throw ModelFormatError(.unsupported, file: file.path, offset: 4,
                                   "GGUF version \(version) is not supported (only 2 and 3); convert the model with a current llama.cpp")
        }
        let tensorCount = try reader.readCount("the tensor count", minimumElementSize: 24)
        let kvCount = try reader.readCount("the metadata key count", minimumElementSize: 13)

        var keys: [String] = []
        var values: [String: GGUFValue] = [:]
        keys.reserveCapacity(kvCount)
        for index in 0..<kvCount {
            let keyOffset = reader.offset
            let key = try reader.readString("metadata key #\(index)")
            let rawType = try reader.read(UInt32.self, "the value type of `\(key)`")
            let value = try Self.readValue(&reader, rawType: rawType, key: key, depth: 0)
            guard values.updateValue(value, forKey: key) == nil else {
                throw ModelFormatError(.malformed, file: file.path, offset: keyOffset, "metadata key `\(key)` appears twice")
            }
            keys.append(key)
        }
        metadataKeys = keys
        metadata = values

        let alignment: Int
        if let value = values["general.alignment"] {
            guard let a = value.intValue, a > 0, a <= 1 << 20, a & (a - 1) == 0 else {
                throw ModelFormatError(.malformed, file: file.path, "`general.alignment` is \(value), not a power of two")
            }
            alignment = a
        } else {
            alignment = 32
        }
        self.alignment = alignment

        var infos: [(name: String, shape: [Int], type: GGMLType, offset: Int, at: Int)] = []
        infos.reserveCapacity(tensorCount)
        var index: [String: Int] = [:]
        for i in 0..<tensorCount {
            let at = reader.offset
            let name = try reader.readString("the name of tensor #\(i)")
            let dims = try reader.read(UInt32.self, "the dimension count of tensor `\(name)`")
            guard dims >= 1, dims <= 4 else {
                throw reader.error("tensor `\(name)` has \(dims) dimensions (1 to 4 allowed)")
            }
            let raw = try reader.readArray(UInt64.self, count: Int(dims), "the shape of tensor `\(name)`")
            var shape: [Int] = []
            var elements = 1
            for d in raw {
                guard d <= UInt64(Int32.max), case let (p, false) = elements.multipliedReportingOverflow(by: Int(d)),
                      p <= Int(Int32.max) * 64 else {
                    throw reader.error("tensor `\(name)` has an impossible shape \(raw)", at: at)
                }
                shape.append(Int(d))
                elements = p
            }
            let type = GGMLType(rawValue: try reader.read(UInt32.self, "the type of tensor `\(name)`"))
            let offset = try reader.read(UInt64.self, "the data offset of tensor `\(name)`")
            guard offset <= UInt64(file.bytes.count) else {
                throw reader.error("tensor `\(name)` starts at data offset \(offset), past the end of the \(file.bytes.count)-byte file: it is truncated; download it again", at: at)
            }
            guard Int(offset) % alignment == 0 else {
                throw reader.error("tensor `\(name)` has data offset \(offset), not a multiple of the alignment \(alignment): the file is corrupt", at: at)
            }
            guard index.updateValue(i, forKey: name) == nil else {
                throw reader.error("tensor `\(name)` appears twice in the tensor table", at: at)
            }
            infos.append((name, shape, type, Int(offset), at))
        }
        let padded = (reader.offset + alignment - 1) / alignment * alignment
        dataOffset = padded
        var tensors: [GGUFTensorInfo] = []
        tensors.reserveCapacity(infos.count)
        for info in infos {
            let elements = info.shape.reduce(1, *)
            var bytes: Int? = nil
            if info.type.blockSize != nil {
                guard info.shape[0] % (info.type.blockSize ?? 1) == 0, let count = info.type.byteCount(elements: elements) else {
                    throw ModelFormatError(.malformed, file: file.path, offset: info.at,
                        "tensor `\(info.name)` (\(info.type), shape \(info.shape)): the row length is not a multiple of the block size \(info.type.blockSize ?? 1)")
                }
                guard padded + info.offset <= file.bytes.count, count <= file.bytes.count - padded - info.offset else {
                    throw ModelFormatError(.malformed, file: file.path, offset: info.at,
                        "tensor `\(info.name)` (\(count) bytes at data offset \(info.offset)) extends past the end of the file (\(file.bytes.count) bytes); the file is truncated, download it again")
                }
                bytes = count
            }
            tensors.append(GGUFTensorInfo(name: info.name, shape: info.shape, type: info.type, relativeOffset: info.offset,
                                          fileOffset: padded + info.offset, byteCount: bytes))
        }
        self.tensors = tensors
        tensorIndex = index
    }

    /// The tensor info with this name, if present.
    public func tensor(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The raw bytes of a tensor, pointing into the mapping (valid while this `GGUFFile` is alive).
    ///
    /// - Parameter tensor: A tensor of this file.
    /// - Returns: The tensor's bytes, exactly `byteCount` long.
    /// - Throws: `ModelFormatError` (`.unsupported`) for a tensor type whose layout is unknown.
    public func data(of tensor: GGUFTensorInfo) throws -> UnsafeRawBufferPointer {
        guard let count = tensor.byteCount else {
            throw ModelFormatError(.unsupported, file: path, offset: tensor.fileOffset,
                                   "tensor `\(tensor.name)` has type \(tensor.type), whose layout this reader does not know")
        }
        return UnsafeRawBufferPointer(rebasing: file.bytes[tensor.fileOffset..<(tensor.fileOffset + count)])
    }

    /// Drops a tensor's pages from resident memory once its bytes were converted (see `MappedFile.releasePages`);
    /// `data(of:)` still works afterwards, reading them back from the file.
    public func releasePages(of tensor: GGUFTensorInfo) {
        guard let count = tensor.byteCount else { return }
        file.releasePages(tensor.fileOffset..<(tensor.fileOffset + count))
    }

    /// The raw bytes of the tensor with this name.
    ///
    /// - Throws: `ModelFormatError` (`.missing`) when there is no such tensor, or `.unsupported` as `data(of:)`.
    public func data(named name: String) throws -> UnsafeRawBufferPointer {
        try data(of: requireTensor(name))
    }

    /// The tensor info with this name.
    ///
    /// - Throws: `ModelFormatError` (`.missing`) when there is no such tensor.
    public func requireTensor(_ name: String) throws -> GGUFTensorInfo {
        guard let info = tensor(named: name) else {
            throw ModelFormatError(.missing, file: path, "the model has no tensor `\(name)`; it is incomplete or of another architecture")
        }
        return info
    }
}
