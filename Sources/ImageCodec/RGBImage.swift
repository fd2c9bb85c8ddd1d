/// A decoded image: 8-bit RGB pixels, rows top to bottom, no padding.
public struct RGBImage: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 3` bytes: R, G, B for each pixel, row by row.
    public let pixels: [UInt8]

    /// Creates an image, checking that the pixel buffer matches the dimensions.
    ///
    /// - Returns: `nil` when `pixels.count != width * height * 3` or a dimension is not positive.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The red, green and blue values of the pixel at (`x`, `y`).
    public subscript(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }
}

/// Limits on the images the decoders accept, so that a corrupt or hostile header cannot exhaust memory.
public struct ImageLimits: Sendable, Hashable {
    /// The largest accepted `width * height` (Pillow refuses images above twice its `MAX_IMAGE_PIXELS`,
    /// 178,956,970 pixels; that is the default here too).
    public var maximumPixels: Int
    /// The largest accepted width or height.
    public var maximumDimension: Int

    /// Creates limits.
    public init(maximumPixels: Int = 178_956_970, maximumDimension: Int = 65_535) {
        self.maximumPixels = maximumPixels
        self.maximumDimension = maximumDimension
    }

    /// The default limits.
    public static let `default` = ImageLimits()
}
