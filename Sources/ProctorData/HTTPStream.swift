import Foundation
import ProctorCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP requests through `URLSession` whose bodies are written to disk as they arrive (so that an interrupted
/// download keeps what it received and can be resumed with a `Range` request).
enum HTTPStream {
    /// A finished request: the status code and the body bytes written.
    struct Status {
        var code: Int
        var bytes: Int
    }

    /// Fetches a small body into memory.
    static func fetch(_ request: URLRequest) async throws -> (Data, Int) {
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
        } catch {
            throw ProctorError(.backend, "cannot reach \(request.url?.absoluteString ?? "?"): \(error.localizedDescription); check the network and HF_ENDPOINT", underlying: error)
        }
    }

    /// Streams a body to `file`: appended when the server answers 206 (partial content), replacing the file on 200.
    /// Error statuses leave the file untouched.
    static func download(_ request: URLRequest, appendingTo file: URL) async throws -> Status {
        let delegate = StreamDelegate(file: file)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            delegate.start(session.dataTask(with: request), continuation: continuation)
        }
    }
}

/// Receives one download's events on the session's serial delegate queue.
///
/// `@unchecked Sendable`: every mutable property is touched only from that queue (one operation at a time), after
/// `start` set them up before the task was resumed.
final class StreamDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let file: URL
    var handle: FileHandle?
    var status = 0
    var written = 0
    var continuation: CheckedContinuation<HTTPStream.Status, any Error>?

    init(file: URL) {
        self.file = file
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<HTTPStream.Status, any Error>) {
        self.continuation = continuation
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        if status == 200 || status == 206 {
            let files = FileManager.default
            if status == 200 || !files.fileExists(atPath: file.path), !files.createFile(atPath: file.path, contents: nil) {
                finish(.failure(ProctorError(.database, "cannot create \(file.path); check the cache folder's permissions")))
                completionHandler(.cancel)
                return
            }
            handle = try? FileHandle(forWritingTo: file)
            _ = try? handle?.seekToEnd()
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let handle else { return }
        do {
            try handle.write(contentsOf: data)
            written += data.count
        } catch {
            finish(.failure(ProctorError(.database, "cannot write \(file.path): \(error.localizedDescription); check the disk", underlying: error)))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        try? handle?.close()
        handle = nil
        if let error {
            finish(.failure(ProctorError(
                .backend, "download of \(task.originalRequest?.url?.absoluteString ?? "?") stopped after \(written) bytes "
                    + "(\(error.localizedDescription)); run `proctor fetch` again to resume", underlying: error)))
        } else {
            finish(.success(HTTPStream.Status(code: status, bytes: written)))
        }
    }

    func finish(_ result: Result<HTTPStream.Status, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }
}
