import Foundation

/// SHA-256 (FIPS 180-4), for content hashes of images and model weights.
///
/// A small portable implementation so that the core needs no package; hashing a model file streams it in chunks.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// An incremental hasher.
    public struct Hasher: Sendable {
        private var h: [UInt32] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ]
        private var buffer: [UInt8] = []
        private var length: UInt64 = 0

        /// Creates a hasher with nothing fed yet.
        public init() {}

        /// Feeds bytes.
        ///
        /// - Parameter bytes: The next bytes of the message.
        public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            for byte in bytes {
                buffer.append(byte)
                length &+= 1
                if buffer.count == 64 {
                    compress(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }

        /// Feeds a block of data quickly (whole 64-byte blocks are compressed straight from the buffer).
        ///
        /// - Parameter data: The next bytes of the message.
        public mutating func update(data: Data) {
            data.withUnsafeBytes { raw in
                var offset = 0
                if !buffer.isEmpty {
                    let take = min(64 - buffer.count, raw.count)
                    update(UnsafeRawBufferPointer(rebasing: raw[0..<take]))
                    offset = take
                }
                while raw.count - offset >= 64 {
                    compress(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 64]))
                    length &+= 64
                    offset += 64
                }
                update(UnsafeRawBufferPointer(rebasing: raw[offset...]))
            }
        }

        /// The digest of everything fed so far.
        ///
        /// - Returns: 32 bytes.
        public func finalize() -> [UInt8] {
            var copy = self
            let bitLength = length &* 8
            copy.update([0x80])
            while copy.buffer.count != 56 { copy.update([0]) }
            copy.update((0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> (UInt64($0) * 8)) })
            return copy.h.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> (UInt32($0) * 8)) } }
        }

        private mutating func compress(_ block: [UInt8]) {
            block.withUnsafeBytes { compress($0) }
        }

        private mutating func compress(_ block: UnsafeRawBufferPointer) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
                SHA256.k.withUnsafeBufferPointer { k in
                    for i in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ maj
                        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                    }
                }
                h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
                h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
            }
        }

        private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
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
        hex(Data(string.utf8))
    }

    /// The lower-case hex SHA-256 of a file, read in 4 MiB chunks.
    ///
    /// - Parameter url: The file.
    /// - Returns: 64 hex characters.
    /// - Throws: `ProctorError` (`.notFound`) when the file cannot be read.
    public static func hex(fileAt url: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ProctorError(.notFound, "cannot open \(url.path) to hash it: check that the file exists and is readable")
        }
        defer { try? handle.close() }
        var hasher = Hasher()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hexString(hasher.finalize())
    }

    static func hexString(_ bytes: [UInt8]) -> String {
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
