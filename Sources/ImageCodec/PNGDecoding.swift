import CPNG
import Foundation
import ImagePixels

/// PNG through libpng's simplified API (`png_image_*`, which reports errors as codes and messages).
enum PNGDecoding {
    static func decode(_ bytes: Data, limits: ImageLimits) throws -> RGBImage {
        // libpng keeps a pointer to the input between begin_read and finish_read: both happen in this closure.
        let (width, height, channels, buffer) = try bytes.withUnsafeBytes { input in
            try read(input, limits: limits)
        }
        guard channels == 4 else {
            do {
                return try RGBImage(width: width, height: height, pixels: buffer)
            } catch {
                throw ImageFailure("the decoded size does not match \(width)x\(height): \(error)")
            }
        }
        // Drop alpha, as Pillow's convert("RGB") does (no compositing onto a background).
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        buffer.withUnsafeBufferPointer { rgba in
            rgb.withUnsafeMutableBufferPointer { out in
                for pixel in 0..<(width * height) {
                    out[pixel * 3] = rgba[pixel * 4]
                    out[pixel * 3 + 1] = rgba[pixel * 4 + 1]
                    out[pixel * 3 + 2] = rgba[pixel * 4 + 2]
                }
            }
        }
        do {
            return try RGBImage(width: width, height: height, pixels: rgb)
        } catch {
            throw ImageFailure("the decoded size does not match \(width)x\(height): \(error)")
        }
    }

    /// Decodes to RGB, or RGBA when the file has alpha; returns width, height, channels and pixels.
    private static func read(
        _ input: UnsafeRawBufferPointer, limits: ImageLimits
    ) throws -> (Int, Int, Int, [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard let base = input.baseAddress else { throw ImageFailure("the data is empty") }
        guard png_image_begin_read_from_memory(&image, base, input.count) != 0 else {
            throw ImageFailure("libpng: \(message(image))")
        }
        let width = Int(image.width), height = Int(image.height)
        try ImageDecoder.check(width: width, height: height, limits)
        let hasAlpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = hasAlpha ? 4 : 3
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR) | (hasAlpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        // 16-bit files without gamma information are taken as sRGB, as Pillow does (it keeps the high byte).
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var buffer = [UInt8](repeating: 0, count: width * height * channels)
        let finished = buffer.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, nil, out.baseAddress, Int32(width * channels), nil)
        }
        guard finished != 0 else { throw ImageFailure("libpng: \(message(image))") }
        return (width, height, channels, buffer)
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "unknown error" : text
        }
    }
}
