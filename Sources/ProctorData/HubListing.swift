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
