import Foundation
import ImageCodec
import ProctorCore

/// Reading a benchmark's image files into `ImageAttachment`s, turning a missing or unreadable image into a problem
/// for that item only.
public enum ImageFiles {
    /// Reads one image file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - name: The name recorded with the attachment (the benchmark's own relative path, such as `images/4.jpg`).
    ///   - itemID: The item that needs it (for the problem's message).
    /// - Returns: The attachment, or the problem (`.missingFile` when the file is absent, `.corruptFile` when its
    ///   bytes are not an image).
    public static func load(_ url: URL, name: String, itemID: String) -> Result<ImageAttachment, ItemLoadProblem> {
        if LoadPurpose.scoringOnly { return .success(placeholder(name: name)) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ItemLoadProblem(
                itemID: itemID, kind: .missingFile, files: [url.path],
                message: "item \(itemID): image \(url.path) is missing"))
        }
        return attachment(data, name: name, itemID: itemID, file: url.path)
    }

    /// Checks encoded image bytes and wraps them in an attachment: JPEG and PNG images are decoded (libjpeg-turbo,
    /// libpng) so that a corrupt one fails here, for its item only; other formats get `ImageCheck`'s structural check.
    ///
    /// - Parameters:
    ///   - data: The encoded image.
    ///   - name: The name recorded with the attachment.
    ///   - itemID: The item that needs it.
    ///   - file: Where the bytes came from (a path, or `FILE.parquet: image_1`).
    /// - Returns: The attachment, or a `.corruptFile` problem naming the item and the file.
    public static func attachment(_ data: Data, name: String, itemID: String, file: String) -> Result<ImageAttachment, ItemLoadProblem> {
        if LoadPurpose.scoringOnly { return .success(placeholder(name: name)) }
        func corrupt(_ reason: String) -> Result<ImageAttachment, ItemLoadProblem> {
            .failure(ItemLoadProblem(
                itemID: itemID, kind: .corruptFile, files: [file],
                message: "item \(itemID): image \(file) cannot be used (\(reason)); replace the file or fetch the dataset again"))
        }
        // A cheap structural check first (it also covers GIF and WebP, which are not decoded here).
        if let defect = ImageCheck.defect(in: data) { return corrupt(defect) }
        let mediaType = ImageAttachment.sniffMediaType(data)
        if mediaType == "image/jpeg" || mediaType == "image/png" {
            do {
                _ = try ImageDecoder.decode(data, name: "\(itemID) \(name)")
            } catch {
                return corrupt("it does not decode: \((error as? ProctorError)?.message ?? "\(error)")")
            }
        }
        return .success(ImageAttachment(data: data, name: name))
    }

    /// An image that was not read: items loaded only to score outputs (`LoadPurpose.scoringOnly`) need no pixels.
    ///
    /// - Parameter name: The benchmark's own name of the image.
    /// - Returns: An empty attachment of that name.
    public static func placeholder(name: String) -> ImageAttachment {
        ImageAttachment(data: Data(), mediaType: "application/octet-stream", name: name)
    }
}

/// Structural checks of encoded images: the container must be complete (signature, header and end marker present).
///
/// This catches truncated and non-image files without decoding pixels; JPEG and PNG are then also decoded.
public enum ImageCheck {
    /// What is wrong with the bytes, or nil when they look like a complete JPEG, PNG, GIF, WebP or BMP image.
    ///
    /// - Parameter data: Encoded image bytes.
    /// - Returns: A short description of the defect.
    public static func defect(in data: Data) -> String? {
        let bytes = [UInt8](data)
        guard bytes.count >= 16 else { return "only \(bytes.count) bytes" }
        switch ImageAttachment.sniffMediaType(data) {
        case "image/jpeg":
            // The end-of-image marker may be followed by padding or metadata some encoders append.
            let tail = bytes.suffix(4096)
            return zip(tail, tail.dropFirst()).contains(where: { $0 == 0xFF && $1 == 0xD9 })
                ? nil : "JPEG without its end-of-image marker (truncated?)"
        case "image/png":
            guard bytes[8..<16].elementsEqual([0, 0, 0, 13] + Array("IHDR".utf8)) else { return "PNG without its IHDR header" }
            let tail = Array(bytes.suffix(64))
            let iend = Array("IEND".utf8)
            let found = tail.count >= 4 && (0...(tail.count - 4)).contains { tail[$0..<($0 + 4)].elementsEqual(iend) }
            return found ? nil : "PNG without its IEND chunk (truncated?)"
        case "image/gif":
            return bytes.suffix(16).contains(0x3B) ? nil : "GIF without its trailer (truncated?)"
        case "image/webp":
            let declared = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
            return declared + 8 <= bytes.count ? nil : "WebP shorter than its header says (truncated?)"
        case "image/bmp":
            return nil
        default:
            return "not a JPEG, PNG, GIF, WebP or BMP image (first bytes \(bytes.prefix(4).map { String(format: "%02x", $0) }.joined()))"
        }
    }
}
