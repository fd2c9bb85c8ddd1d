import Foundation
import Logging
import ProctorCore
import ProctorOpenAI
import Synchronization

/// The OpenAI-compatible API on top of any `InferenceBackend`: `POST /v1/chat/completions` (streamed or not),
/// `GET /v1/models` and `GET /health`, with an optional API key and a `FaultPlan` applied to chat-completion
/// requests by arrival number.
///
/// Plug `handle(_:)` into an `HTTPServer`. Each request runs in its own task; cancelling it (the server does when
/// the client hangs up) cancels its generation, which a `StreamingInferenceBackend` turns into a freed batch slot.
public final class ChatCompletionService: Sendable {
    /// The backend that generates the answers.
    public let backend: any InferenceBackend
    /// The model id clients must send and `/v1/models` lists.
    public let modelID: String
    /// The deliberate faults.
    public let faults: FaultPlan
    /// The token limit of requests that set none.
    public let defaultMaxTokens: Int
    /// The bearer token clients must send (nil: none needed).
    public let apiKey: String?
    /// Whether the model's `<think>…</think>` is returned as `reasoning_content` (``ThinkSplitter``).
    public let splitsThinking: Bool
    /// The most choices (`n`) one request may ask for.
    public let maxChoices = 16
    let counter = Mutex(0)
    let inFlight = Mutex(0)
    let logger: Logger
    private let started = Int(Date().timeIntervalSince1970)

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - backend: What generates the answers.
    ///   - modelID: The served name (the backend's identity name when nil).
    ///   - faults: Requests to answer badly on purpose.
    ///   - defaultMaxTokens: The token limit of requests that set none.
    ///   - apiKey: A token clients must send as `Authorization: Bearer …` (nil or empty: no key needed).
    ///   - splitsThinking: Return the text before `</think>` as `reasoning_content` (for models whose template
    ///     separates thinking; backends that separate reasoning themselves are left alone).
    ///   - logger: Where each request is reported.
    public init(backend: any InferenceBackend, modelID: String? = nil, faults: FaultPlan = FaultPlan(), defaultMaxTokens: Int = 2048,
                apiKey: String? = nil, splitsThinking: Bool = false, logger: Logger = Logger(label: "proctor.serve")) {
        self.backend = backend
        self.modelID = modelID ?? backend.identity.name
        self.faults = faults
        self.defaultMaxTokens = defaultMaxTokens
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.splitsThinking = splitsThinking
        self.logger = logger
    }

    /// Decides what to do with one HTTP request.
    ///
    /// - Parameter request: The request.
    /// - Returns: The answer (a stream of server-sent events for `stream: true`), or the fault the plan names.
    public func handle(_ request: HTTPRequest) async -> HTTPAction {
        let path = request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        if request.method == "GET" && path == "/health" {
            return .respond(.json(200, ["status": JSONValue.string("ok"), "active_requests": .int(await activeRequests())]))
        }
        if let refusal = authorizationFailure(request) { return .respond(refusal) }
        switch (request.method, path) {
        case ("GET", "/v1/models"), ("GET", "/models"):
            return .respond(.json(200, modelList()))
        case ("POST", "/v1/chat/completions"), ("POST", "/chat/completions"):
            let number = counter.withLock { count in
                count += 1
                return count
            }
            if let fault = faults.fault(forRequest: number) {
                logger.notice("request \(number): injecting fault \(fault)")
                return Self.action(for: fault, request: number)
            }
            return await complete(request.body, number: number)
        case (_, "/v1/models"), (_, "/models"), (_, "/v1/chat/completions"), (_, "/chat/completions"):
            return .respond(Self.error(405, "\(request.method) is not allowed on \(path)"))
        default:
            return .respond(Self.error(404, "no route \(request.method) \(path); this server has GET /v1/models, POST /v1/chat/completions and GET /health"))
        }
    }

    /// Requests generating now: the backend's own count when it keeps one (the engine's batch and queue), else the
    /// requests this service is waiting on.
    public func activeRequests() async -> Int {
        if let streaming = backend as? any StreamingInferenceBackend { return await streaming.activeRequests }
        return inFlight.withLock { $0 }
    }

    /// OpenAI's 401 answers: no key, or the wrong one.
    private func authorizationFailure(_ request: HTTPRequest) -> HTTPResponse? {
        guard let apiKey else { return nil }
        let header = request.headers["authorization"] ?? ""
        guard header.lowercased().hasPrefix("bearer ") else {
            return Self.error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY); proctor serve was started with --api-key or PROCTOR_API_KEY.")
        }
        let given = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard given == apiKey else {
            let shown = given.count > 8 ? "\(given.prefix(3))…\(given.suffix(4))" : "…"
            return Self.error(401, "Incorrect API key provided: \(shown). Use the key proctor serve was started with (--api-key or PROCTOR_API_KEY).", code: "invalid_api_key")
        }
        return nil
    }

    private func modelList() -> ChatCompletionWire.ModelList {
        let identity = backend.identity
        var entry: [String: JSONValue] = [
            "id": .string(modelID), "object": "model", "created": .int(started), "owned_by": "proctor",
            "proctor_backend": .string(identity.kind), "proctor_location": .string(Self.publicLocation(identity.location)),
        ]
        if let context = (backend as? any StreamingInferenceBackend)?.contextLength { entry["max_model_len"] = .int(context) }
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

    /// An OpenAI error answer.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - message: What went wrong and what to do.
    ///   - param: The request field at fault.
    ///   - code: OpenAI's code for the error, if it has one.
    /// - Returns: The JSON response.
    static func error(_ status: Int, _ message: String, param: String? = nil, code: String? = nil) -> HTTPResponse {
        ErrorBody.response(status, message, param: param, code: code)
    }
}

/// OpenAI's error object (`{"error": {"message", "type", "param", "code"}}`) with the type OpenAI gives a status.
enum ErrorBody {
    static func response(_ status: Int, _ message: String, param: String? = nil, code: String? = nil) -> HTTPResponse {
        .json(status, envelope(status, message, param: param, code: code))
    }

    static func envelope(_ status: Int, _ message: String, param: String? = nil, code: String? = nil) -> ChatCompletionWire.ErrorEnvelope {
        let type = switch status {
        case 401: "invalid_request_error"
        case 429: "rate_limit_error"
        case 400..<500: "invalid_request_error"
        default: "server_error"
        }
        return ChatCompletionWire.ErrorEnvelope(message: message, type: type, param: param, code: code)
    }
}
