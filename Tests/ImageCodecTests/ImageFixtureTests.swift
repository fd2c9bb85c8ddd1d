import Foundation
import ImageCodec
import Parquet
import ProctorCore
import Testing

/// Images decoded by Proctor must be pixel-identical to Pillow's `Image.open(f).convert("RGB")`
/// (Fixtures/expected.json, written by Fixtures/make_fixtures.py).
@Suite struct ImageFixtureTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = here.appendingPathComponent("Fixtures")
    static let shared = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data")

    static func expected(_ section: String) throws -> [String: JSONValue] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)[section]?.objectValue ?? [:]
    }

    static func check(_ image: RGBImage, against want: JSONValue?, _ name: String) {
        #expect(image.width == want?["width"]?.intValue, "\(name) width")
        #expect(image.height == want?["height"]?.intValue, "\(name) height")
        #expect(SHA256.hex(Data(image.pixels)) == want?["sha256"]?.stringValue, "\(name) pixels differ from Pillow's")
    }

    /// FNV-1a over little-endian 64-bit words, as make_fixtures.py computes it for the (large) real images.
    static func wordDigest(_ pixels: [UInt8]) -> String {
        var padded = pixels
        padded += [UInt8](repeating: 0, count: (8 - pixels.count % 8) % 8)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        padded.withUnsafeBytes { raw in
            for index in 0..<(raw.count / 8) {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
                    &* 0x100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let fixtureNames = [
        "rgb-420.jpg", "rgb-422.jpg", "rgb-444.jpg", "progressive.jpg", "gray.jpg", "cmyk.jpg",
        "rgb.png", "rgba.png", "gray.png", "gray-alpha.png", "bilevel.png", "palette.png", "palette-transparent.png",
    ]

    @Test(arguments: fixtureNames)
    func matchesPillow(name: String) throws {
        let image = try ImageDecoder.decode(contentsOf: Self.fixtures.appendingPathComponent(name).path)
        Self.check(image, against: try Self.expected("fixtures")[name], name)
    }

    @Test func realImagesMatchPillow() throws {
        let real = try Self.expected("real")
        #expect(real.count >= 20)
        guard FileManager.default.fileExists(atPath: Self.shared.path) else {
            // The shared benchmark data is absent on this machine: nothing real to compare.
            return
        }
        var parquetRows: [String: [ParquetRow]] = [:]
        for (locator, want) in real.sorted(by: { $0.key < $1.key }) {
            let parts = locator.split(separator: "#")
            let bytes: Data
            if parts.count == 2 {
                let path = Self.shared.appendingPathComponent(String(parts[0])).path
                let address = parts[1].split(separator: "/")
                let row = try #require(Int(address[0]))
                let rows = try parquetRows[path] ?? ParquetFile(path: path).readRows(columns: [String(address[1])])
                parquetRows[path] = rows
                bytes = try #require(rows[row][String(address[1])]?["bytes"]?.bytesValue)
            } else {
                bytes = try Data(contentsOf: Self.shared.appendingPathComponent(locator))
            }
            let image = try ImageDecoder.decode(bytes, name: locator)
            #expect(image.width == want["width"]?.intValue && image.height == want["height"]?.intValue, "\(locator)")
            #expect(Self.wordDigest(image.pixels) == want["fnv1a64words"]?.stringValue, "\(locator) differs from Pillow")
        }
    }
}
