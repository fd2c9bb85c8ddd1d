// swift-tools-version:6.1
// Proctor's benchmark drivers (not built by CI; each folder's run.sh builds what it needs, in release mode, and
// writes its results to results/). They depend on the root package by path and on its library products, so they
// build the very code Proctor ships: no symlinked or hand-compiled sources.
//
// The fuzz drivers (fuzz/) still compile the modules they fuzz by hand (tools/build-modules.sh): libFuzzer and
// AddressSanitizer must instrument those modules, which a SwiftPM dependency does not allow per target.
import PackageDescription

let package = Package(
    name: "ProctorBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Proctor", path: "..")],
    targets: [
        // The embedded engine vs llama.cpp (engine/run.sh, memory.sh, vision.sh, hf-check.sh).
        .executableTarget(
            name: "engine-bench",
            dependencies: [.product(name: "ProctorEngine", package: "Proctor")],
            path: "engine/Sources/engine-bench"),
        // Proctor's Parquet reader vs pyarrow (parquet/run.sh).
        .executableTarget(
            name: "parquet-bench",
            dependencies: [.product(name: "ProctorFormats", package: "Proctor")],
            path: "parquet", exclude: ["run.sh", "compare.py"], sources: ["main.swift"]),
        // Proctor's JPEG/PNG decoders vs Pillow (images/run.sh).
        .executableTarget(
            name: "image-bench",
            dependencies: [.product(name: "ProctorFormats", package: "Proctor")],
            path: "images", exclude: ["run.sh", "compare.py"], sources: ["main.swift"]),
        // Programs per second through Proctor's sandbox vs plain `subprocess` from Python (sandbox/run.sh).
        .executableTarget(
            name: "sandbox-bench",
            dependencies: [.product(name: "ProctorSandbox", package: "Proctor")],
            path: "sandbox", exclude: ["run.sh", "subprocess_bench.py"], sources: ["main.swift"]),
    ],
    swiftLanguageModes: [.v6]
)
