// swift-tools-version:6.1
// Proctor: an evaluation harness for (multimodal) reasoning models.
//
// The package reads as the pipeline's dependency diagram. Each area keeps its targets in its own array
// so that the areas can grow independently:
//   ProctorCore  ← plain values and the seams (InferenceBackend, BenchmarkAdapter, AnswerScorer)
//   ProctorStore ← SQLite results database (GRDB)             ProctorData   ← dataset adapters
//   ProctorRunner ← sharded, resumable runner                  ProctorScoring ← extraction and scoring
//   ProctorReport ← metrics, report tables, checkpoint comparison
//   ProctorOpenAI ← OpenAI-compatible backend (client) and server
//   InferenceEngine ← the embedded CPU engine (never imports the harness); ProctorEngineBackend adapts it
//   proctor      ← the executable: the only place concrete types are wired together
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
// `proctor serve` speaks HTTP/1.1 on SwiftNIO's event loops (not the cooperative pool the engine's callers run on).
let nioServer: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

// MARK: - Backbone: core values, store, runner, report
let backboneTargets: [Target] = [
    // SHA-256 comes from the system's libcrypto (OpenSSL 3): maintained, and several times faster than Swift code.
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(name: "ProctorCore", dependencies: ["CCrypto"], swiftSettings: [.unsafeFlags(["-O"])]),
    // The results database: typed records and migrations on GRDB (which links the system's SQLite).
    .target(name: "ProctorStore", dependencies: ["ProctorCore", grdb]),
    .target(name: "ProctorRunner", dependencies: ["ProctorCore", "ProctorStore", logging]),
    .target(name: "ProctorReport", dependencies: ["ProctorCore", "ProctorStore", "PublishedScores"]),
    // Published figures and their protocols, one JSON file per model card or paper (Registry/).
    .target(name: "PublishedScores", resources: [.copy("Registry")]),
    .testTarget(name: "PublishedScoresTests", dependencies: ["PublishedScores", "ProctorBenchmarks"]),
    .target(name: "ProctorTestSupport", dependencies: ["ProctorCore", "ProctorStore"]),
    .testTarget(name: "ProctorCoreTests", dependencies: ["ProctorCore"]),
    // The git commit (and dirty flag) of the source being built, written by GitStampPlugin at build time.
    .plugin(name: "GitStampPlugin", capability: .buildTool()),
    .target(name: "ProctorBuildInfo", plugins: [.plugin(name: "GitStampPlugin")]),
    .testTarget(name: "ProctorBuildInfoTests", dependencies: ["ProctorBuildInfo"]),
    .testTarget(name: "ProctorStoreTests", dependencies: ["ProctorStore", "ProctorTestSupport", "ProctorCore", grdb], exclude: ["Fixtures"]),
    .testTarget(name: "ProctorRunnerTests", dependencies: ["ProctorRunner", "ProctorReport", "ProctorTestSupport", "ProctorScoring", "ProctorData"]),
    .testTarget(name: "ProctorReportTests", dependencies: ["ProctorReport", "ProctorTestSupport"]),
]

// MARK: - Scoring: answer extraction, math equivalence, official scorers
// The scorers are optimised in debug builds too: their tests score ~60,000 published outputs item by item, which
// takes minutes unoptimised and seconds optimised.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
let scoringTargets: [Target] = [
    .target(name: "MathEquivalence", swiftSettings: optimizedInDebug),
    .target(name: "ProctorScoring", dependencies: ["ProctorCore", "MathEquivalence"], swiftSettings: optimizedInDebug),
    .target(name: "ProctorScoringReference", dependencies: ["ProctorCore", "ProctorScoring", "MathEquivalence", "OrderedJSON"],
            swiftSettings: optimizedInDebug),
    .executableTarget(name: "proctor-scoring", dependencies: ["ProctorScoringReference", "ProctorScoring", argumentParser],
                      swiftSettings: optimizedInDebug),
    .testTarget(name: "MathEquivalenceTests", dependencies: ["MathEquivalence"]),
    .testTarget(name: "ProctorScoringTests", dependencies: ["ProctorScoring", "ProctorScoringReference"]),
]

