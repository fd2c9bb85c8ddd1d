import Foundation
@_exported import ImagePixels
import ProctorCore

/// Decodes benchmark images (JPEG through libjpeg-turbo, PNG through libpng) to ``RGBImage``, the way Pillow's
/// `Image.open(…).convert("RGB")` does: grayscale is replicated, alpha is dropped (not composited), palettes are
/// expanded, CMYK is converted with Pillow's formula; JPEG uses the ISLOW IDCT with fancy upsampling.
public enum ImageDecoder {
    /// Decodes an image file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The encoded image.
    ///   - name: The item or file the image belongs to, for error messages (`"validation_Accounting_3 image_1"`).
    ///   - limits: Size limits; larger images are refused.
    /// - Returns: The RGB pixels.
    /// - Throws: ``ProctorCore/ProctorError``: `.invalidInput` for corrupt or truncated data or images beyond the
    ///   limits, `.unsupported` for GIF, WebP, BMP, TIFF or unrecognised data; the message names `name`.
    public static func decode(_ bytes: Data, name: String, limits: ImageLimits = .default) throws -> RGBImage {
        guard let format = ImageFormat.detect(bytes) else {
            let head = bytes.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
            throw ProctorError(
                .unsupported,
                "Image \(name) is not a JPEG or PNG file (it starts with bytes \(head.isEmpty ? "(empty)" : head))."
                    + " Check that the image was downloaded completely.")
        }
        do {
            switch format {
            case .jpeg: return try JPEGDecoding.decode(bytes, limits: limits)
            case .png: return try PNGDecoding.decode(bytes, limits: limits)
            default:
                throw ProctorError(
                    .unsupported,
                    "Image \(name) is a \(format.rawValue.uppercased()) file; Proctor decodes JPEG and PNG only."
                        + " Convert it to PNG (e.g. with Pillow) and point the dataset at the converted file.")
            }
        } catch let failure as ImageFailure {
            throw ProctorError(
                .invalidInput,
                "Image \(name) (\(format.rawValue.uppercased())) could not be decoded: \(failure.reason)."
                    + (failure.tooLarge ? " Raise the image size limit if the image is genuine."
                        : " The file is corrupt or truncated; download it again."))
        }
    }

    /// Decodes an image file.
    ///
    /// - Parameters:
    ///   - path: The file's path (also used as the name in error messages).
    ///   - limits: Size limits.
    /// - Returns: The RGB pixels.
    /// - Throws: ``ProctorCore/ProctorError`` (`.notFound` for a missing file, otherwise as ``decode(_:name:limits:)``).
    public static func decode(contentsOf path: String, limits: ImageLimits = .default) throws -> RGBImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProctorError(.notFound, "Image file \(path) cannot be read (missing or unreadable). Fetch the dataset's images.")
        }
        return try decode(data, name: path, limits: limits)
    }

    /// Checks dimensions against the limits before pixels are allocated.
    static func check(width: Int, height: Int, _ limits: ImageLimits) throws {
        guard width > 0, height > 0 else { throw ImageFailure("it has an empty size \(width)x\(height)") }
        guard width <= limits.maximumDimension, height <= limits.maximumDimension,
              width * height <= limits.maximumPixels
        else {
            throw ImageFailure("\(width)x\(height) pixels exceed the limit of \(limits.maximumPixels) pixels", tooLarge: true)
        }
    }
}

/// A decoder's failure before the image's name is attached.
struct ImageFailure: Error, Sendable {
    var reason: String
    var tooLarge = false

    init(_ reason: String, tooLarge: Bool = false) {
        self.reason = reason
        self.tooLarge = tooLarge
    }
}
