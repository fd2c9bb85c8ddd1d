import ArgumentParser
import Foundation
import Logging
import ProctorCore
import ProctorServe
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `proctor serve`: an OpenAI-compatible server on top of any backend Proctor can drive.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a model over the OpenAI chat-completions API (POST /v1/chat/completions, streamed or not; GET /v1/models).",
        discussion: """
            Serves --model (any form `proctor run` accepts; an openai:URL makes this a proxy) or, with --echo, \
            a deterministic built-in echo that is not a language model (served as proctor-echo) for testing \
            clients. Prints "listening on http://HOST:PORT/v1" on stdout once ready; --port 0 picks a free port.

            --faults answers chosen chat-completion requests badly on purpose, numbered from 1 in arrival order: \
            e.g. "3:500,5:stall,7:drop,9:429" gives request 3 an HTTP 500, stalls request 5 until the client gives \
            up, closes request 7's connection without an answer and rate-limits request 9 (Retry-After: 1). \
            Entries: N, N-M or * followed by a status 400-599, 429[=SECONDS], stall[=SECONDS], drop or reset. \
            See docs/openai.md.
            """)

    @Option(name: .long, help: "The model to serve: a GGUF file, a checkpoint folder, a known name, or openai:URL.")
    var model: String?

    @Flag(name: .long, help: "Serve the built-in deterministic echo backend (for tests; not a language model).")
    var echo = false

    @Option(name: .long, help: "The model name sent to an upstream openai: server.")
    var modelName: String?

    @Option(name: .long, help: "The name clients must send as `model` (default: the backend's name).")
    var servedModelName: String?

    @Option(name: .long, help: "The IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: a free port, printed on stdout).")
    var port = 8080

    @Option(name: .long, help: "Requests to answer badly on purpose, e.g. \"3:500,5:stall,7:drop,9:429\".")
    var faults: String?

    @Option(name: .long, help: "The token limit for requests that set no max_tokens.")
    var maxTokens = 2048

    @Option(name: .long, help: "Engine threads (default: one per physical core, read from /sys; logical cores when unknown).")
    var threads: Int?

    @Option(name: .long, help: "Require `Authorization: Bearer KEY` on every request but GET /health (default: $PROCTOR_API_KEY; none when unset).")
    var apiKey: String?

    @Option(name: .long, help: "none, or think: return the model's text before </think> as reasoning_content (as vLLM's deepseek_r1 parser).")
    var reasoningFormat = "none"

    @Option(name: .long, help: "Seconds between the echo backend's streamed words (with --echo; for tests that hang up mid-stream).")
    var echoWordDelay: Double = 0

    @Option(name: .long, help: "Seconds per request to an upstream openai: server.")
    var requestTimeout: Double = 600

    @Option(name: .long, help: "Retries on 429, 5xx, timeouts and dropped connections for an upstream openai: server.")
    var maxRetries = 4

    func validate() throws {
        guard echo != (model != nil) else {
            throw ValidationError("Give exactly one of --model MODEL and --echo.")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535.") }
        guard maxTokens > 0 else { throw ValidationError("--max-tokens must be positive.") }
        guard ["none", "think"].contains(reasoningFormat) else { throw ValidationError("--reasoning-format must be none or think.") }
        if let faults {
            do {
                _ = try FaultPlan(parsing: faults)
            } catch let error as ProctorError {
                throw ValidationError(error.message)
            }
        }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "proctor.serve")
        let plan = try faults.map { try FaultPlan(parsing: $0) } ?? FaultPlan()
        let backend = try await resolveBackend()
        let key = apiKey ?? ProcessInfo.processInfo.environment["PROCTOR_API_KEY"]
        let service = ChatCompletionService(
            backend: backend, modelID: servedModelName, faults: plan, defaultMaxTokens: maxTokens, apiKey: key,
            splitsThinking: reasoningFormat == "think", logger: logger)
        let server = try await HTTPServer(host: host, port: port, keepAlive: plan.entries.isEmpty, logger: logger) { await service.handle($0) }
        let identity = backend.identity
        print("listening on http://\(server.host):\(server.port)/v1 serving \(service.modelID) (\(identity.kind): \(identity.location))")
        if !plan.entries.isEmpty { print("fault plan: \(faults ?? "")") }
        if service.apiKey != nil { print("requests need Authorization: Bearer <the --api-key / PROCTOR_API_KEY value>") }
        fflush(nil)
        while true {
            try await Task.sleep(nanoseconds: 3_600_000_000_000)
        }
    }

    private func resolveBackend() async throws -> any InferenceBackend {
        if echo { return EchoBackend(wordDelay: echoWordDelay) }
        let spec = ModelSpec(
            model: model ?? "", modelName: modelName, chatTemplate: nil, threads: threads,
            requestTimeout: requestTimeout, maxRetries: maxRetries)
        return try await Catalog.backend(for: spec)
    }
}
