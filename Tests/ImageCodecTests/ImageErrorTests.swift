import Foundation
import ImageCodec
import ProctorCore
import Testing

/// Corrupt, truncated, oversized and unsupported images are errors naming the image, never crashes.
@Suite struct ImageErrorTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    @Test(arguments: ["truncated.jpg", "corrupt.png"])
    func corruptImagesAreInvalidInput(name: String) throws {
        let data = try Self.bytes(name)
        #expect { try ImageDecoder.decode(data, name: "item-42 \(name)") } throws: { error in
            let error = error as? ProctorError
            return error?.code == .invalidInput && error?.message.contains("item-42 \(name)") == true
        }
    }

    /// libjpeg only warns when a JPEG ends early and pads it with gray; Pillow refuses such a file ("image file is
    /// truncated"), at every one of these cuts, down to a missing end-of-image marker, and so does the decoder.
    @Test(arguments: [2, 1, 123, 492])
    func aJPEGCutShortIsAnError(bytesRemoved: Int) throws {
        let whole = try Self.bytes("rgb-420.jpg")
        _ = try ImageDecoder.decode(whole, name: "whole.jpg")
        let cut = whole.prefix(whole.count - bytesRemoved)
        #expect { try ImageDecoder.decode(cut, name: "cut.jpg") } throws: { error in
            let error = error as? ProctorError
            return error?.code == .invalidInput && error?.message.contains("cut.jpg") == true
        }
    }

    @Test(arguments: ["unsupported.gif", "unsupported.bmp"])
    func otherFormatsAreUnsupported(name: String) throws {
        let data = try Self.bytes(name)
        #expect { try ImageDecoder.decode(data, name: name) } throws: { error in
            let error = error as? ProctorError
            return error?.code == .unsupported && error?.message.contains(name) == true
        }
    }

    @Test func garbageAndEmptyDataAreErrors() {
        for data in [Data(), Data("not an image".utf8), Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16])] {
            #expect(throws: ProctorError.self) { try ImageDecoder.decode(data, name: "x") }
        }
    }

    @Test func dimensionLimitsAreEnforced() throws {
        let jpeg = try Self.bytes("rgb-420.jpg")
        let png = try Self.bytes("rgb.png")
        let tight = ImageLimits(maximumPixels: 100, maximumDimension: 100)
        for (data, name) in [(jpeg, "a.jpg"), (png, "a.png")] {
            #expect { try ImageDecoder.decode(data, name: name, limits: tight) } throws: { error in
                (error as? ProctorError)?.message.contains("exceed") == true
            }
        }
    }

    @Test func formatsAreDetected() throws {
        #expect(ImageFormat.detect(try Self.bytes("rgb-420.jpg")) == .jpeg)
        #expect(ImageFormat.detect(try Self.bytes("rgb.png")) == .png)
        #expect(ImageFormat.detect(try Self.bytes("unsupported.gif")) == .gif)
        #expect(ImageFormat.detect(try Self.bytes("unsupported.bmp")) == .bmp)
        #expect(ImageFormat.detect(Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.detect(Data()) == nil)
    }
}
