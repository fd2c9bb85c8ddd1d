// swift-tools-version:6.1
// Speed and accuracy probes for the embedded engine (not built by CI; see run.sh and results/engine-speed.md).
// The engine's source folders are symlinked from the root package (it has no library products to depend on),
// so this package builds the very same code in release mode.
import PackageDescription

let package = Package(
    name: "EngineBenchmarks",
    platforms: [.macOS(.v14)],
    targets: [
        .target(name: "ModelFormats"),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("pthread")]),
        .target(name: "SafeTensors"),
        .target(name: "InferenceEngine", dependencies: ["ModelFormats", "CKernels", "SafeTensors"]),
        .target(name: "VisionEncoder", dependencies: ["SafeTensors", "CKernels", "InferenceEngine"]),
        .executableTarget(name: "engine-bench", dependencies: ["InferenceEngine", "ModelFormats", "VisionEncoder"]),
    ],
    swiftLanguageModes: [.v6]
)
