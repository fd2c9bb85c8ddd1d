#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a Parquet file's bytes come from: an open file read with `pread`, or bytes in memory.
///
/// `@unchecked Sendable`: the descriptor is immutable after `init` and `pread` takes explicit offsets, so
/// concurrent reads never share a file position; the descriptor is closed only in `deinit`.
final class ParquetSource: @unchecked Sendable {
    private enum Storage {
        case file(Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    /// The total size in bytes.
    let size: Int

    /// Opens a file for reading.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ParquetFailure("cannot open the file (\(String(cString: strerror(errno))))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw ParquetFailure("cannot read the file's size (\(String(cString: strerror(errno))))")
        }
        storage = .file(descriptor)
        size = Int(info.st_size)
    }

    /// Wraps bytes already in memory.
    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        size = bytes.count
    }

    deinit {
        if case .file(let descriptor) = storage { close(descriptor) }
    }

    /// Reads `count` bytes at `offset`, failing if the range is not inside the file.
    func read(offset: Int64, count: Int64, _ what: @autoclosure () -> String) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= Int64(size), count <= Int64(size) - offset else {
            throw ParquetFailure("\(what()) (bytes \(offset)..<\(offset &+ count)) lies outside the \(size)-byte file")
        }
        let start = Int(offset), length = Int(count)
        switch storage {
        case .memory(let bytes):
            return Array(bytes[start..<(start + length)])
        case .file(let descriptor):
            var buffer = [UInt8](repeating: 0, count: length)
            var done = 0
            try buffer.withUnsafeMutableBytes { out in
                guard let base = out.baseAddress else { return }
                while done < length {
                    let got = pread(descriptor, base + done, length - done, off_t(start + done))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { throw ParquetFailure("reading \(what()) failed: the file ended or an I/O error") }
                    done += got
                }
            }
            return buffer
        }
    }
}
