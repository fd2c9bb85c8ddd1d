import Foundation

/// The element type of a safetensors tensor.
public enum SafeTensorsDType: String, Sendable, Hashable, CaseIterable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .f64, .i64: 8
        case .f32, .i32: 4
        case .f16, .bf16, .i16: 2
        case .i8, .u8, .bool: 1
        }
    }
}

/// Where a tensor lives in a safetensors file and what it holds.
public struct SafeTensorInfo: Sendable, Hashable {
    /// The tensor's name.
    public var name: String
    /// The element type.
    public var dtype: SafeTensorsDType
    /// The shape, outermost dimension first (row-major, as PyTorch).
    public var shape: [Int]
    /// The byte range inside the data section (after the header).
    public var byteRange: Range<Int>

    /// The number of elements.
    public var elementCount: Int { shape.reduce(1, *) }
}

/// A memory-mapped `.safetensors` file: an 8-byte little-endian header length, a JSON header mapping tensor names
/// to `dtype`, `shape` and `data_offsets`, then the tensor bytes.
///
/// Every offset, shape and length is checked against the file when it is opened, so a truncated or corrupt file
/// is an error naming the file and the tensor, never a crash.
public final class SafeTensorsFile: Sendable {
    /// The file's path.
    public let path: String
    /// The tensors by name.
    public let tensors: [String: SafeTensorInfo]
    /// The `__metadata__` strings of the header.
    public let metadata: [String: String]
    private let data: Data
    private let dataStart: Int

    /// Opens and validates a file.
    ///
    /// - Parameter url: The file.
    /// - Throws: ``SafeTensorsError`` when the file is missing, truncated or malformed.
    public convenience init(url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw SafeTensorsError(.notFound, file: url.path, "cannot read the file (\(error.localizedDescription)); check the checkpoint folder")
        }
        try self.init(data: data, path: url.path)
    }

    /// Parses a file already in memory.
    ///
    /// - Parameters:
    ///   - data: The whole file.
    ///   - path: The name used in errors.
    /// - Throws: ``SafeTensorsError`` when the data is truncated or malformed.
    public init(data: Data, path: String) throws {
        self.path = path
        guard data.count >= 8 else { throw SafeTensorsError(.malformed, file: path, "the file has \(data.count) bytes, fewer than the 8-byte header length; it is truncated") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw SafeTensorsError(.malformed, file: path, "the header claims \(headerLength) bytes but only \(data.count - 8) follow; the file is truncated or not safetensors")
        }
        let headerStart = data.startIndex + 8
        let headerData = data[headerStart..<headerStart + Int(headerLength)]
        guard let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any] else {
            throw SafeTensorsError(.malformed, file: path, "the JSON header cannot be parsed; the file is corrupt")
        }
        let dataLength = data.count - 8 - Int(headerLength)
        var tensors: [String: SafeTensorInfo] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                for (key, item) in (value as? [String: Any]) ?? [:] { metadata[key] = item as? String }
                continue
            }
            tensors[name] = try Self.tensorInfo(name: name, value: value, dataLength: dataLength, path: path)
        }
        self.tensors = tensors
        self.metadata = metadata
        self.data = data
        self.dataStart = 8 + Int(headerLength)
    }

    private static func tensorInfo(name: String, value: Any, dataLength: Int, path: String) throws -> SafeTensorInfo {
        guard let entry = value as? [String: Any], let dtypeName = entry["dtype"] as? String,
              let shapeValues = entry["shape"] as? [NSNumber], let offsets = entry["data_offsets"] as? [NSNumber], offsets.count == 2 else {
            throw SafeTensorsError(.malformed, file: path, tensor: name, "the header entry lacks dtype, shape or data_offsets")
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            throw SafeTensorsError(.unsupported, file: path, tensor: name, "dtype \(dtypeName) is not supported (F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)")
        }
        let shape = shapeValues.map(\.intValue)
        let begin = offsets[0].intValue
        let end = offsets[1].intValue
        guard shape.allSatisfy({ $0 >= 0 }), begin >= 0, begin <= end, end <= dataLength else {
            throw SafeTensorsError(.malformed, file: path, tensor: name, "data_offsets [\(begin), \(end)] lie outside the \(dataLength) data bytes; the file is truncated or corrupt")
        }
        let (count, overflow) = shape.reduce((1, false)) { acc, dim in
            let (product, o) = acc.0.multipliedReportingOverflow(by: dim)
            return (product, acc.1 || o)
        }
        guard !overflow, count.multipliedReportingOverflow(by: dtype.size) == (end - begin, false) else {
            throw SafeTensorsError(.malformed, file: path, tensor: name, "shape \(shape) of \(dtypeName) needs a different byte count than data_offsets [\(begin), \(end)] give")
        }
        return SafeTensorInfo(name: name, dtype: dtype, shape: shape, byteRange: begin..<end)
    }

    /// The information about one tensor.
    ///
    /// - Parameter name: The tensor name.
    /// - Returns: Its dtype, shape and location.
    /// - Throws: ``SafeTensorsError`` (`.notFound`) naming the file when there is no such tensor.
    public func info(_ name: String) throws -> SafeTensorInfo {
        guard let info = tensors[name] else {
            throw SafeTensorsError(.notFound, file: path, tensor: name, "no such tensor in this file")
        }
        return info
    }

    /// The raw little-endian bytes of a tensor.
    ///
    /// - Parameter name: The tensor name.
    /// - Returns: The bytes (a slice of the mapped file).
    /// - Throws: ``SafeTensorsError`` when the tensor does not exist.
    public func bytes(_ name: String) throws -> Data {
        let info = try info(name)
        let start = data.startIndex + dataStart + info.byteRange.lowerBound
        return data[start..<start + info.byteRange.count]
    }
}
