import Foundation
import ProctorCore

/// The Hugging Face hub cache: `ROOT/datasets--OWNER--NAME/{refs/REF, snapshots/COMMIT/…, blobs/…}`.
///
/// The layout is the one `huggingface_hub` writes, so that files downloaded by Python tools and by `proctor fetch`
/// are shared: `refs/main` holds the commit a branch pointed to when it was last fetched, and `snapshots/COMMIT/`
/// holds the files under their paths in the repository.
public struct HubCache: Sendable, Hashable {
    /// The cache folder (`$HF_HUB_CACHE`, `$HF_HOME/hub` or `~/.cache/huggingface/hub`).
    public var root: URL

    /// Creates a view of a cache folder.
    ///
    /// - Parameter root: The cache folder.
    public init(root: URL) {
        self.root = root
    }

    /// The cache folder named by the environment as `huggingface_hub` resolves it: `HF_HUB_CACHE`, then
    /// `HF_HOME/hub`, then `XDG_CACHE_HOME/huggingface/hub`, then `~/.cache/huggingface/hub`.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - home: The home folder (for tests).
    /// - Returns: The folder (it may not exist yet; `proctor fetch` creates it).
    public static func defaultRoot(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) -> URL {
        if let cache = environment["HF_HUB_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        if let hfHome = environment["HF_HOME"], !hfHome.isEmpty {
            return URL(fileURLWithPath: hfHome).appendingPathComponent("hub")
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("huggingface/hub")
        }
        return home.appendingPathComponent(".cache/huggingface/hub")
    }

    /// The folder of a dataset repository (`datasets--MMMU--MMMU`).
    ///
    /// - Parameter dataset: `OWNER/NAME`.
    /// - Returns: The folder, whether or not it exists.
    public func repositoryFolder(dataset: String) -> URL {
        root.appendingPathComponent("datasets--" + dataset.replacingOccurrences(of: "/", with: "--"))
    }

    /// The snapshot folder of a dataset at a revision, if it is in the cache.
    ///
    /// A branch or tag name is looked up in `refs/`; a full commit hash is used as is. With the default revision
    /// `main` and no `refs/main`, the only snapshot (or the most recently modified one) is used, as happens when a
    /// cache was copied without its refs.
    ///
    /// - Parameters:
    ///   - dataset: `OWNER/NAME`.
    ///   - revision: A branch, tag or commit.
    /// - Returns: The snapshot folder, or nil when the dataset is not cached at that revision.
    public func snapshot(dataset: String, revision: String = "main") -> URL? {
        let repo = repositoryFolder(dataset: dataset)
        let snapshots = repo.appendingPathComponent("snapshots")
        let refFile = repo.appendingPathComponent("refs").appendingPathComponent(revision)
        if let data = FileManager.default.contents(atPath: refFile.path),
            let commit = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !commit.isEmpty
        {
            let folder = snapshots.appendingPathComponent(commit)
            return Self.isFolder(folder) ? folder : nil
        }
        let direct = snapshots.appendingPathComponent(revision)
        if Self.isFolder(direct) { return direct }
        guard revision == "main" else { return nil }
        let keys: [URLResourceKey] = [.contentModificationDateKey, .isDirectoryKey]
        let entries = (try? FileManager.default.contentsOfDirectory(at: snapshots, includingPropertiesForKeys: keys)) ?? []
        let folders = entries.filter(Self.isFolder)
        return folders.max { lhs, rhs in
            let l = (try? lhs.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            let r = (try? rhs.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            return (l, lhs.lastPathComponent) < (r, rhs.lastPathComponent)
        }
    }

    /// Whether a path is an existing folder (following symbolic links).
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