// MARK: - Benchmarks: one definition per benchmark and the registry every command reads
// A benchmark in its own targets adds them here and one line to Sources/ProctorBenchmarks/BenchmarkRegistry.swift.
let benchmarkDefinitionTargets: [Target.Dependency] = ["IFEvalBenchmark", "LiveBenchBenchmark", "LiveCodeBenchBenchmark", "BFCLBenchmark"]
let benchmarkTargets: [Target] = [
    .target(name: "ProctorBenchmarks", dependencies: ["ProctorCore", "ProctorData", "ProctorScoring"] + benchmarkDefinitionTargets),
    // LiveBench: the question files, the release selection and each task's ground-truth scorer.
    .target(name: "LiveBenchBenchmark", dependencies: ["ProctorCore", "ProctorData", "MathEquivalence", "OrderedJSON", "InstructionChecks", "PythonCompat"], swiftSettings: optimizedInDebug),
    .testTarget(name: "LiveBenchBenchmarkTests", dependencies: ["LiveBenchBenchmark", "ProctorCore", "ProctorReport"], exclude: ["Fixtures"]),
    .testTarget(name: "ProctorBenchmarksTests", dependencies: ["BFCLBenchmark", "ProctorBenchmarks", "ProctorCore", "ProctorRunner", "ProctorStore", "ProctorReport", "ProctorTestSupport"]),
]

// BFCL: the official function-call decoders and AST checker (pure values), and the benchmark built on them.
let bfclTargets: [Target] = [
    .target(name: "FunctionCallChecks", dependencies: ["OrderedJSON"], swiftSettings: optimizedInDebug),
    .testTarget(name: "FunctionCallChecksTests", dependencies: ["FunctionCallChecks", "OrderedJSON"]),
    .target(name: "BFCLBenchmark", dependencies: ["ProctorCore", "FunctionCallChecks", "BFCLMultiTurn", "OrderedJSON"]),
    // The multi-turn categories' API simulators, ported from bfcl_eval's func_source_code (five of eight so far).
    .target(name: "BFCLMultiTurn", dependencies: ["FunctionCallChecks", "PythonCompat", "OrderedJSON", "MathEquivalence"]),
    .testTarget(name: "BFCLMultiTurnTests", dependencies: ["BFCLMultiTurn", "FunctionCallChecks", "OrderedJSON", "ProctorCore", "ProctorTestSupport"],
                exclude: ["Fixtures"]),
    .testTarget(name: "BFCLBenchmarkTests", dependencies: ["BFCLBenchmark", "BFCLMultiTurn", "FunctionCallChecks", "OrderedJSON", "ProctorCore", "ProctorTestSupport"],
                exclude: ["Fixtures"]),
]

// MARK: - Data: benchmark adapters, Parquet, images, hub cache
let dataTargets: [Target] = [
    .target(name: "ProctorData", dependencies: ["ProctorCore", "Parquet", "ImageCodec", "PythonCompat"]),
    .testTarget(name: "ProctorDataTests", dependencies: ["ProctorData", "ProctorCore"], exclude: ["Fixtures"]),
]

// MARK: - File formats: Parquet, JPEG/PNG images (C libraries wrapped in Swift types)
let formatTargets: [Target] = [
    .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "Parquet", dependencies: ["ProctorCore", "CSnappy", "CZstd", "CZlib"]),
    .testTarget(name: "ParquetTests", dependencies: ["Parquet"], exclude: ["Fixtures"]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
    // The one RGB image type: decoders produce it, the vision front end consumes it; it depends on nothing.
    .target(name: "ImagePixels"),
    .testTarget(name: "ImagePixelsTests", dependencies: ["ImagePixels"]),
    .target(name: "ImageCodec", dependencies: ["ProctorCore", "ImagePixels", "CJPEG", "CPNG"]),
    .testTarget(name: "ImageCodecTests", dependencies: ["ImageCodec", "ImagePixels", "Parquet"], exclude: ["Fixtures"]),
]

// MARK: - OpenAI-compatible backend and server
let openAITargets: [Target] = [
    .target(name: "ProctorOpenAI", dependencies: ["ProctorCore", logging]),
    .target(name: "ProctorServe", dependencies: ["ProctorCore", "ProctorOpenAI", logging] + nioServer),
    .testTarget(name: "ProctorOpenAITests", dependencies: ["ProctorOpenAI", "ProctorServe"]),
    .testTarget(name: "ProctorServeTests", dependencies: ["ProctorServe", "ProctorOpenAI"]),
]

