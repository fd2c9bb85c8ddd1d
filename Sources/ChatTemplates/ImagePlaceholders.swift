/// Expanding image placeholders in a rendered prompt into the image tokens a vision-language model expects.
public enum ImagePlaceholders {
    /// InternVL-chat / Skywork-R1V: replaces each `<image>` in order by `<img>` + `<IMG_CONTEXT>` ×
    /// (`tokensPerTile` · tiles of that image) + `</img>`, as `chat()` in the models' remote code does.
    ///
    /// The engine then overwrites the embeddings at the `<IMG_CONTEXT>` positions with the projected image
    /// features, in order.
    ///
    /// - Parameters:
    ///   - prompt: The rendered prompt containing one placeholder per image.
    ///   - tileCounts: The number of tiles (including the thumbnail) of each image, in order.
    ///   - tokensPerTile: Image tokens per tile (256 for InternViT-448 with pixel shuffle 0.5).
    ///   - placeholder: The placeholder text.
    /// - Returns: The expanded prompt.
    /// - Throws: ``ChatTemplateError`` when the prompt has fewer placeholders than images or more.
    public static func expandInternVL(
        _ prompt: String, tileCounts: [Int], tokensPerTile: Int = 256, placeholder: String = "<image>"
    ) throws -> String {
        var result = ""
        var rest = Substring(prompt)
        for (index, tiles) in tileCounts.enumerated() {
            guard let range = rest.range(of: placeholder) else {
                throw ChatTemplateError(.render, "the prompt has \(index) \(placeholder) placeholder(s) but \(tileCounts.count) image(s); put one \(placeholder) where each image belongs")
            }
            result += rest[..<range.lowerBound]
            result += "<img>" + String(repeating: "<IMG_CONTEXT>", count: max(tiles, 0) * tokensPerTile) + "</img>"
            rest = rest[range.upperBound...]
        }
        if rest.range(of: placeholder) != nil {
            throw ChatTemplateError(.render, "the prompt has more \(placeholder) placeholders than the \(tileCounts.count) image(s) given")
        }
        return result + rest
    }

    /// The user text InternVL-chat builds for a question about images: the question unchanged when it already
    /// holds placeholders; otherwise `<image>\n` before it (one image) or `Image-1: <image>\n…` (several).
    ///
    /// - Parameters:
    ///   - question: The question text.
    ///   - imageCount: How many images come with it.
    ///   - placeholder: The placeholder text.
    /// - Returns: The text to put in the user message.
    public static func internVLQuestion(_ question: String, imageCount: Int, placeholder: String = "<image>") -> String {
        guard imageCount > 0, !question.contains(placeholder) else { return question }
        if imageCount == 1 { return placeholder + "\n" + question }
        return (1...imageCount).map { "Image-\($0): \(placeholder)\n" }.joined() + question
    }
}
