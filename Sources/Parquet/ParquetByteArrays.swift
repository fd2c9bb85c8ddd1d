import Foundation

/// The values of a byte-array column: variable-length byte strings in one buffer.
///
/// Value `i` is `storage[starts[i]..<ends[i]]`. When a whole PLAIN page (or dictionary page) is decoded, the
/// decompressed page itself becomes the storage and the values are addressed in place, between their 4-byte
/// length prefixes, so the bytes of large values such as images are not copied again.
public struct ParquetByteArrays: Sendable, RandomAccessCollection {
    private(set) var storage: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []

    /// Creates an empty collection.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// The bytes of value `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        storage[starts[index]..<ends[index]]
    }

    /// The length of value `index` in bytes.
    public func length(at index: Int) -> Int {
        ends[index] - starts[index]
    }

    /// The total length of all values in bytes.
    public var byteCount: Int {
        zip(starts, ends).reduce(0) { $0 + $1.1 - $1.0 }
    }

    /// Value `index` as `Data`.
    public func data(at index: Int) -> Data {
        storage.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[starts[index]..<ends[index]])) }
    }

    /// Value `index` decoded as UTF-8 (invalid sequences become U+FFFD).
    public func string(at index: Int) -> String {
        storage.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[index]..<ends[index]]), as: UTF8.self)
        }
    }

    /// Takes `page` as the storage, with the values at `ranges` (only when nothing has been appended yet).
    mutating func adopt(_ page: [UInt8], ranges: [Range<Int>]) {
        storage = page
        starts = ranges.map(\.lowerBound)
        ends = ranges.map(\.upperBound)
    }

    mutating func append(_ value: UnsafeRawBufferPointer) {
        starts.append(storage.count)
        storage.append(contentsOf: value)
        ends.append(storage.count)
    }

    mutating func append(contentsOf slice: ArraySlice<UInt8>) {
        starts.append(storage.count)
        storage.append(contentsOf: slice)
        ends.append(storage.count)
    }

    mutating func reserve(values: Int, bytes byteCount: Int) {
        starts.reserveCapacity(starts.count + values)
        ends.reserveCapacity(ends.count + values)
        storage.reserveCapacity(storage.count + byteCount)
    }
}

extension ParquetByteArrays: Hashable {
    /// Two collections are equal when they hold the same values, however their storage is laid out.
    public static func == (lhs: ParquetByteArrays, rhs: ParquetByteArrays) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.elementsEqual($1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for value in self { hasher.combine(value.count); value.forEach { hasher.combine($0) } }
    }
}
