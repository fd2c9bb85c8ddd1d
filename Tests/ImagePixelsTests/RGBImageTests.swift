import ImagePixels
import Testing

struct RGBImageTests {
    @Test func pixelsMustMatchTheDimensions() throws {
        #expect(throws: RGBImageError.self) { try RGBImage(width: 2, height: 2, pixels: [0, 0, 0]) }
        #expect(throws: RGBImageError.self) { try RGBImage(width: 0, height: 1, pixels: []) }
        let image = try RGBImage(width: 2, height: 1, pixels: [1, 2, 3, 4, 5, 6])
        #expect(image[1, 0] == (red: 4, green: 5, blue: 6))
    }

    @Test func cropKeepsTheRectangleAndRefusesOneOutside() throws {
        // 3×2: pixel (x, y) holds x + 10·y in all three channels.
        let pixels = (0..<2).flatMap { y in (0..<3).flatMap { x in [UInt8](repeating: UInt8(x + 10 * y), count: 3) } }
        let image = try RGBImage(width: 3, height: 2, pixels: pixels)
        let crop = try image.cropped(x: 1, y: 1, width: 2, height: 1)
        #expect(crop.width == 2 && crop.height == 1)
        #expect(crop.pixels == [11, 11, 11, 12, 12, 12])
        #expect(throws: RGBImageError.self) { try image.cropped(x: 2, y: 0, width: 2, height: 1) }
    }
}
