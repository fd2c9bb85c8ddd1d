import Foundation

/// The tiling settings a checkpoint folder states, in either of the two InternVL layouts.
extension InternVLPreprocessor {
    /// The preprocessing a checkpoint asks for, InternVL's defaults where it says nothing.
    ///
    /// - The tile side is always the vision tower's `image_size` (the position embeddings are sized for it).
    /// - Original InternVL-chat / Skywork-R1V `config.json`: `min_dynamic_patch` (default 1), `max_dynamic_patch`
    ///   (default 12), `use_thumbnail` (default true), `dynamic_image_size` (false: one tile, the whole image
    ///   resized), as the models' `load_image` helpers and chat scripts use them.
    /// - transformers' `preprocessor_config.json` (InternVL-HF, GotOcr2 image processor): `min_patches`,
    ///   `max_patches`, `crop_to_patches` (false: one tile), `image_mean`, `image_std`. It takes precedence
    ///   over config.json. The tile grid is always InternVL's closest-aspect-ratio rule.
    ///
    /// - Parameters:
    ///   - folder: The checkpoint folder.
    ///   - config: Its parsed vision configuration.
    /// - Throws: ``VisionEncoderError`` when a settings file exists but is not a JSON object, or when its values
    ///   are out of range.
    public init(checkpointFolder folder: URL, config: InternVLConfig) throws {
        let root = try Self.jsonObject(folder.appendingPathComponent("config.json")) ?? [:]
        let processor = try Self.jsonObject(folder.appendingPathComponent("preprocessor_config.json")) ?? [:]
        var minTiles = root["min_dynamic_patch"] as? Int ?? 1
        var maxTiles = root["max_dynamic_patch"] as? Int ?? 12
        var useThumbnail = root["use_thumbnail"] as? Bool ?? true
        if root["dynamic_image_size"] as? Bool == false { (minTiles, maxTiles) = (1, 1) }
        if let value = processor["min_patches"] as? Int { minTiles = value }
        if let value = processor["max_patches"] as? Int { maxTiles = value }
        if processor["crop_to_patches"] as? Bool == false { (minTiles, maxTiles, useThumbnail) = (1, 1, false) }
        let mean = (processor["image_mean"] as? [Double])?.map(Float.init) ?? [0.485, 0.456, 0.406]
        let std = (processor["image_std"] as? [Double])?.map(Float.init) ?? [0.229, 0.224, 0.225]
        guard minTiles >= 1, maxTiles >= minTiles else {
            throw VisionEncoderError("\(folder.path): the tile range \(minTiles)…\(maxTiles) is empty; min_dynamic_patch/min_patches must be at least 1 and at most max_dynamic_patch/max_patches")
        }
        guard mean.count == 3, std.count == 3, std.allSatisfy({ $0 > 0 }) else {
            throw VisionEncoderError("\(folder.path)/preprocessor_config.json: image_mean and image_std need three values each (std > 0)")
        }
        self.init(imageSize: config.vision.imageSize, minTiles: minTiles, maxTiles: maxTiles, useThumbnail: useThumbnail,
                  mean: mean, std: std)
    }

    /// The number of tiles an image of this size becomes.
    ///
    /// - Parameters:
    ///   - width: Image width in pixels.
    ///   - height: Image height in pixels.
    /// - Returns: The grid's tiles, plus the thumbnail when there is more than one.
    public func tileCount(width: Int, height: Int) -> Int {
        let (columns, rows) = grid(width: width, height: height)
        return columns * rows + (useThumbnail && columns * rows != 1 ? 1 : 0)
    }

    /// A JSON object file, or nil when the file does not exist.
    private static func jsonObject(_ url: URL) throws -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VisionEncoderError("\(url.path) is not a JSON object; restore the file from the checkpoint")
        }
        return object
    }
}
