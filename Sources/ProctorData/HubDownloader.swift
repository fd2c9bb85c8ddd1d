import Foundation
import ProctorCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads a dataset's files from the Hugging Face hub (or any server speaking its URL scheme) into the hub cache
/// layout that `huggingface_hub` uses: `blobs/<sha256 or blob id>`, `snapshots/<commit>/<path>` as relative
/// symbolic links to the blobs, and `refs/<revision>` holding the commit.
///
/// Downloads resume: bytes land in `blobs/<name>.incomplete` and an interrupted file continues with an HTTP `Range`
/// request. LFS files are checked against their SHA-256, all files against their listed size. Files already in the
/// cache are not downloaded again.
public struct HubDownloader: Sendable {
    /// What happened to one file.
    public struct Event: Sendable, Hashable {
        /// The path in the repository.
        public var path: String
        /// Bytes transferred for it in this run (0 when it was already cached).
        public var downloadedBytes: Int
        /// Whether an interrupted download was continued.
        public var resumed: Bool
    }

    /// The hub's base URL (`HF_ENDPOINT`, default `https://huggingface.co`).
    public var endpoint: URL
    /// The access token (`HF_TOKEN`), sent as a bearer token.
    public var token: String?
    /// The cache to fill.
    public var cache: HubCache

    /// Creates a downloader.
    public init(endpoint: URL, token: String?, cache: HubCache) {
        self.endpoint = endpoint
        self.token = token
        self.cache = cache
    }

    /// `https://huggingface.co`.
    public static let defaultEndpoint: URL = {
        var components = URLComponents()
        components.scheme = "https"
        components.host = "huggingface.co"
        return components.url ?? URL(fileURLWithPath: "/")
    }()

    /// The endpoint and token from the environment, as `huggingface_hub` reads them: `HF_ENDPOINT`; `HF_TOKEN`, else
    /// the token file `huggingface-cli login` writes (`$HF_TOKEN_PATH`, else `$HF_HOME/token`, else
    /// `~/.cache/huggingface/token`).
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - cache: The cache to fill.
    ///   - home: The home folder (for tests).
    /// - Returns: The downloader.
    public static func fromEnvironment(
        _ environment: [String: String], cache: HubCache, home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) -> HubDownloader {
        let endpoint = environment["HF_ENDPOINT"].flatMap { URL(string: $0) } ?? defaultEndpoint
        var token = environment["HF_TOKEN"] ?? environment["HUGGING_FACE_HUB_TOKEN"]
        if token?.isEmpty ?? true {
            let file = environment["HF_TOKEN_PATH"].map { URL(fileURLWithPath: $0) }
                ?? environment["HF_HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent("token") }
                ?? home.appendingPathComponent(".cache/huggingface/token")
            token = FileManager.default.contents(atPath: file.path).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return HubDownloader(endpoint: endpoint, token: token?.isEmpty == false ? token : nil, cache: cache)
    }

    /// Lists a dataset at a revision.
    ///
    /// - Parameters:
    ///   - dataset: `OWNER/NAME`.
    ///   - revision: A branch, tag or commit.
    /// - Returns: The commit and the files.
    /// - Throws: `ProctorError` saying what to do (token, revision) when the hub refuses.
    public func listing(dataset: String, revision: String) async throws -> HubListing {
        let url = endpoint.appendingPathComponent("api/datasets/\(dataset)/revision/\(revision)")
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "blobs", value: "true")]
        guard let listURL = components?.url else { throw ProctorError(.invalidArgument, "cannot build a URL from \(url)") }
        let (data, status) = try await HTTPStream.fetch(request(listURL))
        try check(status: status, dataset: dataset, revision: revision, what: "list")
        do {
            return try JSONDecoder().decode(HubListing.self, from: data)
        } catch {
            throw ProctorError(.invalidInput, "\(listURL): the hub's file listing is not what Proctor expects (\(JSONLines.describe(error)))")
        }
    }

