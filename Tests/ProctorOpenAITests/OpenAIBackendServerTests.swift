import Foundation
import ProctorCore
import ProctorOpenAI
import Testing

/// `OpenAIBackend` against a real `proctor serve --echo` process on loopback.
@Suite("OpenAI backend against proctor serve")
struct OpenAIBackendServerTests {
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==") ?? Data()

    static func client(_ server: ServerProcess, name: String? = nil, timeout: Double = 5, retries: Int = 3, stream: Bool = false) async throws -> OpenAIBackend {
        let policy = RetryPolicy(maxRetries: retries, baseDelay: 0.05, maxDelay: 0.2, maxRetryAfter: 1)
        return try await OpenAIBackend.connect(OpenAIConfiguration(baseURL: server.baseURL, modelName: name, requestTimeout: timeout, retry: policy, stream: stream))
    }

    static func ask(_ text: String, maxTokens: Int = 100) -> GenerationRequest {
        GenerationRequest(messages: [ChatMessage(role: .user, text: text)], parameters: GenerationParameters(maxTokens: maxTokens, seed: 7))
    }

    @Test("an interleaved image reaches the server as a data URL and reasoning stays apart (answered whole or streamed)", arguments: [false, true])
    func imageRoundTrip(stream: Bool) async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let backend = try await Self.client(server, stream: stream)
        #expect(backend.modelName == "proctor-echo")
        #expect(backend.identity.kind == "openai")
        #expect(backend.identity.location == server.baseURL.absoluteString)
        #expect(backend.identity.details["server_owned_by"] == "proctor")
        #expect(backend.identity.details["server_proctor_backend"] == "echo")

        let image = ImageAttachment(data: Self.png, name: "dot.png")
        let message = ChatMessage(role: .user, parts: [.text("Before "), .image(image), .text(" after.")])
        let parameters = GenerationParameters(temperature: 0.6, topP: 0.95, topK: 20, minP: 0.05, maxTokens: 64, seed: 1234, stop: ["NEVER"])
        let result = try await backend.generate(GenerationRequest(messages: [ChatMessage(role: .system, text: "sys"), message], parameters: parameters))

