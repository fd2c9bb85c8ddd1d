import Foundation
import SafeTensors
import Testing
import TokenizerTestSupport
import ImagePixels
import VisionEncoder

/// InternVL preprocessing against Pillow and the Python reference (`Fixtures/make_preprocess_golden.py`):
/// resized pixels equal byte for byte, normalized values equal in float32, the same tile grids.
struct PreprocessingTests {
    static let golden = Result {
        try SafeTensorsFile(url: TestPaths.fixtures(of: "VisionEncoderTests").appendingPathComponent("preprocess-golden.safetensors"))
    }

    static func image(_ file: SafeTensorsFile, _ name: String) throws -> RGBImage {
        let shape = try file.info(name).shape
        return try RGBImage(width: shape[1], height: shape[0], pixels: try file.integers(name).map { UInt8($0) })
    }

    @Test(arguments: ["wide", "tall", "square"])
    func resizeMatchesPillow(_ name: String) throws {
        let file = try Self.golden.get()
        let source = try Self.image(file, name + ".image")
        for (width, height) in [(110, 47), (13, 29), (75, 7)] {
            let expected = try Self.image(file, "\(name).resize_\(width)x\(height)")
            let resized = try PillowResize.resize(source, width: width, height: height)
            let differing = zip(resized.pixels, expected.pixels).filter { $0 != $1 }.count
            #expect(resized.width == width && resized.height == height)
            #expect(differing == 0, "\(name) → \(width)×\(height): \(differing) bytes differ from Pillow")
        }
    }

    @Test(arguments: ["wide", "tall", "square"])
    func tilesAndPixelValuesMatchPython(_ name: String) throws {
        let file = try Self.golden.get()
        let preprocessor = InternVLPreprocessor(imageSize: 16, maxTiles: 6)
        let source = try Self.image(file, name + ".image")
        let grid = try file.integers(name + ".grid")
        let chosen = preprocessor.grid(width: source.width, height: source.height)
        #expect([Int64(chosen.columns), Int64(chosen.rows)] == grid)
        let tiles = try preprocessor.tiles(source)
        let expectedTiles = try file.integers(name + ".tiles").map { UInt8($0) }
        #expect(zip(tiles.flatMap(\.pixels), expectedTiles).filter { $0 != $1 }.isEmpty)
        #expect(tiles.count * 16 * 16 * 3 == expectedTiles.count)
        let (pixels, count) = try preprocessor.pixelValues(source)
        #expect(count == tiles.count)
        let expected = try file.floats(name + ".pixel_values")
        #expect(pixels.count == expected.count)
        let firstDifference = zip(pixels, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "normalized values differ from index \(firstDifference?.offset ?? -1): \(String(describing: firstDifference?.element))")
    }

    @Test func gridChoiceMatchesPythonAtFullSize() throws {
        let table = try Self.golden.get().integers("grid_table").map(Int.init)
        var mismatches: [String] = []
        for row in stride(from: 0, to: table.count, by: 5) {
            let (w, h, maxTiles) = (table[row], table[row + 1], table[row + 2])
            let grid = InternVLPreprocessor(maxTiles: maxTiles).grid(width: w, height: h)
            if grid != (table[row + 3], table[row + 4]) { mismatches.append("\(w)×\(h) max \(maxTiles): \(grid)") }
        }
        #expect(table.count > 1000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func badImagesAreErrors() throws {
        #expect(throws: RGBImageError.self) { try RGBImage(width: 2, height: 2, pixels: [0, 0, 0]) }
        let image = try RGBImage(width: 2, height: 1, pixels: [1, 2, 3, 4, 5, 6])
        #expect(throws: RGBImageError.self) { try image.cropped(x: 1, y: 0, width: 2, height: 1) }
        #expect(try image.cropped(x: 1, y: 0, width: 1, height: 1).pixels == [4, 5, 6])
        #expect(throws: VisionEncoderError.self) { try PillowResize.resize(image, width: 0, height: 1) }
    }
}
