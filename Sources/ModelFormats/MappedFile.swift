#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only view of a file's bytes: memory-mapped from disk, or a copy of an in-memory buffer.
///
/// `@unchecked Sendable`: the bytes are mapped `PROT_READ` (or copied once at creation) and never written after
/// `init`, and the mapping lives until `deinit`, so sharing the pointer between threads is safe.
public final class MappedFile: @unchecked Sendable {
    /// The file's path, or the label given to an in-memory buffer.
    public let path: String
    /// All bytes of the file.
    public let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// Maps a file read-only.
    ///
    /// - Parameter path: The file to map.
    /// - Throws: `ModelFormatError` (`.notFound`) when the file cannot be opened, sized or mapped.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ModelFormatError(.notFound, file: path, "cannot open the file (\(String(cString: strerror(errno)))); check the path")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ModelFormatError(.notFound, file: path, "cannot read the file's size (\(String(cString: strerror(errno))))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ModelFormatError(.notFound, file: path, "is not a regular file")
        }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            isMapped = false
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw ModelFormatError(.notFound, file: path, "cannot memory-map the file (\(String(cString: strerror(errno))))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        isMapped = true
    }

    /// Copies an in-memory buffer (for tests and fuzzing).
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - label: The name used in error messages.
    public init(copying bytes: some Collection<UInt8>, label: String = "<memory>") {
        path = label
        let count = bytes.count
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 64)
        _ = storage.initializeMemory(as: UInt8.self, from: bytes)
        self.bytes = UnsafeRawBufferPointer(start: storage.baseAddress, count: count)
        isMapped = false
    }

    /// Lets the kernel drop the pages lying wholly inside `range` (bytes already copied elsewhere, such as weights
    /// repacked into an engine's own layout), so they stop counting towards the process's resident memory. The
    /// bytes stay readable: touching them again reads them back from the file. Does nothing for in-memory copies.
    ///
    /// - Parameter range: Byte offsets into the file.
    public func releasePages(_ range: Range<Int>) {
        guard isMapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let clamped = range.clamped(to: 0..<bytes.count)
        let start = (clamped.lowerBound + page - 1) / page * page
        let end = clamped.upperBound == bytes.count ? clamped.upperBound : clamped.upperBound / page * page
        guard start < end else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
