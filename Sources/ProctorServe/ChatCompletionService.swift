import Foundation
import Logging
import ProctorCore
import ProctorOpenAI

/// The OpenAI-compatible API on top of any `InferenceBackend`: `POST /v1/chat/completions` and `GET /v1/models`,
/// with an optional `FaultPlan` applied to chat-completion requests by arrival number.
///
/// Plug `handle(_:)` into an `HTTPServer`. Requests are answered on the connection's thread; concurrent
/// requests reach the backend concurrently.
public final class ChatCompletionService: Sendable {
    /// The backend that generates the answers.
    public let backend: any InferenceBackend
    /// The model id clients must send and `/v1/models` lists.
    public let modelID: String
    /// The deliberate faults.
    public let faults: FaultPlan
    /// The token limit of requests that set none.
    public let defaultMaxTokens: Int
    private let counter = RequestCounter()
    private let logger: Logger
    private let started = Int(Date().timeIntervalSince1970)

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - backend: What generates the answers.
    ///   - modelID: The served name (the backend's identity name when nil).
    ///   - faults: Requests to answer badly on purpose.
    ///   - defaultMaxTokens: The token limit of requests that set none.
    ///   - logger: Where each request is reported.
    public init(backend: any InferenceBackend, modelID: String? = nil, faults: FaultPlan = FaultPlan(), defaultMaxTokens: Int = 2048, logger: Logger = Logger(label: "proctor.serve")) {
        self.backend = backend
        self.modelID = modelID ?? backend.identity.name
        self.faults = faults
        self.defaultMaxTokens = defaultMaxTokens
        self.logger = logger
    }

    /// Decides what to do with one HTTP request.
    ///
    /// - Parameter request: The request.
    /// - Returns: The answer, or the fault the plan names for it.
    public func handle(_ request: HTTPRequest) -> HTTPAction {
        let path = request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        switch (request.method, path) {
        case ("GET", "/v1/models"), ("GET", "/models"):
            return .respond(.json(200, modelList()))
        case ("POST", "/v1/chat/completions"), ("POST", "/chat/completions"):
            let number = counter.next()
            if let fault = faults.fault(forRequest: number) {
                logger.notice("request \(number): injecting fault \(fault)")
                return Self.action(for: fault, request: number)
            }
            return .respond(complete(request.body, number: number))
        case (_, "/v1/models"), (_, "/models"), (_, "/v1/chat/completions"), (_, "/chat/completions"):
            return .respond(Self.error(405, "\(request.method) is not allowed on \(path)"))
        default:
            return .respond(Self.error(404, "no route \(request.method) \(path); this server has GET /v1/models and POST /v1/chat/completions"))
        }
    }

    private func modelList() -> ChatCompletionWire.ModelList {
        let identity = backend.identity
        var entry: [String: JSONValue] = [
            "id": .string(modelID), "object": "model", "created": .int(started), "owned_by": "proctor",
            "proctor_backend": .string(identity.kind), "proctor_location": .string(Self.publicLocation(identity.location)),
        ]
        for (key, value) in identity.details { entry["proctor_\(key)"] = .string(Self.publicLocation(value)) }
        return ChatCompletionWire.ModelList(data: [.object(entry)])
    }

    /// What `/v1/models` may say about where a model lives: a URL as given, a file-system path only by its last
    /// component, so that the server never reveals its directory layout to clients.
    /// - Parameter location: a backend's location or detail value.
    /// - Returns: the value with any absolute or home-relative path reduced to its file name.
    public static func publicLocation(_ location: String) -> String {
        let path = location.hasPrefix("file://") ? String(location.dropFirst("file://".count)) : location
        guard path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("./") || path.hasPrefix("../") else { return location }
        return path.split(separator: "/").last.map(String.init) ?? ""
    }

    private func complete(_ body: Data, number: Int) -> HTTPResponse {
        let wire: ChatCompletionWire.Request
        let request: GenerationRequest
        do {
            wire = try JSONDecoder().decode(ChatCompletionWire.Request.self, from: body)
            request = try wire.generationRequest(defaultMaxTokens: defaultMaxTokens)
        } catch let error as ProctorError {
            return Self.error(400, error.message)
        } catch {
            return Self.error(400, "the body is not a chat-completion request: \(error)")
        }
        guard wire.model == modelID else {
            return Self.error(404, "the model \"\(wire.model)\" is not served here; this server serves \"\(modelID)\"")
        }
        guard wire.stream != true else {
            return Self.error(400, "streaming is not supported by proctor serve; send \"stream\": false")
        }
        let started = Date()
        switch Self.runBlocking(backend, request) {
        case .success(let result):
            logger.info("request \(number): \(result.finishReason.rawValue), \(result.completionTokens ?? 0) tokens in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            let usage = ChatCompletionWire.Usage(
                promptTokens: result.promptTokens, completionTokens: result.completionTokens,
                totalTokens: result.promptTokens.flatMap { p in result.completionTokens.map { p + $0 } })
            let message = ChatCompletionWire.ResponseMessage(role: "assistant", content: result.text, reasoningContent: result.reasoningContent)
            let choice = ChatCompletionWire.Choice(index: 0, message: message, finishReason: result.finishReason == .length ? "length" : "stop")
            let response = ChatCompletionWire.Response(
                id: "chatcmpl-proctor-\(number)", created: Int(Date().timeIntervalSince1970), model: modelID,
                choices: [choice], usage: usage)
            return .json(200, response)
        case .failure(let error):
            logger.error("request \(number): the backend failed: \(error)")
            let status = error.code == .invalidInput || error.code == .invalidArgument ? 400 : 500
            return Self.error(status, "the backend failed: \(error.message)")
        }
    }

    /// Runs the backend from a connection thread (not a concurrency-pool thread, so waiting here is safe).
    private static func runBlocking(_ backend: any InferenceBackend, _ request: GenerationRequest) -> Result<GenerationResult, ProctorError> {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.value = .success(try await backend.generate(request))
            } catch let error as ProctorError {
                box.value = .failure(error)
            } catch {
                box.value = .failure(ProctorError(.backend, "\(error)", underlying: error))
            }
            done.signal()
        }
        done.wait()
        return box.value ?? .failure(ProctorError(.backend, "the backend returned nothing"))
    }

    static func action(for fault: FaultPlan.Fault, request number: Int) -> HTTPAction {
        switch fault {
        case .status(let status):
            return .respond(error(status, "injected fault: request \(number) answered with HTTP \(status) by --faults"))
        case .rateLimited(let seconds):
            var response = error(429, "injected fault: request \(number) rate-limited by --faults")
            let formatted = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
            response.headers["Retry-After"] = formatted
            return .respond(response)
        case .stall(let seconds): return .stall(seconds: seconds)
        case .drop: return .drop
        case .reset: return .reset
        }
    }

    static func error(_ status: Int, _ message: String) -> HTTPResponse {
        let type = status == 429 ? "rate_limit_error" : (status < 500 ? "invalid_request_error" : "server_error")
        return .json(status, ChatCompletionWire.ErrorEnvelope(message: message, type: type, code: status))
    }
}

/// Numbers chat-completion requests in arrival order, from 1.
///
/// `@unchecked Sendable` is safe: `count` is only touched while `lock` is held.
private final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

/// Carries a result from a task to the waiting connection thread.
///
/// `@unchecked Sendable` is safe: the task writes `value` once before signalling the semaphore, and the thread
/// reads it only after waiting on that semaphore, which orders the two accesses.
private final class ResultBox: @unchecked Sendable {
    var value: Result<GenerationResult, ProctorError>?
}