        #expect(result.text == "echo: Before [image image/png \(Self.png.count) bytes sha256 \(image.sha256)] after.")
        let reasoning = try #require(result.reasoningContent)
        #expect(reasoning.contains("received 2 message(s)"))
        #expect(reasoning.contains("temperature=0.6 top_p=0.95 top_k=20 min_p=0.05 repetition_penalty=unset max_tokens=64 seed=1234"))
        #expect(!result.text.contains("proctor-echo received"))
        #expect(result.finishReason == .stop)
        #expect(result.promptTokens == 4)
        #expect(result.completionTokens == 9)
    }

    @Test("finish_reason length is mapped")
    func lengthLimit() async throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let result = try await Self.client(server).generate(Self.ask("one two three four five", maxTokens: 3))
        #expect(result.finishReason == .length)
        #expect(result.text == "echo: one two")
    }

    @Test("500, a dropped connection, a reset and a 429 are retried until an answer comes (streamed or not)", arguments: [false, true])
    func retriesRecover(stream: Bool) async throws {
        let server = try ServerProcess(["--faults", "1:500,2:drop,3:reset,4:429=0.3"])
        defer { server.stop() }
        let backend = try await Self.client(server, retries: 4, stream: stream)
        let started = Date()
        let result = try await backend.generate(Self.ask("hello"))
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.text == "echo: hello")
        #expect(elapsed >= 0.3, "Retry-After: 0.3 must be honoured")
        #expect(elapsed < 30, "backoff must stay bounded (a busy machine adds seconds, a bug adds minutes)")
        let log = server.stop()
        #expect(log.components(separatedBy: "injecting fault").count - 1 == 4)
        #expect(log.contains(stream ? "request 5: streamed 2 tokens" : "request 5: stop"))
    }

    @Test("persistent faults end in a ProctorError after exactly 1 + maxRetries attempts", arguments: [
        ("*:500", "HTTP 500", ProctorError.Code.backend),
        ("*:503", "HTTP 503", .backend),
        ("*:429=0.05", "HTTP 429", .backend),
        ("*:drop", "connection failed", .backend),
        ("*:reset", "connection failed", .backend),
        ("*:stall", "no complete answer within 0.40 s", .timeout),
    ])
    func retriesExhausted(plan: String, expected: String, code: ProctorError.Code) async throws {
        let server = try ServerProcess(["--faults", plan])
        defer { server.stop() }
        let backend = try await Self.client(server, timeout: 0.4, retries: 2)
        let started = Date()
        do {
            _ = try await backend.generate(Self.ask("hello"))
            Issue.record("\(plan) produced an answer")
        } catch let error as ProctorError {
            #expect(error.code == code)
            #expect(error.message.contains("POST \(server.baseURL.absoluteString)/chat/completions failed after 3 attempts"))
            #expect(error.message.contains(expected))
            #expect(error.message.contains("--max-retries"))
        }
        #expect(Date().timeIntervalSince(started) < 30)
        let log = server.stop()
        #expect(log.components(separatedBy: "injecting fault").count - 1 == 3)
    }

    @Test("a request the server rejects is not retried and its error text is reported")
    func notRetried() async throws {
        let server = try ServerProcess(["--faults", "2:500"])
        defer { server.stop() }
        let backend = try await Self.client(server, name: "no-such-model")
        #expect(backend.identity.details["server_models"] == "proctor-echo")
        await #expect {
            try await backend.generate(Self.ask("hello"))
        } throws: { error in
            let message = (error as? ProctorError)?.message ?? ""
            return message.contains("HTTP 404") && message.contains("The model `no-such-model` does not exist") && message.contains("--model-name")
        }
        // The rejected request was number 1; the next one is number 2 and meets the planted 500: one attempt only.
        #expect(!server.stop().contains("request 3"))
    }

    @Test("cancelling the task stops a stalled request and closes the connection")
    func cancellation() async throws {
        let server = try ServerProcess(["--faults", "*:stall"])
        defer { server.stop() }
        let backend = try await Self.client(server, timeout: 30)
        let task = Task { try await backend.generate(Self.ask("hello")) }
        try await Self.waitFor("request 1: injecting fault", in: server)
        let cancelled = Date()
        task.cancel()
        let outcome = await task.result
        #expect(Date().timeIntervalSince(cancelled) < 15)
        guard case .failure(let error) = outcome, let proctorError = error as? ProctorError else {
            Issue.record("the cancelled request did not fail with a ProctorError: \(outcome)")
            return
        }
        #expect(proctorError.code == .cancelled)
        try await Self.waitFor("the client closed the connection", in: server)
    }

    /// Waits (at most 10 s) until the server's log contains `text`.
    static func waitFor(_ text: String, in server: ServerProcess) async throws {
        let deadline = Date().addingTimeInterval(10)
        while !server.log.contains(text) && Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(server.log.contains(text), "the server's log never said \"\(text)\"")
    }

    @Test("proctor serve --model openai:URL proxies through the client, which retries the upstream's faults")
    func proxy() async throws {
        let upstream = try ServerProcess(["--faults", "1:500,2:drop"])
        defer { upstream.stop() }
        let proxy = try ServerProcess(
            ["--model", "openai:\(upstream.baseURL.absoluteString)", "--served-model-name", "relay", "--max-retries", "2", "--request-timeout", "5"],
            echo: false)
        defer { proxy.stop() }
        let backend = try await Self.client(proxy, retries: 0)
        #expect(backend.modelName == "relay")
        #expect(backend.identity.details["server_proctor_backend"] == "openai")
        #expect(backend.identity.details["server_proctor_location"] == upstream.baseURL.absoluteString)
        let result = try await backend.generate(Self.ask("through the relay"))
        #expect(result.text == "echo: through the relay")
        #expect(result.reasoningContent?.contains("proctor-echo received") == true)
        #expect(upstream.stop().components(separatedBy: "injecting fault").count - 1 == 2)
    }

    @Test("without --model-name the server's only model is used; a server that is down gives a clear error")
    func serverDown() async throws {
        let server = try ServerProcess()
        // Other tests' servers run in parallel and may be given the freed port; nothing listens on 127.0.0.2.
        let port = server.baseURL.port ?? 9
        server.stop()
        let base = try #require(URL(string: "http://127.0.0.2:\(port)/v1"))
        let policy = RetryPolicy(maxRetries: 1, baseDelay: 0.05)
        await #expect {
            try await OpenAIBackend.connect(OpenAIConfiguration(baseURL: base, requestTimeout: 2, retry: policy))
        } throws: { error in
            let message = (error as? ProctorError)?.message ?? ""
            return message.contains("GET \(base.absoluteString)/models failed after 2 attempts") && message.contains("connection failed")
        }
    }
}
