import Foundation
import ProctorCore

/// A deterministic stand-in for a model: it answers with a fixed function of the prompt. It is not a language
/// model and says so in its identity (kind `echo`, name `proctor-echo`); `proctor serve --echo` serves it so
/// that clients and fault plans can be tested without weights.
///
/// The answer (`text`) is `echo: ` followed by the last user message, its text parts verbatim and each image as
/// `[image MEDIA-TYPE BYTES bytes sha256 HEX]`, in the message's order; cut at the first stop string (finish reason
/// `stop`) or after `maxTokens` whitespace-separated words (finish reason `length`). `reasoningContent` lists the
/// sampling settings it received, so a client can check what reached the server. Token counts are word counts.
/// Streamed, the reasoning comes first as one delta, then the answer word by word (each word with the whitespace
/// before it), `wordDelay` seconds apart.
public struct EchoBackend: StreamingInferenceBackend {
    /// Kind `echo`, name `proctor-echo`.
    public let identity = ModelIdentity(
        kind: "echo", name: EchoBackend.modelName, location: "built-in",
        details: ["note": "deterministic echo of the prompt for testing; not a language model"])

    /// The name the echo backend is served under.
    public static let modelName = "proctor-echo"

    /// Seconds between streamed words (0: none), so that tests can hang up in the middle of a stream.
    public let wordDelay: Double
    private let active = ActiveCount()

    /// Creates the echo backend.
    ///
    /// - Parameter wordDelay: Seconds between streamed words.
    public init(wordDelay: Double = 0) {
        self.wordDelay = wordDelay
    }

    /// Requests being echoed now.
    public var activeRequests: Int {
        get async { active.value }
    }

    /// The echo has no context limit.
    public var contextLength: Int? { nil }

    /// Streams the echo: the reasoning, then the words; stops at once when the task is cancelled.
    ///
    /// - Throws: `CancellationError` when cancelled.
    public func generate(_ request: GenerationRequest, onDelta: @escaping @Sendable (GenerationDelta) -> Void) async throws -> GenerationResult {
        active.add(1)
        defer { active.add(-1) }
        let result = try await generate(request)
        if let reasoning = result.reasoningContent { onDelta(GenerationDelta(reasoning: reasoning)) }
        var rest = Substring(result.text)
        while !rest.isEmpty {
            try Task.checkCancellation()
            let start = rest.firstIndex { !$0.isWhitespace } ?? rest.endIndex
            let end = rest[start...].firstIndex(where: \.isWhitespace) ?? rest.endIndex
            onDelta(GenerationDelta(text: String(rest[..<end])))
            rest = rest[end...]
            if wordDelay > 0 { try await Task.sleep(nanoseconds: UInt64(wordDelay * 1e9)) }
        }
        return result
    }

    /// Echoes the last user message.
    ///
    /// - Parameter request: Any request.
    /// - Returns: The echo described in the type's documentation.
    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        let p = request.parameters
        let last = request.messages.last { $0.role == .user } ?? request.messages.last
        var echo = "echo: "
        for part in last?.parts ?? [] {
            switch part {
            case .text(let text): echo += text
            case .image(let image): echo += "[image \(image.mediaType) \(image.data.count) bytes sha256 \(image.sha256)]"
            }
        }
        var finish = FinishReason.stop
        if let cut = p.stop.compactMap({ echo.range(of: $0)?.lowerBound }).min() {
            echo = String(echo[..<cut])
        }
        let words = echo.split(whereSeparator: \.isWhitespace)
        if words.count > p.maxTokens {
            echo = words.prefix(max(0, p.maxTokens)).joined(separator: " ")
            finish = .length
        }
        let settings = [
            "temperature=\(p.temperature)", "top_p=\(p.topP)", "top_k=\(p.topK.map(String.init) ?? "unset")",
            "min_p=\(p.minP.map { String($0) } ?? "unset")",
            "repetition_penalty=\(p.repetitionPenalty.map { String($0) } ?? "unset")",
            "max_tokens=\(p.maxTokens)", "seed=\(p.seed)", "stop=\(p.stop)",
        ]
        let reasoning = "proctor-echo received \(request.messages.count) message(s); " + settings.joined(separator: " ")
        let promptWords = request.messages.reduce(0) { total, message in
            total + message.text.split(whereSeparator: \.isWhitespace).count + message.images.count
        }
        return GenerationResult(
            text: echo, reasoningContent: reasoning, finishReason: finish, promptTokens: promptWords,
            completionTokens: echo.split(whereSeparator: \.isWhitespace).count)
    }
}

/// A counter of requests in progress.
///
/// `@unchecked Sendable` is safe: `count` is only touched while `lock` is held.
private final class ActiveCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func add(_ delta: Int) {
        lock.withLock { count += delta }
    }
}
