import Foundation
import ProctorCore
import ProctorData

/// Where a version's problems are: the hub's increment files (with tests), or the problems-only file of the shared
/// copy (release_v5, no tests: outputs can be generated and stored, not graded).
public enum LCBDataFiles {
    /// The hub dataset.
    public static let hubDataset = "livecodebench/code_generation_lite"
    /// The folder under a `--data` root.
    public static let localFolder = "livecodebench"
    /// The problems-only file (release_v5, from the official O1-Mini submission).
    public static let problemsOnlyFile = "release_v5_problems_no_tests.jsonl"
    /// The official few-shot examples' folder inside the local folder.
    public static let fewShotFolder = "few_shot_examples/generation"

    /// The files found for a version.
    public enum Found: Sendable, Hashable {
        /// The hub's increment files, in order; their rows carry tests.
        case increments([URL])
        /// The problems-only file.
        case problemsOnly(URL)
    }

    /// The roots to look in, the local copy first.
    static func roots(_ location: DataLocation) -> [DataRoot] {
        DataRoot.find(folder: localFolder, hubRepos: [hubDataset], in: location)
    }

    /// Finds a version's files.
    ///
    /// - Parameters:
    ///   - tag: A version tag (`release_v5`).
    ///   - location: Where to look.
    /// - Returns: What was found.
    /// - Throws: `ProctorError` for an unknown tag, a root holding only some of the increments, or no files at all.
    public static func find(tag: String, in location: DataLocation) throws -> Found {
        guard let names = LCBRelease.files(for: tag) else {
            throw ProctorError(.invalidArgument, "livecodebench has no version \"\(tag)\"; use one of \(LCBRelease.tags.joined(separator: ", "))")
        }
        let roots = roots(location)
        for root in roots {
            let present = names.filter(root.has)
            if present.count == names.count { return .increments(names.map(root.file)) }
            if !present.isEmpty {
                let missing = names.filter { !root.has($0) }
                throw ProctorError(
                    .notFound,
                    "livecodebench:\(tag) needs \(names.joined(separator: ", ")); \(root.url.path) lacks \(missing.joined(separator: ", ")); "
                        + "run `proctor fetch livecodebench:\(tag)` or copy the missing increments there")
            }
        }
        if tag == "release_v5", let file = roots.lazy.compactMap({ $0.first([problemsOnlyFile]) }).first {
            return .problemsOnly(file)
        }
        throw DataRoot.notFound(
            benchmark: "livecodebench:\(tag)", folder: localFolder, localFiles: names + (tag == "release_v5" ? [problemsOnlyFile] : []),
            hubRepos: [hubDataset], in: location)
    }

    /// Every increment file present in any root (for finding a problem's tests by id).
    static func allIncrementFiles(in location: DataLocation) -> [URL] {
        var seen = Set<String>()
        var files: [URL] = []
        for root in roots(location) {
            for name in LCBRelease.files where root.has(name) && seen.insert(name).inserted {
                files.append(root.file(name))
            }
        }
        return files
    }

    /// The official few-shot folder in the local copy, if any.
    static func fewShotFolder(in location: DataLocation) -> URL? {
        roots(location).lazy.map { $0.file(fewShotFolder) }.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("func.json").path) }
    }
}
