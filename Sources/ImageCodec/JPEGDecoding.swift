import CJPEG
import Foundation
import ImagePixels

/// JPEG through libjpeg-turbo (the `CJPEG` helper routes libjpeg's fatal errors through `setjmp`/`longjmp`).
enum JPEGDecoding {
    static func decode(_ bytes: Data, limits: ImageLimits) throws -> RGBImage {
        var image = proctor_jpeg_image()
        let status = bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return -2 }
            return proctor_jpeg_decode(base, buffer.count, limits.maximumPixels, &image)
        }
        defer { proctor_jpeg_free(&image) }
        guard status == 0 else {
            if status == -2 { throw ImageFailure("the data is empty") }
            let message = withUnsafeBytes(of: image.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw ImageFailure("libjpeg: \(message)", tooLarge: message.contains("exceeds the limit"))
        }
        let width = Int(image.width), height = Int(image.height), components = Int(image.components)
        try ImageDecoder.check(width: width, height: height, limits)
        guard let source = image.pixels else { throw ImageFailure("libjpeg returned no pixels") }
        let count = width * height
        var rgb = [UInt8](repeating: 0, count: count * 3)
        switch components {
        case 3:
            rgb.withUnsafeMutableBufferPointer { out in
                out.baseAddress?.update(from: source, count: count * 3)
            }
        case 4:
            convertCMYK(source, count: count, into: &rgb)
        default:
            throw ImageFailure("libjpeg produced \(components) components per pixel")
        }
        do {
            return try RGBImage(width: width, height: height, pixels: rgb)
        } catch {
            throw ImageFailure("the decoded size does not match \(width)x\(height): \(error)")
        }
    }

    /// Pillow's conversion: it reads CMYK JPEGs as inverted ("CMYK;I", Adobe's convention), then computes
    /// `255 - k - c * (255 - k) / 255` per channel, with its rounding `MULDIV255`.
    private static func convertCMYK(_ source: UnsafeMutablePointer<UInt8>, count: Int, into rgb: inout [UInt8]) {
        for pixel in 0..<count {
            let c = 255 - Int(source[pixel * 4]), m = 255 - Int(source[pixel * 4 + 1])
            let y = 255 - Int(source[pixel * 4 + 2]), k = 255 - Int(source[pixel * 4 + 3])
            let inverseK = 255 - k
            for (channel, value) in [c, m, y].enumerated() {
                let product = value * inverseK + 128
                let scaled = ((product >> 8) + product) >> 8
                rgb[pixel * 3 + channel] = UInt8(clamping: inverseK - scaled)
            }
        }
    }
}
