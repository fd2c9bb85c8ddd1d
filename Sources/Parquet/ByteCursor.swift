/// A bounds-checked reading position in a byte buffer.
///
/// Every read checks the remaining length first and throws a ``ParquetFailure`` instead of reading past the end,
/// so a truncated or corrupt file can never crash the reader. The cursor does not own its bytes: it lives only
/// inside a `withUnsafeBytes` closure of the buffer it reads.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    let end: Int

    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Bytes left to read.
    var remaining: Int { end - position }

    /// Fails unless at least `count` bytes are left.
    @inline(__always)
    func require(_ count: Int, _ what: @autoclosure () -> String) throws {
        guard count >= 0, count <= end - position else {
            throw ParquetFailure("\(what()) needs \(count) bytes but only \(max(0, end - position)) remain")
        }
    }

    mutating func readByte() throws -> UInt8 {
        try require(1, "a byte")
        let value = bytes[position]
        position += 1
        return value
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ParquetFailure("a varint runs past the end of its buffer") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw ParquetFailure("a varint is longer than 10 bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag-encoded signed varint.
    mutating func readZigZag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads a varint that must fit a non-negative `Int` (a length or a count).
    mutating func readLength(_ what: @autoclosure () -> String) throws -> Int {
        let raw = try readVarint()
        guard raw <= UInt64(Int32.max) else { throw ParquetFailure("\(what()) is implausibly large (\(raw))") }
        return Int(raw)
    }

    /// Reads a little-endian fixed-width integer.
    mutating func readLittleEndian<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        try require(size, "a \(size)-byte integer")
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
        position += size
        return value
    }

    /// Returns the range of the next `count` bytes and skips them.
    mutating func take(_ count: Int, _ what: @autoclosure () -> String) throws -> Range<Int> {
        try require(count, what())
        let range = position..<(position + count)
        position += count
        return range
    }

    /// Copies the next `count` bytes.
    mutating func readBytes(_ count: Int, _ what: @autoclosure () -> String) throws -> [UInt8] {
        let range = try take(count, what())
        return Array(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }
}
