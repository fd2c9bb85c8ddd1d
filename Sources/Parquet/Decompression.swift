import CSnappy
import CZlib
import CZstd

/// The compression codecs of column chunks, decompressed through the system libraries.
enum CompressionCodec: Int32, Sendable, CustomStringConvertible {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

    var description: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }

    static func decode(_ raw: Int32) throws -> CompressionCodec {
        guard let codec = CompressionCodec(rawValue: raw) else {
            throw ParquetFailure.unsupported("unknown compression codec \(raw)")
        }
        switch codec {
        case .uncompressed, .snappy, .gzip, .zstd: return codec
        default: throw ParquetFailure.unsupported("compression codec \(codec) (supported: SNAPPY, GZIP, ZSTD, none)")
        }
    }

    /// Calls `body` with the decompressed page: `input` itself when uncompressed, a new array otherwise (then
    /// also passed to `body`, which may keep it).
    func withDecompressed<T>(
        _ input: UnsafeRawBufferPointer, size: Int, _ body: (UnsafeRawBufferPointer, [UInt8]?) throws -> T
    ) throws -> T {
        if self == .uncompressed {
            guard input.count == size else {
                throw ParquetFailure("an uncompressed page is \(input.count) bytes but its header says \(size)")
            }
            return try body(input, nil)
        }
        let page = try decompress(input, size: size)
        return try page.withUnsafeBytes { try body($0, page) }
    }

    /// Decompresses `input` into exactly `size` bytes.
    ///
    /// - Throws: ``ParquetFailure`` when the library reports corrupt input or the output size differs.
    func decompress(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        guard size >= 0 else { throw ParquetFailure("a page claims a negative uncompressed size") }
        if self == .uncompressed {
            guard input.count == size else {
                throw ParquetFailure("an uncompressed page is \(input.count) bytes but its header says \(size)")
            }
            return Array(input)
        }
        // A page section with nothing in it (all nulls in a v2 page) may be stored without a compressed frame.
        if size == 0 && input.isEmpty { return [] }
        // Guard against absurd sizes in corrupt headers before allocating.
        guard size <= 1 << 31 else { throw ParquetFailure("a page claims \(size) uncompressed bytes") }
        // The buffer is not zeroed first: the codec writes every byte, and a short result is an error below
        // (the array's count is set to the bytes actually written, so nothing uninitialised is ever exposed).
        var failure: ParquetFailure?
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let out = UnsafeMutableRawBufferPointer(buffer)
            do {
                switch self {
                case .snappy: initialized = try Self.snappy(input, out)
                case .zstd: initialized = try Self.zstd(input, out)
                case .gzip: initialized = try Self.gzip(input, out)
                default: throw ParquetFailure.unsupported("compression codec \(self)")
                }
            } catch {
                failure = error as? ParquetFailure ?? ParquetFailure("\(self) decompression failed")
                initialized = 0
            }
        }
        if let failure { throw failure }
        guard output.count == size else {
            throw ParquetFailure("a \(self) page decompressed to \(output.count) bytes but its header says \(size)")
        }
        return output
    }

    private static func snappy(_ input: UnsafeRawBufferPointer, _ out: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let source = input.baseAddress?.assumingMemoryBound(to: CChar.self) else { return 0 }
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK, length == out.count else {
            throw ParquetFailure("a SNAPPY page has a bad header or the wrong uncompressed size")
        }
        guard length > 0 else { return 0 }
        guard let target = out.baseAddress?.assumingMemoryBound(to: CChar.self),
              snappy_uncompress(source, input.count, target, &length) == SNAPPY_OK
        else { throw ParquetFailure("SNAPPY data is corrupt") }
        return length
    }

    private static func zstd(_ input: UnsafeRawBufferPointer, _ out: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let source = input.baseAddress else { throw ParquetFailure("an empty ZSTD page") }
        let result = ZSTD_decompress(out.baseAddress, out.count, source, input.count)
        if ZSTD_isError(result) != 0 {
            let name = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "unknown error"
            throw ParquetFailure("ZSTD data is corrupt (\(name))")
        }
        return result
    }

    private static func gzip(_ input: UnsafeRawBufferPointer, _ out: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let source = input.baseAddress, let target = out.baseAddress else {
            throw ParquetFailure("an empty GZIP page")
        }
        var stream = z_stream()
        // 15 + 32: a zlib or gzip header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetFailure("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = target.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(out.count)
        while true {
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Concatenated gzip members: continue with the next one if input remains.
                if stream.avail_in > 0 && stream.avail_out > 0 {
                    guard inflateReset(&stream) == Z_OK else { throw ParquetFailure("GZIP data is corrupt") }
                    continue
                }
                break
            }
            // The output is full: the page header's size has been produced; anything after it is ignored.
            if status == Z_BUF_ERROR && stream.avail_out == 0 { break }
            guard status == Z_OK else { throw ParquetFailure("GZIP data is corrupt (zlib status \(status))") }
            if stream.avail_in == 0 && stream.avail_out > 0 {
                throw ParquetFailure("GZIP data ends before the page's uncompressed size is reached")
            }
        }
        return out.count - Int(stream.avail_out)
    }
}