// MARK: - Embedded inference engine
let engineTargets: [Target] = [
    .target(name: "ModelFormats"),
    // C kernels compile with -O2 even in debug builds (they are the engine's hot loops; -O0 would make tests crawl).
    .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("pthread")]),
    // The worker-thread pool (and the machine's physical core count), shared by the engine and the vision tower.
    .target(name: "EngineThreads", dependencies: ["CKernels"]),
    .testTarget(name: "EngineThreadsTests", dependencies: ["EngineThreads"]),
    .target(name: "InferenceEngine", dependencies: ["ModelFormats", "CKernels", "EngineThreads", "SafeTensors"], swiftSettings: optimizedInDebug),
    .testTarget(name: "InferenceEngineTests", dependencies: ["InferenceEngine", "EngineThreads", "ModelFormats", "CKernels", "SafeTensors"],
                exclude: ["Fixtures"]),
    .target(name: "ProctorEngineBackend", dependencies: [
        "InferenceEngine", "ModelFormats", "ProctorCore", "TextTokenizers", "TextTokenizersGGUF", "ChatTemplates",
        "VisionEncoder", "ImageCodec", "ImagePixels", "EngineThreads",
    ], swiftSettings: optimizedInDebug),
    .testTarget(name: "ProctorEngineBackendTests", dependencies: [
        "ProctorEngineBackend", "EngineThreads", "ProctorCore", "SafeTensors", "InferenceEngine", "VisionEncoder", "ImageCodec", "ImagePixels", "ProctorRunner",
        "ProctorStore", "TokenizerTestSupport",
    ], exclude: ["Fixtures"]),
    .testTarget(name: "ModelFormatsTests", dependencies: ["ModelFormats"]),
]

// MARK: - Tokenizers, chat templates, safetensors and the vision front end (used by the engine)
let tokenizerTargets: [Target] = [
    .target(name: "OrderedJSON"),
    .testTarget(name: "OrderedJSONTests", dependencies: ["OrderedJSON"]),
    .target(name: "TextTokenizers", dependencies: ["OrderedJSON"]),
    .target(name: "TokenizerTestSupport", dependencies: ["SafeTensors"], path: "Tests/TokenizerTestSupport"),
    .testTarget(name: "TextTokenizersTests", dependencies: ["TextTokenizers", "TokenizerTestSupport"], exclude: ["Fixtures"]),
    .target(name: "ChatTemplates", dependencies: ["OrderedJSON"]),
    .testTarget(name: "ChatTemplatesTests", dependencies: ["ChatTemplates", "TokenizerTestSupport"], exclude: ["Fixtures"]),
    .target(name: "SafeTensors"),
    .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors", "TokenizerTestSupport"]),
    .target(name: "VisionEncoder", dependencies: ["SafeTensors", "CKernels", "EngineThreads", "ImagePixels"], swiftSettings: optimizedInDebug),
    // The float32 Qwen2 reference decoder the vision tests compare against (test-only, not shipped in VisionEncoder).
    .target(name: "VisionTestSupport", dependencies: ["VisionEncoder", "InferenceEngine", "SafeTensors"], path: "Tests/VisionTestSupport",
            swiftSettings: optimizedInDebug),
    .testTarget(name: "VisionEncoderTests", dependencies: ["VisionEncoder", "EngineThreads", "VisionTestSupport", "ImagePixels", "SafeTensors", "TokenizerTestSupport"],
                exclude: ["Fixtures"]),
    .target(name: "TextTokenizersGGUF", dependencies: ["TextTokenizers", "ModelFormats"]),
    .testTarget(name: "TextTokenizersGGUFTests", dependencies: ["TextTokenizersGGUF", "TextTokenizers", "ModelFormats", "TokenizerTestSupport"]),
]

// MARK: - Python semantics official scorers rely on, and the langdetect / nltk Punkt ports (IFEval's language,
// sentence and word checks); Foundation only
let textAnalysisTargets: [Target] = [
    .target(name: "PythonCompat"),
    .testTarget(name: "PythonCompatTests", dependencies: ["PythonCompat"]),
    .target(name: "TextAnalysis", dependencies: ["PythonCompat"], resources: [.copy("Resources")], swiftSettings: optimizedInDebug),
    .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis", "PythonCompat"], exclude: ["Fixtures"]),
]

