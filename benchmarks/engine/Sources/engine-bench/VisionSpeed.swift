import EngineThreads
import Foundation
import VisionEncoder

/// Time of the vision tower on one tile of random pixels (the tower's work does not depend on the pixel values).
enum VisionSpeed {
    static func run(folder: String, threads: Int, layers: Int?) throws {
        // PROCTOR_KERNELS forces a kernel set, as in `proctor run`.
        let kernels = try KernelSet.fromEnvironment(ProcessInfo.processInfo.environment)
        let model = try InternVLVisionModel(folder: URL(fileURLWithPath: folder), threads: threads, kernels: kernels)
        let side = model.config.vision.imageSize
        var state: UInt64 = 1
        let pixels = (0..<(3 * side * side)).map { _ -> Float in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return Float(Int(state >> 40) % 2000 - 1000) / 500
        }
        let start = Date()
        _ = try model.hiddenStates(pixels: pixels, tileCount: 1, layers: layers)
        let seconds = Date().timeIntervalSince(start)
        let count = layers ?? model.config.vision.numHiddenLayers
        let json: [String: Any] = ["threads": threads, "kernels": kernels.name, "layers": count, "hidden": model.config.vision.hiddenSize,
                                   "image_size": side, "seconds": seconds, "seconds_per_layer": seconds / Double(max(1, count))]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
