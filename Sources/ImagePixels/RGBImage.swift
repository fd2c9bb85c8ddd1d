/// An 8-bit RGB image: `width × height` pixels, rows top to bottom, three bytes (R, G, B) per pixel, no padding.
///
/// The one image type of Proctor: `ImageCodec`'s decoders produce it and `VisionEncoder`'s preprocessing consumes
/// it, so decoded pixels reach the vision tower without a copy or a conversion.
public struct RGBImage: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width · height · 3` bytes, row-major, RGB interleaved.
    public let pixels: [UInt8]

    /// Wraps decoded pixels.
    ///
    /// - Parameters:
    ///   - width: Width in pixels (> 0).
    ///   - height: Height in pixels (> 0).
    ///   - pixels: `width · height · 3` bytes.
    /// - Throws: ``RGBImageError`` when a dimension is not positive or the byte count disagrees with them.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(RGBImageError) {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).overflow == false,
              pixels.count == width * height * 3 else {
            throw RGBImageError(width: width, height: height, byteCount: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The red, green and blue values of the pixel at (`x`, `y`).
    public subscript(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// The rectangle `[x, x + width) × [y, y + height)`, which must lie inside the image.
    ///
    /// - Returns: The cropped image.
    /// - Throws: ``RGBImageError`` when the rectangle is empty or reaches outside the image.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) throws(RGBImageError) -> RGBImage {
        guard x >= 0, y >= 0, w > 0, h > 0, x + w <= width, y + h <= height else {
            throw RGBImageError(message: "crop (\(x), \(y), \(w)×\(h)) lies outside the \(width)×\(height) image")
        }
        var out = [UInt8]()
        out.reserveCapacity(w * h * 3)
        for row in y..<(y + h) {
            out += pixels[((row * width + x) * 3)..<((row * width + x + w) * 3)]
        }
        return try RGBImage(width: w, height: h, pixels: out)
    }
}

/// Why an ``RGBImage`` cannot be made: the dimensions and the pixel bytes disagree, or a crop leaves the image.
public struct RGBImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    /// An error with a message.
    public init(message: String) { self.message = message }

    /// The error for a pixel buffer that does not match its dimensions.
    init(width: Int, height: Int, byteCount: Int) {
        let needed = width > 0 && height > 0 ? "\(width)×\(height)×3 bytes" : "positive dimensions"
        message = "an RGB image of \(width)×\(height) needs \(needed), got \(byteCount) bytes"
    }

    public var description: String { message }
}
