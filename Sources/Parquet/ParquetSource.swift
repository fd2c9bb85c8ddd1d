#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a Parquet file's bytes come from: a file mapped read-only into memory, or bytes already in memory.
///
/// Mapping lets column chunks be decoded in place, without copying them out of the page cache first.
///
/// `@unchecked Sendable`: the mapping (or array) is immutable after `init` and only read; it is unmapped only in
/// `deinit`, when no reader can hold it any more.
final class ParquetSource: @unchecked Sendable {
    private enum Storage {
        case mapped(UnsafeRawBufferPointer)
        case memory([UInt8])
    }

    private let storage: Storage
    /// The total size in bytes.
    let size: Int

    /// Maps a file read-only.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ParquetFailure("cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ParquetFailure("cannot read the file's size (\(String(cString: strerror(errno))))")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            storage = .memory([])
            self.size = 0
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw ParquetFailure("cannot map the file into memory (\(String(cString: strerror(errno))))")
        }
        storage = .mapped(UnsafeRawBufferPointer(start: address, count: size))
        self.size = size
    }

    /// Wraps bytes already in memory.
    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        size = bytes.count
    }

    deinit {
        if case .mapped(let buffer) = storage, let base = buffer.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        }
    }

    /// Calls `body` with the `count` bytes at `offset`, failing if the range is not inside the file.
    func withBytes<T>(
        offset: Int64, count: Int64, _ what: @autoclosure () -> String,
        _ body: (UnsafeRawBufferPointer) throws -> T
    ) throws -> T {
        guard offset >= 0, count >= 0, offset <= Int64(size), count <= Int64(size) - offset else {
            throw ParquetFailure("\(what()) (bytes \(offset)..<\(offset &+ count)) lies outside the \(size)-byte file")
        }
        let range = Int(offset)..<Int(offset + count)
        switch storage {
        case .mapped(let buffer):
            return try body(UnsafeRawBufferPointer(rebasing: buffer[range]))
        case .memory(let bytes):
            return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }

    /// Copies the `count` bytes at `offset`.
    func read(offset: Int64, count: Int64, _ what: @autoclosure () -> String) throws -> [UInt8] {
        try withBytes(offset: offset, count: count, what()) { Array($0) }
    }
}