// MARK: - Instruction following: IFEval's verifiable-instruction checkers (LiveBench reuses them) and the benchmark
let instructionTargets: [Target] = [
    .target(name: "InstructionChecks", dependencies: ["ProctorCore", "TextAnalysis", "PythonCompat"], swiftSettings: optimizedInDebug),
    .testTarget(name: "InstructionChecksTests", dependencies: ["InstructionChecks", "ProctorCore"], exclude: ["Fixtures"]),
    .target(name: "IFEvalBenchmark", dependencies: ["ProctorCore", "ProctorData", "ProctorScoring", "InstructionChecks"], swiftSettings: optimizedInDebug),
    .testTarget(name: "IFEvalBenchmarkTests", dependencies: ["IFEvalBenchmark", "ProctorCore", "ProctorReport", "ProctorRunner", "ProctorStore", "ProctorTestSupport", "InstructionChecks"], exclude: ["Fixtures"]),
]

// MARK: - Code execution: the sandbox and the benchmarks that run model-written programs
let codeTargets: [Target] = [
    .target(name: "CSandbox"),
    .target(name: "Sandbox", dependencies: ["CSandbox"]),
    .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
    .target(name: "LiveCodeBenchBenchmark", dependencies: ["ProctorCore", "ProctorData", "Sandbox", "CZlib"]),
    .testTarget(name: "LiveCodeBenchBenchmarkTests", dependencies: ["LiveCodeBenchBenchmark", "ProctorCore", "Sandbox", "ProctorRunner", "ProctorStore", "ProctorReport", "ProctorTestSupport"],
                exclude: ["Fixtures"]),
]

// MARK: - The executable
// Areas add the targets the executable wires in here (one line per area).
let openAIExecutableDependencies: [Target.Dependency] = ["ProctorOpenAI", "ProctorServe"]
let engineExecutableDependencies: [Target.Dependency] = ["ProctorEngineBackend"]
let extraExecutableDependencies = openAIExecutableDependencies + engineExecutableDependencies
let executableDependencies: [Target.Dependency] = [
    "ProctorCore", "ProctorStore", "ProctorRunner", "ProctorReport", "ProctorScoring", "ProctorData", "ProctorBenchmarks", "ProctorBuildInfo",
    "PublishedScores", argumentParser, logging,
]
let cliTargets: [Target] = [
    .executableTarget(name: "proctor", dependencies: executableDependencies + extraExecutableDependencies),
    .testTarget(name: "ProctorCLITests", dependencies: ["ProctorTestSupport", "ProctorCore", "ProctorStore", "BFCLMultiTurn", "FunctionCallChecks", "OrderedJSON"]),
]


let package = Package(
    name: "Proctor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        // The harness as libraries, for benchmarks/ tools and for users embedding Proctor.
        .library(name: "ProctorHarness", targets: [
            "ProctorCore", "ProctorStore", "ProctorRunner", "ProctorReport", "ProctorScoring", "ProctorData", "ProctorBenchmarks",
            "PublishedScores",
        ]),
        .library(name: "ProctorEngine", targets: [
            "InferenceEngine", "ProctorEngineBackend", "ModelFormats", "TextTokenizers", "ChatTemplates", "VisionEncoder", "SafeTensors", "EngineThreads",
        ]),
        // The file formats (Parquet, JPEG/PNG) with the core values they report errors in, for benchmarks/ tools.
        .library(name: "ProctorFormats", targets: ["ProctorCore", "Parquet", "ImageCodec", "ImagePixels"]),
        .library(name: "ProctorOpenAIClient", targets: ["ProctorOpenAI"]),
        // The sandbox that runs model-written programs, usable alone.
        .library(name: "ProctorSandbox", targets: ["Sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: backboneTargets + scoringTargets + benchmarkTargets + bfclTargets + dataTargets + formatTargets + openAITargets + tokenizerTargets + engineTargets + codeTargets + textAnalysisTargets + instructionTargets + cliTargets,
    swiftLanguageModes: [.v6]
)
