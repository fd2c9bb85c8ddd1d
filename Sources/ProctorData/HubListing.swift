import Foundation
import ProctorCore

/// A dataset repository's files at one commit, as the hub's API lists them
/// (`GET /api/datasets/OWNER/NAME/revision/REV?blobs=true`).
public struct HubListing: Sendable, Hashable, Decodable {
    /// One file of the repository.
    public struct File: Sendable, Hashable, Decodable {
        /// The Git LFS pointer of a large file.
        public struct LFS: Sendable, Hashable, Decodable {
            /// The SHA-256 of the content (lower-case hex).
            public var sha256: String
            /// The content's size in bytes.
            public var size: Int
        }

        /// The path in the repository (`Accounting/validation-00000-of-00001.parquet`).
        public var path: String
        /// The Git blob id (used as the cache's blob name for files outside LFS, as `huggingface_hub` does).
        public var blobID: String?
        /// The size in bytes, when listed.
        public var size: Int?
        /// The LFS pointer, for large files.
        public var lfs: LFS?

        enum CodingKeys: String, CodingKey {
            case path = "rfilename", blobID = "blobId", size, lfs
        }

        /// Creates a file entry.
        public init(path: String, blobID: String?, size: Int?, lfs: LFS?) {
            self.path = path
            self.blobID = blobID
            self.size = size
            self.lfs = lfs
        }

        /// The name of its blob in the cache: the LFS SHA-256, else the Git blob id.
        public var blobName: String? { lfs?.sha256 ?? blobID }

        /// The expected size.
        public var expectedSize: Int? { lfs?.size ?? size }
    }

    /// The commit the revision resolved to.
    public var commit: String
    /// The files.
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case commit = "sha", files = "siblings"
    }

    /// Creates a listing.
    public init(commit: String, files: [File]) {
        self.commit = commit
        self.files = files
    }
}

/// What `proctor fetch BENCHMARK` downloads: a hub dataset and the files of it an adapter reads.
public struct HubFetchPlan: Sendable {
    /// The dataset (`MMMU/MMMU`).
    public var dataset: String
    /// Whether a file (by path in the repository) is needed.
    public var wants: @Sendable (String) -> Bool
    /// Whether the dataset is gated (needs `HF_TOKEN` and accepted terms).
    public var gated: Bool

    /// Creates a plan.
    ///
    /// - Parameters:
    ///   - dataset: `OWNER/NAME`.
    ///   - wants: Whether a repository path is needed.
    ///   - gated: Whether the dataset needs a token.
    public init(dataset: String, wants: @escaping @Sendable (String) -> Bool, gated: Bool) {
        self.dataset = dataset
        self.wants = wants
        self.gated = gated
    }

    /// The plan of each benchmark Proctor can fetch, by benchmark name.
    public static let table: [String: HubFetchPlan] = [
        "mmmu": HubFetchPlan(dataset: "MMMU/MMMU", wants: { path in
            let name = path.split(separator: "/").last ?? ""
            return path.hasSuffix(".parquet") && (name.hasPrefix("validation-") || name.hasPrefix("dev-"))
        }, gated: false),
        "mmmu_pro": HubFetchPlan(dataset: "MMMU/MMMU_Pro", wants: { $0.hasSuffix(".parquet") }, gated: false),
        "mathvista": HubFetchPlan(dataset: "AI4Math/MathVista", wants: { $0.hasSuffix(".parquet") }, gated: false),
        "mathvision": HubFetchPlan(dataset: "MathLLMs/MathVision", wants: { $0.hasSuffix(".parquet") }, gated: false),
        "olympiadbench": HubFetchPlan(dataset: "Hothan/OlympiadBench", wants: { $0.hasSuffix(".parquet") }, gated: false),
        "aime24": HubFetchPlan(dataset: "HuggingFaceH4/aime_2024", wants: { $0.hasSuffix(".parquet") }, gated: false),
        "aime25": HubFetchPlan(dataset: "math-ai/aime25", wants: { $0.hasSuffix(".jsonl") }, gated: false),
        "math500": HubFetchPlan(dataset: "HuggingFaceH4/MATH-500", wants: { $0 == "test.jsonl" }, gated: false),
        "gpqa": HubFetchPlan(dataset: "Idavidrein/gpqa", wants: { $0.hasSuffix("gpqa_diamond.csv") }, gated: true),
    ]
}
