// swift-tools-version:6.1
// Proctor: an evaluation harness for (multimodal) reasoning models.
//
// The package reads as the pipeline's dependency diagram. Each area keeps its targets in its own array
// so that the areas can grow independently:
//   ProctorCore  ← plain values and the seams (InferenceBackend, BenchmarkAdapter, AnswerScorer)
//   ProctorStore ← SQLite results database (CSQLite)          ProctorData   ← dataset adapters
//   ProctorRunner ← sharded, resumable runner                  ProctorScoring ← extraction and scoring
//   ProctorReport ← metrics, report tables, checkpoint comparison
//   ProctorOpenAI ← OpenAI-compatible backend (client) and server
//   InferenceEngine ← the embedded CPU engine (never imports the harness); ProctorEngineBackend adapts it
//   proctor      ← the executable: the only place concrete types are wired together
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")

// MARK: - Backbone: core values, store, runner, report
let backboneTargets: [Target] = [
    .target(name: "ProctorCore"),
    .testTarget(name: "ProctorCoreTests", dependencies: ["ProctorCore"]),
]

// MARK: - Scoring: answer extraction, math equivalence, official scorers
// The scorers are optimised in debug builds too: their tests score ~60,000 published outputs item by item, which
// takes minutes unoptimised and seconds optimised.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
let scoringTargets: [Target] = [
    .target(name: "MathEquivalence", swiftSettings: optimizedInDebug),
    .target(name: "ProctorScoring", dependencies: ["ProctorCore", "MathEquivalence"], swiftSettings: optimizedInDebug),
    .target(name: "ProctorScoringReference", dependencies: ["ProctorCore", "ProctorScoring", "MathEquivalence"], swiftSettings: optimizedInDebug),
    .executableTarget(name: "proctor-scoring", dependencies: ["ProctorScoringReference", "ProctorScoring", argumentParser],
                      swiftSettings: optimizedInDebug),
    .testTarget(name: "MathEquivalenceTests", dependencies: ["MathEquivalence"]),
    .testTarget(name: "ProctorScoringTests", dependencies: ["ProctorScoring", "ProctorScoringReference"]),
]

// MARK: - Data: benchmark adapters, Parquet, images, hub cache
let dataTargets: [Target] = [
    .target(name: "ProctorData", dependencies: ["ProctorCore"]),
]

// MARK: - File formats: Parquet, JPEG/PNG images (C libraries wrapped in Swift types)
let formatTargets: [Target] = [
]

// MARK: - OpenAI-compatible backend and server
let openAITargets: [Target] = [
]

// MARK: - Embedded inference engine
let engineTargets: [Target] = [
]

// MARK: - Tokenizers, chat templates, safetensors and the vision front end (used by the engine)
let tokenizerTargets: [Target] = [
]

// MARK: - The executable
// Areas add the targets the executable wires in here (one line per area).
let openAIExecutableDependencies: [Target.Dependency] = []
let engineExecutableDependencies: [Target.Dependency] = []
let extraExecutableDependencies = openAIExecutableDependencies + engineExecutableDependencies
let executableDependencies: [Target.Dependency] = [
    "ProctorCore", "ProctorScoring", "ProctorData",
    argumentParser, logging,
]
let cliTargets: [Target] = [
    .executableTarget(name: "proctor", dependencies: executableDependencies + extraExecutableDependencies),
]


let package = Package(
    name: "Proctor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: backboneTargets + scoringTargets + dataTargets + formatTargets + openAITargets + tokenizerTargets + engineTargets + cliTargets,
    swiftLanguageModes: [.v6]
)
