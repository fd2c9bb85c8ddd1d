import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite struct ImageFilesTests {
    /// A 2×2 RGB PNG (made with Python's zlib and struct).
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4wcUFRAwQCgAbFgNxOExuRAAAAABJRU5ErkJggg==")!

    @Test func aValidImageBecomesAnAttachment() throws {
        let image = try ImageFiles.attachment(Self.png, name: "image_1", itemID: "x", file: "f.parquet: image_1").get()
        #expect(image.mediaType == "image/png")
        #expect(image.sha256 == SHA256.hex(Self.png))
    }

    @Test func damagedDataIsACorruptFileForThatItem() {
        var damaged = Self.png
        damaged[45] ^= 0xFF  // inside the IDAT data: the chunk's CRC no longer matches
        let cases: [(Data, String)] = [
            (damaged, "does not decode"),
            (Self.png.prefix(30), "PNG without its IEND chunk"),
            (Data("GIF89a-not-really-an-image".utf8), "GIF without its trailer"),
            (Data(repeating: 0x41, count: 64), "not a JPEG, PNG"),
        ]
        for (data, reason) in cases {
            switch ImageFiles.attachment(data, name: "image_1", itemID: "item-7", file: "f.parquet: image_1") {
            case .success: Issue.record("accepted a bad image (\(reason))")
            case .failure(let problem):
                #expect(problem.kind == .corruptFile)
                #expect(problem.itemID == "item-7")
                #expect(problem.message.contains("f.parquet: image_1"))
                #expect(problem.message.contains(reason), "\(problem.message)")
            }
        }
    }

    @Test func aMissingFileIsAMissingFileProblem() {
        let url = URL(fileURLWithPath: "/nonexistent/images/9.jpg")
        guard case .failure(let problem) = ImageFiles.load(url, name: "images/9.jpg", itemID: "9") else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(problem.kind == .missingFile)
        #expect(problem.files == ["/nonexistent/images/9.jpg"])
    }
}
