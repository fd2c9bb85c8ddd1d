import Foundation
import ProctorCore
import Testing

/// SHA-256 through libcrypto: the FIPS 180-4 test vectors, files, and the checksum cache kept in Proctor's cache
/// folder (never next to the hashed file).
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
        #expect(SHA256.hex(Data(message.utf8)) == digest)
    }

    @Test func aMillionAsFedInPiecesAndFromAFile() throws {
        // FIPS 180-4's long vector: one million "a".
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        var hasher = SHA256.Hasher()
        let block = Data(repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(data: block) }
        #expect(SHA256.hexString(hasher.finalize()) == expected)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: file)
        #expect(try SHA256.hex(fileAt: file) == expected)
        #expect(throws: ProctorError.self) { try SHA256.hex(fileAt: file.appendingPathExtension("missing")) }
    }

    @Test func cacheFolderFollowsTheEnvironment() {
        #expect(ChecksumCache.proctorCacheFolder(environment: ["PROCTOR_CACHE": "/p", "XDG_CACHE_HOME": "/x"]).path == "/p")
        #expect(ChecksumCache.proctorCacheFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]).path == "/x/proctor")
        #expect(ChecksumCache.proctorCacheFolder(environment: ["HOME": "/h"]).path == "/h/.cache/proctor")
    }

    @Test func checksumsAreCachedInTheCacheFolderNotBesideAReadOnlyModel() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-checksums-\(UUID().uuidString)")
        let models = base.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: models.path)
            try? FileManager.default.removeItem(at: base)
        }
        let model = models.appendingPathComponent("m.gguf")
        let contents = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try contents.write(to: model)
        // Read-only, as a shared model folder is (root ignores the mode; the listing check below holds for everyone).
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: models.path)
        let cache = ChecksumCache(folder: base.appendingPathComponent("cache/checksums"))
        let hash = try cache.sha256(ofFileAt: model.path)
        #expect(hash == SHA256.hex(contents))
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.path) == ["m.gguf"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path)
        #expect(entries.count == 1)
        // The entry is used while the file is unchanged: a doctored entry with the right stamp is believed …
        let entry = cache.folder.appendingPathComponent(entries[0])
        let saved = try String(contentsOf: entry, encoding: .utf8)
        let doctored = String(repeating: "0", count: 64) + saved.dropFirst(64)
        try doctored.write(to: entry, atomically: true, encoding: .utf8)
        #expect(try cache.sha256(ofFileAt: model.path) == String(repeating: "0", count: 64))
        // … and ignored once the file changes (size or modification time).
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: models.path)
        try (contents + Data([1])).write(to: model)
        #expect(try cache.sha256(ofFileAt: model.path) == SHA256.hex(contents + Data([1])))
        // An unwritable cache (its folder would sit under a regular file) still gives the checksum.
        let blocked = ChecksumCache(folder: model.appendingPathComponent("cannot-be-a-folder"))
        #expect(try blocked.sha256(ofFileAt: model.path) == SHA256.hex(contents + Data([1])))
    }
}
