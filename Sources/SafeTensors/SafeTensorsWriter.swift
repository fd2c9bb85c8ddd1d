import Foundation

/// Builds `.safetensors` bytes: for tests, fixtures and converted checkpoints.
///
/// ```swift
/// var writer = SafeTensorsWriter()
/// writer.add("w", shape: [2, 3], floats: values)
/// try writer.data().write(to: url)
/// ```
public struct SafeTensorsWriter: Sendable {
    private var entries: [(name: String, dtype: SafeTensorsDType, shape: [Int], bytes: [UInt8])] = []
    /// `__metadata__` strings.
    public var metadata: [String: String] = [:]

    /// Creates an empty writer.
    public init() {}

    /// Adds a float32 tensor.
    ///
    /// - Parameters:
    ///   - name: The tensor name.
    ///   - shape: The shape (its product must equal `floats.count`).
    ///   - floats: The elements, row-major.
    public mutating func add(_ name: String, shape: [Int], floats: [Float]) {
        precondition(shape.reduce(1, *) == floats.count, "shape \(shape) does not match \(floats.count) values")
        entries.append((name, .f32, shape, floats.flatMap { value in
            (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt32($0))) }
        }))
    }

    /// Adds an int64 tensor.
    ///
    /// - Parameters:
    ///   - name: The tensor name.
    ///   - shape: The shape (its product must equal `integers.count`).
    ///   - integers: The elements, row-major.
    public mutating func add(_ name: String, shape: [Int], integers: [Int64]) {
        precondition(shape.reduce(1, *) == integers.count, "shape \(shape) does not match \(integers.count) values")
        entries.append((name, .i64, shape, integers.flatMap { value in
            (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: value) >> (8 * UInt64($0))) }
        }))
    }

    /// The file bytes: header length, JSON header (tensors sorted by name), data.
    public func data() -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var payload: [UInt8] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            header[entry.name] = ["dtype": entry.dtype.rawValue, "shape": entry.shape,
                                  "data_offsets": [payload.count, payload.count + entry.bytes.count]] as [String: Any]
            payload += entry.bytes
        }
        var json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8)
        while json.count % 8 != 0 { json.append(0x20) }  // pad with spaces so the data starts 8-byte aligned
        let length = UInt64(json.count)
        return Data((0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }) + json + Data(payload)
    }
}
