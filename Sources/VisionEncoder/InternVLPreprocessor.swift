import ImagePixels

/// InternVL / Skywork-R1V image preprocessing (`load_image` in the models' repositories): dynamic tiling into a
/// grid of `imageSize` tiles whose aspect ratio is closest to the image's, a thumbnail of the whole image when
/// there is more than one tile, then `ToTensor` (÷255) and ImageNet normalization, all in float32 as torchvision
/// computes it.
public struct InternVLPreprocessor: Sendable, Hashable {
    /// Tile side in pixels (448 for InternViT-6B-448px).
    public var imageSize: Int
    /// The smallest number of tiles.
    public var minTiles: Int
    /// The largest number of tiles (12 in Skywork's scripts).
    public var maxTiles: Int
    /// Whether to append a whole-image thumbnail when there are several tiles.
    public var useThumbnail: Bool
    /// Per-channel mean (ImageNet).
    public var mean: [Float]
    /// Per-channel standard deviation (ImageNet).
    public var std: [Float]

    /// Creates a preprocessor with InternVL's defaults.
    public init(imageSize: Int = 448, minTiles: Int = 1, maxTiles: Int = 12, useThumbnail: Bool = true,
                mean: [Float] = [0.485, 0.456, 0.406], std: [Float] = [0.229, 0.224, 0.225]) {
        self.imageSize = imageSize
        self.minTiles = minTiles
        self.maxTiles = maxTiles
        self.useThumbnail = useThumbnail
        self.mean = mean
        self.std = std
    }

    /// The tile grid `(columns, rows)` for an image: among grids with `minTiles…maxTiles` tiles, the one whose
    /// columns/rows ratio is closest to width/height; on a tie the later (larger) grid wins when the image
    /// area exceeds half the grid's pixel area.
    ///
    /// Candidates are visited by tile count; grids with the same count are visited columns-descending, which
    /// matches CPython's set order except in rare exact ties between two such grids.
    public func grid(width: Int, height: Int) -> (columns: Int, rows: Int) {
        var candidates: [(Int, Int)] = []
        let (lowest, highest) = (max(minTiles, 1), max(maxTiles, minTiles, 1))
        for n in lowest...highest {
            for i in 1...n { for j in 1...n where i * j <= highest && i * j >= lowest && !candidates.contains(where: { $0 == (i, j) }) {
                candidates.append((i, j))
            } }
        }
        candidates.sort { ($0.0 * $0.1, -$0.0) < ($1.0 * $1.1, -$1.0) }
        let aspect = Double(width) / Double(height)
        let area = Double(width * height)
        var best = (1, 1)
        var bestDifference = Double.infinity
        for candidate in candidates {
            let difference = abs(aspect - Double(candidate.0) / Double(candidate.1))
            if difference < bestDifference {
                bestDifference = difference
                best = candidate
            } else if difference == bestDifference, area > 0.5 * Double(imageSize * imageSize * candidate.0 * candidate.1) {
                best = candidate
            }
        }
        return best
    }

    /// The resized tiles, row-major, then the thumbnail.
    ///
    /// - Parameter image: The decoded image.
    /// - Returns: `imageSize × imageSize` tiles.
    /// - Throws: ``VisionEncoderError`` only for internal size errors.
    public func tiles(_ image: RGBImage) throws -> [RGBImage] {
        let (columns, rows) = grid(width: image.width, height: image.height)
        let resized = try PillowResize.resize(image, width: imageSize * columns, height: imageSize * rows)
        var tiles: [RGBImage] = []
        for index in 0..<(columns * rows) {
            tiles.append(try resized.cropped(x: (index % columns) * imageSize, y: (index / columns) * imageSize,
                                             width: imageSize, height: imageSize))
        }
        if useThumbnail && tiles.count != 1 {
            tiles.append(try PillowResize.resize(image, width: imageSize, height: imageSize))
        }
        return tiles
    }

    /// The model input for an image.
    ///
    /// - Parameter image: The decoded image.
    /// - Returns: `pixels` as `[tileCount, 3, imageSize, imageSize]` normalized floats and the tile count.
    /// - Throws: ``VisionEncoderError`` only for internal size errors.
    public func pixelValues(_ image: RGBImage) throws -> (pixels: [Float], tileCount: Int) {
        let tiles = try tiles(image)
        let plane = imageSize * imageSize
        var pixels = [Float](repeating: 0, count: tiles.count * 3 * plane)
        for (t, tile) in tiles.enumerated() {
            for i in 0..<plane {
                for channel in 0..<3 {
                    let value = Float(tile.pixels[i * 3 + channel]) / 255
                    pixels[(t * 3 + channel) * plane + i] = (value - mean[channel]) / std[channel]
                }
            }
        }
        return (pixels, tiles.count)
    }
}
