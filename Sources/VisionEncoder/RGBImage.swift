/// An 8-bit RGB image: `width × height` pixels, row-major, three bytes (R, G, B) per pixel — the form image
/// decoders hand over.
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
    /// - Throws: ``VisionEncoderError`` when the sizes disagree.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, pixels.count == width * height * 3 else {
            throw VisionEncoderError("an RGB image of \(width)×\(height) needs \(max(width * height * 3, 0)) bytes, got \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The rectangle `[x, x + width) × [y, y + height)`, which must lie inside the image.
    ///
    /// - Returns: The cropped image.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) throws -> RGBImage {
        guard x >= 0, y >= 0, w > 0, h > 0, x + w <= width, y + h <= height else {
            throw VisionEncoderError("crop (\(x), \(y), \(w)×\(h)) lies outside the \(width)×\(height) image")
        }
        var out = [UInt8]()
        out.reserveCapacity(w * h * 3)
        for row in y..<(y + h) {
            out += pixels[((row * width + x) * 3)..<((row * width + x + w) * 3)]
        }
        return try RGBImage(width: w, height: h, pixels: out)
    }
}
