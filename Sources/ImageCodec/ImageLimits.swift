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
