import Foundation
@_exported import ImagePixels

/// Image resizing that reproduces Pillow's `Image.resize` (`libImaging/Resample.c`) bit for bit: a separable
/// convolution, horizontal pass first, whose kernel support widens by the downscale factor (antialiasing),
/// with weights normalized per output pixel, converted to 22-bit fixed point, and results rounded and clipped to
/// 8 bits between the passes.
public enum PillowResize {
    /// The resampling filter.
    public enum Filter: Sendable {
        /// Pillow's `BICUBIC` (a = −0.5, support 2) — its default for `resize`.
        case bicubic
        /// Pillow's `BILINEAR` (triangle, support 1).
        case bilinear

        var support: Double {
            switch self {
            case .bicubic: 2
            case .bilinear: 1
            }
        }

        func weight(_ x: Double) -> Double {
            let x = abs(x)
            switch self {
            case .bicubic:
                let a = -0.5
                if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
                if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
                return 0
            case .bilinear:
                return x < 1 ? 1 - x : 0
            }
        }
    }

    private static let precisionBits = 22

    /// Fixed-point kernel for one axis: per output pixel, the first input index and the integer weights.
    private struct Kernel {
        var starts: [Int]
        var weights: [[Int32]]
    }

    private static func kernel(inSize: Int, outSize: Int, filter: Filter) -> Kernel {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let support = filter.support * filterScale
        var starts: [Int] = []
        var weights: [[Int32]] = []
        for xx in 0..<outSize {
            let center = (Double(xx) + 0.5) * scale
            let inverse = 1 / filterScale
            let xmin = max(Int(center - support + 0.5), 0)
            let xmax = min(Int(center + support + 0.5), inSize) - xmin
            var raw = (0..<max(xmax, 0)).map { filter.weight((Double($0 + xmin) - center + 0.5) * inverse) }
            let total = raw.reduce(0, +)
            if total != 0 { raw = raw.map { $0 / total } }
            let unit = Double(1 << precisionBits)
            weights.append(raw.map { Int32($0 < 0 ? Int(-0.5 + $0 * unit) : Int(0.5 + $0 * unit)) })
            starts.append(xmin)
        }
        return Kernel(starts: starts, weights: weights)
    }

    private static func clip8(_ value: Int32) -> UInt8 {
        if value >= Int32(1 << precisionBits) << 8 { return 255 }
        if value <= 0 { return 0 }
        return UInt8(value >> Int32(precisionBits))
    }

    /// Resizes an image as Pillow's `image.resize((width, height), filter)` does.
    ///
    /// Pillow 13 runs the vertical pass first when the height shrinks by more than twice as many pixels as the
    /// width does (`(inH − outH) > 2 · (inW − outW)` with `inH > outH`), otherwise the horizontal pass first;
    /// older Pillow versions always start horizontally (`alwaysHorizontalFirst`). The order changes some pixels
    /// by one or two levels.
    ///
    /// - Parameters:
    ///   - image: The source.
    ///   - width: The new width (> 0).
    ///   - height: The new height (> 0).
    ///   - filter: The filter (Pillow's default for `resize` is bicubic).
    ///   - alwaysHorizontalFirst: Reproduce Pillow before 13 instead.
    /// - Returns: The resized image (the same image when the size does not change).
    /// - Throws: ``VisionEncoderError`` for a non-positive size.
    public static func resize(
        _ image: RGBImage, width: Int, height: Int, filter: Filter = .bicubic, alwaysHorizontalFirst: Bool = false
    ) throws -> RGBImage {
        guard width > 0, height > 0 else { throw VisionEncoderError("cannot resize to \(width)×\(height)") }
        if width == image.width && height == image.height { return image }
        let shrinkY = image.height - height
        let horizontalFirst = alwaysHorizontalFirst || !(shrinkY > 0 && shrinkY > (image.width - width) * 2)
        var current = image
        if horizontalFirst {
            if width != image.width { current = try pass(current, size: width, horizontal: true, filter: filter) }
            if height != image.height { current = try pass(current, size: height, horizontal: false, filter: filter) }
        } else {
            if height != image.height { current = try pass(current, size: height, horizontal: false, filter: filter) }
            if width != image.width { current = try pass(current, size: width, horizontal: true, filter: filter) }
        }
        return current
    }

    /// One separable pass along rows (`horizontal`) or columns, with Pillow's fixed-point arithmetic.
    private static func pass(_ image: RGBImage, size: Int, horizontal: Bool, filter: Filter) throws -> RGBImage {
        let (inSize, lines) = horizontal ? (image.width, image.height) : (image.height, image.width)
        let k = kernel(inSize: inSize, outSize: size, filter: filter)
        let (outWidth, outHeight) = horizontal ? (size, image.height) : (image.width, size)
        var out = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        image.pixels.withUnsafeBufferPointer { pixels in
            for line in 0..<lines {
                for position in 0..<size {
                    var sums: (Int32, Int32, Int32) = (1 << 21, 1 << 21, 1 << 21)
                    for (offset, w) in k.weights[position].enumerated() {
                        let source = k.starts[position] + offset
                        let p = (horizontal ? line * image.width + source : source * image.width + line) * 3
                        sums.0 &+= Int32(pixels[p]) &* w
                        sums.1 &+= Int32(pixels[p + 1]) &* w
                        sums.2 &+= Int32(pixels[p + 2]) &* w
                    }
                    let q = (horizontal ? line * outWidth + position : position * outWidth + line) * 3
                    out[q] = clip8(sums.0)
                    out[q + 1] = clip8(sums.1)
                    out[q + 2] = clip8(sums.2)
                }
            }
        }
        return try RGBImage(width: outWidth, height: outHeight, pixels: out)
    }
}
