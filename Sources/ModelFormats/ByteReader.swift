/// A bounds-checked little-endian cursor over a file's bytes; every read past the end is a `ModelFormatError`.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    let file: String
    var offset: Int = 0

    init(bytes: UnsafeRawBufferPointer, file: String) {
        self.bytes = bytes
        self.file = file
    }

    func error(_ message: String, at position: Int? = nil) -> ModelFormatError {
        ModelFormatError(.malformed, file: file, offset: position ?? offset, message)
    }

    private mutating func take(_ count: Int, _ what: @autoclosure () -> String) throws -> Int {
        guard count >= 0, count <= bytes.count - offset else {
            throw error("the file ends inside \(what()) (needs \(count) bytes, \(bytes.count - offset) left); the file is truncated or corrupt, download it again")
        }
        let start = offset
        offset += count
        return start
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type, _ what: @autoclosure () -> String) throws -> T {
        let start = try take(MemoryLayout<T>.size, what())
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: T.self))
    }

    mutating func readFloat(_ what: @autoclosure () -> String) throws -> Float {
        Float(bitPattern: try read(UInt32.self, what()))
    }

    mutating func readDouble(_ what: @autoclosure () -> String) throws -> Double {
        Double(bitPattern: try read(UInt64.self, what()))
    }

    /// Reads a `uint64` count or length and checks that it is plausible for the bytes left.
    mutating func readCount(_ what: @autoclosure () -> String, minimumElementSize: Int) throws -> Int {
        let position = offset
        let raw = try read(UInt64.self, what())
        let left = UInt64(bytes.count - offset)
        guard raw <= left / UInt64(max(minimumElementSize, 1)) || (raw == 0) else {
            throw error("\(what()) says \(raw) elements but only \(left) bytes follow; the file is corrupt", at: position)
        }
        return Int(raw)
    }

    mutating func readString(_ what: @autoclosure () -> String) throws -> String {
        let length = try readCount("the length of \(what())", minimumElementSize: 1)
        let start = try take(length, what())
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        return String(decoding: slice, as: UTF8.self)
    }

    /// Reads `count` fixed-width little-endian values at once.
    mutating func readArray<T: FixedWidthInteger>(_ type: T.Type, count: Int, _ what: @autoclosure () -> String) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count <= (bytes.count - offset) / size else {
            throw error("the file ends inside \(what()) (\(count) values of \(size) bytes); the file is truncated or corrupt")
        }
        let start = try take(count * size, what())
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                buffer[i] = T(littleEndian: bytes.loadUnaligned(fromByteOffset: start + i * size, as: T.self))
            }
            initialized = count
        }
    }
}
