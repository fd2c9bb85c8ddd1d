import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer: the status, the headers Proctor reads, and the body.
struct HTTPReply: Sendable {
    var status: Int
    var retryAfter: String?
    var body: Data
}

/// Why a request produced no HTTP answer.
enum TransportFailure: Error, Sendable {
    /// No complete answer arrived within the per-request timeout.
    case timedOut
    /// The task that made the request was cancelled.
    case cancelled
    /// The connection failed: refused, reset, closed without an answer.
    case connection(String)
}

/// Sends requests with URLSession (FoundationNetworking on Linux), adding what `URLSession` lacks in async
/// form on every platform: a hard deadline for the whole exchange and Swift task cancellation.
final class HTTPTransport: Sendable {
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 256
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Performs `request`, failing with `.timedOut` when no complete answer arrives within `timeout` seconds and with
    /// `.cancelled` as soon as the calling task is cancelled (the URLSession task is cancelled too, so the
    /// connection is closed and the server sees it).
    func send(_ request: URLRequest, timeout: Double) async throws(TransportFailure) -> HTTPReply {
        var request = request
        request.timeoutInterval = timeout + 1
        let exchange = Exchange()
        let session = self.session
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPReply, any Error>) in
                    let task = session.dataTask(with: request) { data, response, error in
                        if let interruption = exchange.finish() {
                            continuation.resume(throwing: interruption)
                        } else if let error {
                            continuation.resume(throwing: TransportFailure.connection(error.localizedDescription))
                        } else if let http = response as? HTTPURLResponse {
                            let reply = HTTPReply(
                                status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
                                body: data ?? Data())
                            continuation.resume(returning: reply)
                        } else {
                            continuation.resume(throwing: TransportFailure.connection("the answer was not HTTP"))
                        }
                    }
                    exchange.start(task)
                    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                        exchange.interrupt(.timedOut)
                    }
                }
            } onCancel: {
                exchange.interrupt(.cancelled)
            }
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw .connection(String(describing: error))
        }
    }
}

/// The state of one exchange, shared by the completion handler, the deadline and the cancellation handler.
///
/// `@unchecked Sendable` is safe: every stored property is read and written only while `lock` is held.
private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var interruption: TransportFailure?
    private var finished = false

    /// Records and starts the task, cancelling it at once when the exchange was interrupted before it started.
    func start(_ task: URLSessionDataTask) {
        let cancelNow = lock.withLock {
            self.task = task
            return interruption != nil
        }
        task.resume()
        if cancelNow { task.cancel() }
    }

    /// Interrupts the exchange (deadline or cancellation) unless it already finished or was interrupted.
    func interrupt(_ reason: TransportFailure) {
        let task: URLSessionDataTask? = lock.withLock {
            guard !finished, interruption == nil else { return nil }
            interruption = reason
            return self.task
        }
        task?.cancel()
    }

    /// Marks the exchange finished and returns why it was interrupted, if it was.
    func finish() -> TransportFailure? {
        lock.withLock {
            finished = true
            return interruption
        }
    }
}
