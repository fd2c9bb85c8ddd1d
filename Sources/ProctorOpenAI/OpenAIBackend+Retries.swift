import Foundation
import Logging
import ProctorCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension OpenAIBackend {
    /// Performs `request` until it gets a 2xx answer, retrying what may succeed later.
    ///
    /// At most `1 + retry.maxRetries` attempts, each bounded by `requestTimeout`, separated by the policy's delays;
    /// so one call takes at most about `(1 + maxRetries) × requestTimeout` plus the delays.
    ///
    /// - Parameters:
    ///   - request: The request (the API key is added here).
    ///   - seed: Seeds the backoff jitter.
    /// - Returns: The successful answer.
    /// - Throws: `ProctorError`: `.cancelled` at once when the task is cancelled; `.backend` for an answer that
    ///   retrying cannot fix (400, 401, 404, …); after the last attempt `.timeout` or `.backend` listing every
    ///   attempt's failure.
    func perform(_ request: URLRequest, seed: UInt64) async throws -> HTTPReply {
        var request = request
        if let apiKey = configuration.apiKey {
            request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
        }
        let method = request.httpMethod ?? "GET"
        let target = "\(method) \(request.url?.absoluteString ?? "?")"
        let policy = configuration.retry
        var failures: [String] = []
        var lastWasTimeout = false
        for attempt in 0...policy.maxRetries {
            if Task.isCancelled { throw cancelled(target) }
            var retryAfter: Double?
            switch await outcome(of: request) {
            case .success(let reply):
                if (200..<300).contains(reply.status) {
                    return reply
                }
                let serverText = ResponseReading.errorText(reply.body)
                guard RetryPolicy.isRetryable(status: reply.status) else {
                    throw ProctorError(.backend, "\(target) answered HTTP \(reply.status): \(serverText). \(Self.advice(status: reply.status))")
                }
                failures.append("HTTP \(reply.status): \(serverText)")
                retryAfter = reply.retryAfter.flatMap { RetryPolicy.parseRetryAfter($0) }
                lastWasTimeout = false
            case .failure(.cancelled):
                throw cancelled(target)
            case .failure(.timedOut):
                failures.append("no complete answer within \(Self.seconds(configuration.requestTimeout))")
                lastWasTimeout = true
            case .failure(.connection(let reason)):
                failures.append("connection failed: \(reason)")
                lastWasTimeout = false
            }
            guard attempt < policy.maxRetries else { break }
            let delay = policy.delay(beforeRetry: attempt, seed: seed, retryAfter: retryAfter)
            logger.warning("\(target) failed (attempt \(attempt + 1) of \(policy.maxRetries + 1)): \(failures.last ?? ""); retrying in \(Self.seconds(delay))")
            do {
                try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            } catch {
                throw cancelled(target)
            }
        }
        let listed = failures.enumerated().map { "attempt \($0.offset + 1): \($0.element)" }.joined(separator: "; ")
        throw ProctorError(
            lastWasTimeout ? .timeout : .backend,
            "\(target) failed after \(failures.count) attempt\(failures.count == 1 ? "" : "s") (\(listed)). "
                + "Check that the server is up and not overloaded (curl \(configuration.endpoint("models"))), "
                + "then raise --request-timeout or --max-retries, or lower --concurrency.")
    }

    private func outcome(of request: URLRequest) async -> Result<HTTPReply, TransportFailure> {
        do {
            return .success(try await transport.send(request, timeout: configuration.requestTimeout))
        } catch {
            return .failure(error)
        }
    }

    private func cancelled(_ target: String) -> ProctorError {
        ProctorError(.cancelled, "\(target) was cancelled before the server answered")
    }

    /// What to do about an HTTP status that retrying cannot fix.
    static func advice(status: Int) -> String {
        switch status {
        case 400, 422: "The server rejected the request: check --model-name, --max-tokens against the model's context length, and whether the model accepts images."
        case 401, 403: "The server wants an API key: set OPENAI_API_KEY (sent as a bearer token)."
        case 404: "Check the URL: --model must be the API root, usually ending in /v1 (openai:http://HOST:PORT/v1), and --model-name a model the server lists at /models."
        case 413: "The request is too large for the server (images?): raise the server's body limit."
        default: "Check the server's log."
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f s", value) : String(format: "%.0f s", value)
    }
}
