import CCrypto
import Foundation

/// SHA-256 content hashes of images, records and model weights, computed by the system's libcrypto (OpenSSL 3,
/// whose assembly uses the CPU's SHA extensions or AVX2 where present).
///
/// This is the only Swift module that imports `CCrypto`; callers see digests as bytes or lowercase hex.
public enum SHA256 {
    /// An incremental hasher over libcrypto's EVP digest interface.
    ///
    /// It owns its digest context, so it cannot be copied; feed it with ``update(data:)`` or
    /// ``update(bytes:)`` and read the digest once with ``finalize()``.
    public struct Hasher: ~Copyable {
        private let context: OpaquePointer

        /// Creates a hasher with nothing fed yet.
        public init() {
            // EVP_MD_CTX_new fails only when malloc does; then nothing else would work either.
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                preconditionFailure("libcrypto cannot start a SHA-256 digest (out of memory)")
            }
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        /// Feeds raw bytes.
        ///
        /// - Parameter bytes: The next bytes of the message.
        public mutating func update(bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            EVP_DigestUpdate(context, base, bytes.count)
        }

        /// Feeds a block of data.
        ///
        /// - Parameter data: The next bytes of the message.
        public mutating func update(data: Data) {
            data.withUnsafeBytes { update(bytes: $0) }
        }

        /// The digest of everything fed; the hasher is used up.
        ///
        /// - Returns: 32 bytes.
        public consuming func finalize() -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &digest, &length)
            return digest
        }
    }

    /// The lower-case hex SHA-256 of `data`.
    ///
    /// - Parameter data: The bytes to hash.
    /// - Returns: 64 hex characters.
    public static func hex(_ data: Data) -> String {
        var hasher = Hasher()
        hasher.update(data: data)
        return hexString(hasher.finalize())
    }

    /// The lower-case hex SHA-256 of a string's UTF-8 bytes.
    ///
    /// - Parameter string: The text to hash.
    /// - Returns: 64 hex characters.
    public static func hex(_ string: String) -> String {
        var hasher = Hasher()
        var text = string
        text.withUTF8 { hasher.update(bytes: UnsafeRawBufferPointer($0)) }
        return hexString(hasher.finalize())
    }

    /// The lower-case hex SHA-256 of a file, read in 1 MiB blocks into one reused buffer.
    ///
    /// - Parameter url: The file.
    /// - Returns: 64 hex characters.
    /// - Throws: `ProctorError` (`.notFound`) when the file cannot be opened, (`.invalidInput`) when reading fails.
    public static func hex(fileAt url: URL) throws -> String {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ProctorError(.notFound, "cannot open \(url.path) to hash it (\(String(cString: strerror(errno)))): check that the file exists and is readable")
        }
        defer { close(descriptor) }
        var hasher = Hasher()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ProctorError(.invalidInput, "reading \(url.path) to hash it failed (\(String(cString: strerror(errno)))); check the disk and try again")
            }
            hasher.update(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return hexString(hasher.finalize())
    }

    /// Lowercase hex of a digest.
    ///
    /// - Parameter bytes: The digest (``Hasher/finalize()``).
    /// - Returns: Two hex characters per byte.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