    /// Downloads the wanted files of a dataset at a revision into the cache.
    ///
    /// - Parameters:
    ///   - plan: The dataset and the files wanted.
    ///   - revision: A branch, tag or commit (`main`).
    ///   - progress: Called after each file.
    /// - Returns: The snapshot folder.
    /// - Throws: `ProctorError` for refused requests, network failures (rerun to resume) and checksum mismatches.
    @discardableResult
    public func fetch(_ plan: DataSources.Hub, revision: String = "main", progress: @Sendable (Event) -> Void = { _ in }) async throws -> URL {
        let listing = try await listing(dataset: plan.dataset, revision: revision)
        let repo = cache.repositoryFolder(dataset: plan.dataset)
        let snapshot = repo.appendingPathComponent("snapshots/\(listing.commit)")
        let wanted = listing.files.filter { plan.wants($0.path) }
        guard !wanted.isEmpty else {
            throw ProctorError(.notFound, "\(plan.dataset)@\(revision) has none of the files Proctor reads; check the revision")
        }
        let files = FileManager.default
        try files.createDirectory(at: repo.appendingPathComponent("blobs"), withIntermediateDirectories: true)
        for file in wanted {
            let blobName = file.blobName ?? SHA256.hex("\(listing.commit)/\(file.path)")
            let blob = repo.appendingPathComponent("blobs/\(blobName)")
            var event = Event(path: file.path, downloadedBytes: 0, resumed: false)
            if !files.fileExists(atPath: blob.path) {
                event = try await download(file, dataset: plan.dataset, commit: listing.commit, to: blob)
            }
            try link(snapshot.appendingPathComponent(file.path), to: blob, depth: file.path.split(separator: "/").count)
            progress(event)
        }
        if revision != listing.commit {
            let ref = repo.appendingPathComponent("refs/\(revision)")
            try files.createDirectory(at: ref.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(listing.commit.utf8).write(to: ref)
        }
        return snapshot
    }

    /// Downloads one file into `blob`, resuming `blob.incomplete`, and checks it.
    func download(_ file: HubListing.File, dataset: String, commit: String, to blob: URL) async throws -> Event {
        let partial = URL(fileURLWithPath: blob.path + ".incomplete")
        let url = endpoint.appendingPathComponent("datasets/\(dataset)/resolve/\(commit)/\(file.path)")
        let already = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
        var request = request(url)
        if already > 0 { request.setValue("bytes=\(already)-", forHTTPHeaderField: "Range") }
        let status = try await HTTPStream.download(request, appendingTo: partial)
        try check(status: status.code, dataset: dataset, revision: commit, what: "download \(file.path) from")
        let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
        if let expected = file.expectedSize, size != expected {
            throw ProctorError(
                .invalidInput, "\(file.path) of \(dataset): got \(size) of \(expected) bytes; run `proctor fetch` again to resume")
        }
        if let sha = file.lfs?.sha256 {
            let actual = try SHA256.hex(fileAt: partial)
            guard actual == sha.lowercased() else {
                try? FileManager.default.removeItem(at: partial)
                throw ProctorError(
                    .invalidInput, "\(file.path) of \(dataset): SHA-256 \(actual) does not match the hub's \(sha); the partial file was removed, run `proctor fetch` again")
            }
        }
        try FileManager.default.moveItem(at: partial, to: blob)
        return Event(path: file.path, downloadedBytes: status.bytes, resumed: already > 0 && status.code == 206)
    }

    /// Points `path` at `blob` with a relative symbolic link, as `huggingface_hub` does.
    func link(_ path: URL, to blob: URL, depth: Int) throws {
        let files = FileManager.default
        try files.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        if (try? files.destinationOfSymbolicLink(atPath: path.path)) != nil || files.fileExists(atPath: path.path) {
            try files.removeItem(at: path)
        }
        let up = String(repeating: "../", count: depth + 1)
        try files.createSymbolicLink(atPath: path.path, withDestinationPath: "\(up)blobs/\(blob.lastPathComponent)")
    }

    func request(_ url: URL) -> URLRequest {
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        request.setValue("proctor", forHTTPHeaderField: "User-Agent")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return request
    }

    func check(status: Int, dataset: String, revision: String, what: String) throws {
        switch status {
        case 200, 206: return
        case 401, 403:
            throw ProctorError(
                .invalidArgument, "the hub refused to \(what) \(dataset) (HTTP \(status)): it is gated or private; accept its terms at "
                    + "\(endpoint.absoluteString)/datasets/\(dataset) and set HF_TOKEN to an access token")
        case 404:
            throw ProctorError(.notFound, "cannot \(what) \(dataset) at revision \(revision) (HTTP 404): check the revision")
        default:
            throw ProctorError(.backend, "cannot \(what) \(dataset) (HTTP \(status)); run `proctor fetch` again later to resume")
        }
    }
}
