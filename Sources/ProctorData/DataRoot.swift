import Foundation
import ProctorCore

/// A folder holding one benchmark's files, either a local copy (`--data ROOT` → `ROOT/<folder>/`) or a snapshot of
/// the benchmark's Hugging Face dataset in the hub cache.
public struct DataRoot: Sendable, Hashable, CustomStringConvertible {
    /// Which layout the folder has.
    public enum Layout: Sendable, Hashable {
        /// The authors' own release (GitHub repository files), as in `../shared/data/<benchmark>/`.
        case local
        /// The Hugging Face dataset repository `repo`, as cached by `huggingface_hub` or `proctor fetch`.
        case hub(repo: String)
    }

    /// The folder.
    public var url: URL
    /// Its layout.
    public var layout: Layout

    /// Creates a data root.
    public init(url: URL, layout: Layout) {
        self.url = url
        self.layout = layout
    }

    /// `local PATH` or `hub OWNER/NAME (PATH)`, for `proctor list benchmarks` and messages.
    public var description: String {
        switch layout {
        case .local: return "local \(url.path)"
        case .hub(let repo): return "hub \(repo) (\(url.path))"
        }
    }

    /// A file or folder inside the root.
    ///
    /// - Parameter path: A relative path (`data/test.jsonl`).
    /// - Returns: Its URL.
    public func file(_ path: String) -> URL {
        url.appendingPathComponent(path)
    }

    /// Whether a relative path exists inside the root.
    public func has(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: file(path).path)
    }

    /// The first of several relative paths that exists.
    public func first(_ paths: [String]) -> URL? {
        paths.first(where: has).map(file)
    }

    /// The files in a subfolder whose names start with `prefix` and end with `suffix`, sorted by name (for sharded
    /// Parquet files such as `data/test-00000-of-00002-….parquet`).
    public func files(in folder: String, prefix: String, suffix: String) -> [URL] {
        let dir = folder.isEmpty ? url : file(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// The roots of one benchmark that exist, the local copy first.
    ///
    /// - Parameters:
    ///   - folder: The benchmark's folder under `--data` (`mathvision`).
    ///   - hubRepos: Its Hugging Face dataset repositories, preferred first (`MathLLMs/MathVision`).
    ///   - location: Where to look.
    /// - Returns: The folders found.
    public static func find(folder: String, hubRepos: [String], in location: DataLocation) -> [DataRoot] {
        var roots: [DataRoot] = []
        if let root = location.root {
            let local = root.appendingPathComponent(folder)
            if HubCache.isFolder(local) { roots.append(DataRoot(url: local, layout: .local)) }
            // `--data` may also point at a hub cache folder.
            let cache = HubCache(root: root)
            for repo in hubRepos {
                if let snapshot = cache.snapshot(dataset: repo) { roots.append(DataRoot(url: snapshot, layout: .hub(repo: repo))) }
            }
        }
        if let hub = location.hubCache {
            let cache = HubCache(root: hub)
            for repo in hubRepos {
                if let snapshot = cache.snapshot(dataset: repo) { roots.append(DataRoot(url: snapshot, layout: .hub(repo: repo))) }
            }
        }
        return roots
    }

    /// The first of `paths` found in any root of a benchmark (local copy first).
    ///
    /// - Parameters:
    ///   - folder: The benchmark's folder under `--data`.
    ///   - hubRepos: Its Hugging Face dataset repositories.
    ///   - paths: Relative paths to try in each root.
    ///   - location: Where to look.
    /// - Returns: The file, or nil.
    public static func firstFile(folder: String, hubRepos: [String], paths: [String], in location: DataLocation) -> URL? {
        for root in find(folder: folder, hubRepos: hubRepos, in: location) {
            if let url = root.first(paths) { return url }
        }
        return nil
    }

    /// The error for a benchmark whose files were found nowhere.
    ///
    /// - Parameters:
    ///   - benchmark: The benchmark name on the command line.
    ///   - folder: The local folder name.
    ///   - localFiles: The files expected in a local copy.
    ///   - hubRepos: The Hugging Face datasets looked for.
    ///   - location: Where Proctor looked.
    /// - Returns: The error to throw.
    public static func notFound(
        benchmark: String, folder: String, localFiles: [String], hubRepos: [String], in location: DataLocation
    ) -> ProctorError {
        let local = location.root.map { "\($0.path)/\(folder)/" } ?? "(no --data folder given)"
        let hub = location.hubCache.map(\.path) ?? "(no hub cache)"
        return ProctorError(
            .notFound,
            "no data for \(benchmark): looked for \(localFiles.joined(separator: " or ")) in \(local) and for the "
                + "dataset \(hubRepos.joined(separator: " or ")) in the hub cache \(hub); run `proctor fetch \(benchmark)`, "
                + "or pass --data FOLDER (or set PROCTOR_DATA) naming a copy laid out as FOLDER/\(folder)/")
    }
}

extension BenchmarkAdapter {
    /// Throws the error a user sees for a split the benchmark does not have, naming the ones it has.
    ///
    /// - Parameters:
    ///   - split: The split asked for.
    ///   - word: What the benchmark calls its splits (`split`, `setting`, `config`).
    func requireSplit(_ split: String, called word: String = "split") throws {
        guard splits.contains(split) else {
            throw ProctorError(.invalidArgument, "\(name) has no \(word) \"\(split)\"; use one of \(splits.joined(separator: ", "))")
        }
    }
}
