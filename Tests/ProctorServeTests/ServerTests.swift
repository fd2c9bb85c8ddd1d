import Foundation
import ProctorCore
import ProctorOpenAI
import ProctorServe
import Testing

/// The HTTP server and the chat-completion service in process, with the echo backend.
@Suite("proctor serve, in process")
struct ServerTests {
    static func withServer(faults: String = "", apiKey: String? = nil, wordDelay: Double = 0, _ body: (Int) async throws -> Void) async throws {
        let service = ChatCompletionService(backend: EchoBackend(wordDelay: wordDelay), faults: try FaultPlan(parsing: faults), apiKey: apiKey)
        let server = try await HTTPServer(host: "127.0.0.1", port: 0, keepAlive: faults.isEmpty) { await service.handle($0) }
        do {
            try await body(server.port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func post(_ body: String, chunked: Bool = false, headers: String = "") -> String {
        if chunked {
            let half = body.utf8.count / 2
            let first = String(decoding: Array(body.utf8)[..<half], as: UTF8.self)
            let second = String(decoding: Array(body.utf8)[half...], as: UTF8.self)
            let chunks = "\(String(first.utf8.count, radix: 16))\r\n\(first)\r\n\(String(second.utf8.count, radix: 16))\r\n\(second)\r\n0\r\n\r\n"
            return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n\(chunks)"
        }
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    static let hello = #"{"model":"proctor-echo","messages":[{"role":"user","content":"hello world"}],"max_tokens":10}"#

    @Test("a Content-Length body and a chunked body get the same answer")
    func bodies() async throws {
        try await Self.withServer { port in
            for chunked in [false, true] {
                let answer = await RawHTTPClient.exchange(port: port, Self.post(Self.hello, chunked: chunked))
                #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
                #expect(answer.contains(#""content":"echo: hello world""#))
                #expect(answer.contains(#""finish_reason":"stop""#))
            }
        }
    }

    @Test("bad requests get OpenAI-style errors with the reason", arguments: [
        ("GET /v2/nothing HTTP/1.1\r\nConnection: close\r\n\r\n", "HTTP/1.1 404", "no route GET /v2/nothing"),
        ("DELETE /v1/models HTTP/1.1\r\nConnection: close\r\n\r\n", "HTTP/1.1 405", "DELETE is not allowed"),
        (post("{not json"), "HTTP/1.1 400", "not valid JSON"),
        (post("[1, 2]"), "HTTP/1.1 400", "not an object"),
        (post(#"{"messages":[]}"#), "HTTP/1.1 400", "the field model is missing"),
        (post(#"{"model":"gpt-4","messages":[]}"#), "HTTP/1.1 404", #""code":"model_not_found""#),
        (post(#"{"model":"proctor-echo","messages":[{"role":"robot","content":"x"}]}"#), "HTTP/1.1 400", "messages[0].role"),
        (post(#"{"model":"proctor-echo","logprobs":true,"messages":[]}"#), "HTTP/1.1 400", "logprobs are not computed by this server's backend (echo)"),
        (post(#"{"model":"proctor-echo","logprobs":true,"messages":[]}"#), "HTTP/1.1 400", #""param":"logprobs""#),
        (post(#"{"model":"proctor-echo","logprobs":true,"top_logprobs":21,"messages":[]}"#), "HTTP/1.1 400", "top_logprobs is 21; it must be an integer from 0 to 20"),
        (post(#"{"model":"proctor-echo","logprobs":true,"top_logprobs":-1,"messages":[]}"#), "HTTP/1.1 400", #""param":"top_logprobs""#),
        (post(#"{"model":"proctor-echo","top_logprobs":3,"messages":[]}"#), "HTTP/1.1 400", "top_logprobs is set but logprobs is not true"),
        (post(#"{"model":"proctor-echo","presence_penalty":0.5,"messages":[]}"#), "HTTP/1.1 400", #""param":"presence_penalty""#),
        (post(#"{"model":"proctor-echo","n":0,"messages":[]}"#), "HTTP/1.1 400", #""param":"n""#),
        (post(#"{"model":"proctor-echo","max_completion_tokens":0,"messages":[]}"#), "HTTP/1.1 400", #""param":"max_completion_tokens""#),
        ("NONSENSE\r\n\r\n", "HTTP/1.1 400", "not HTTP/1.x"),
    ])
    func errors(request: String, status: String, reason: String) async throws {
        try await Self.withServer { port in
            let answer = await RawHTTPClient.exchange(port: port, request)
            #expect(answer.hasPrefix(status), "\(answer)")
            #expect(answer.contains(reason), "\(answer)")
            #expect(answer.contains(#""error":{"#))
            #expect(answer.contains(#""type":"invalid_request_error""#))
        }
    }

    @Test("Expect: 100-continue is answered before the body; a kept-alive connection answers requests in turn")
    func connectionHandling() async throws {
        try await Self.withServer { port in
            let continued = await RawHTTPClient.exchange(port: port, Self.post(Self.hello, headers: "Expect: 100-continue\r\n"))
            #expect(continued.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"), "\(continued)")
            let first = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: \(Self.hello.utf8.count)\r\n\r\n\(Self.hello)"
            let both = await RawHTTPClient.exchange(port: port, first + Self.post(Self.hello.replacingOccurrences(of: "hello world", with: "second")))
            #expect(both.components(separatedBy: "HTTP/1.1 200 OK").count == 3, "\(both)")
            #expect(both.contains("echo: hello world") && both.contains("echo: second"))
            #expect(both.range(of: "echo: hello world")?.lowerBound ?? both.endIndex < both.range(of: "echo: second")?.lowerBound ?? both.startIndex)
        }
    }

    @Test("with an API key, requests without it or with another get OpenAI's 401; /health needs none")
    func apiKey() async throws {
        try await Self.withServer(apiKey: "sk-test-123456") { port in
            let none = await RawHTTPClient.exchange(port: port, Self.post(Self.hello))
            #expect(none.hasPrefix("HTTP/1.1 401") && none.contains("You didn't provide an API key") && none.contains(#""param":null"#))
            let wrong = await RawHTTPClient.exchange(port: port, Self.post(Self.hello, headers: "Authorization: Bearer sk-wrong-999999\r\n"))
            #expect(wrong.hasPrefix("HTTP/1.1 401") && wrong.contains(#""code":"invalid_api_key""#))
            let right = await RawHTTPClient.exchange(port: port, Self.post(Self.hello, headers: "Authorization: Bearer sk-test-123456\r\n"))
            #expect(right.hasPrefix("HTTP/1.1 200") && right.contains("echo: hello world"))
            let health = await RawHTTPClient.exchange(port: port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")
            #expect(health.hasPrefix("HTTP/1.1 200") && health.contains(#""active_requests":0"#))
        }
    }

    @Test("faults count chat completions only; /models is not numbered")
    func faultNumbering() async throws {
        try await Self.withServer(faults: "2:503,3:429=7") { port in
            let models = await RawHTTPClient.exchange(port: port, "GET /v1/models HTTP/1.1\r\nConnection: close\r\n\r\n")
            #expect(models.contains(#""id":"proctor-echo""#) && models.contains("not a language model"))
            var answers: [String] = []
            for _ in 1...4 { answers.append(await RawHTTPClient.exchange(port: port, Self.post(Self.hello))) }
            #expect(answers.map { String($0.prefix(12)) } == ["HTTP/1.1 200", "HTTP/1.1 503", "HTTP/1.1 429", "HTTP/1.1 200"])
            #expect(answers[2].contains("Retry-After: 7\r\n"))
        }
    }

    @Test("a dropped request gets no answer at all")
    func drop() async throws {
        try await Self.withServer(faults: "1:drop") { port in
            #expect(await RawHTTPClient.exchange(port: port, Self.post(Self.hello)) == "")
        }
    }

    @Test("concurrent clients are all answered, each with its own echo")
    func concurrency() async throws {
        try await Self.withServer { port in
            let backend = OpenAIBackend(
                configuration: OpenAIConfiguration(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, requestTimeout: 10),
                modelName: EchoBackend.modelName)
            let texts = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        let request = GenerationRequest(messages: [ChatMessage(role: .user, text: "item \(i)")], parameters: GenerationParameters())
                        return try await backend.generate(request).text
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(texts == Set((0..<16).map { "echo: item \($0)" }))
        }
    }
}
