import Foundation
import ProctorCore
import ProctorOpenAI
import ProctorServe
import Testing

/// `stream: true` with the echo backend: the events OpenAI sends, in OpenAI's order, and hang-ups.
@Suite("proctor serve, streaming")
struct StreamingTests {
    /// The JSON of each `data:` event, and whether the stream ended with `data: [DONE]`.
    static func events(_ answer: String) -> (chunks: [JSONValue], done: Bool) {
        let lines = RawHTTPClient.body(of: answer).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        let payloads = lines.map { $0.hasPrefix("data: ") ? String($0.dropFirst(6)) : $0 }
        let done = payloads.last == "[DONE]"
        let chunks = payloads.filter { $0 != "[DONE]" }.compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        return (chunks, done)
    }

    static func content(_ chunks: [JSONValue], index: Int = 0, field: String = "content") -> String {
        chunks.flatMap { $0["choices"]?.arrayValue ?? [] }.filter { $0["index"]?.intValue == index }
            .compactMap { $0["delta"]?[field]?.stringValue }.joined()
    }

    @Test("role chunk, content deltas, finish_reason, the usage chunk, [DONE]; texts equal the non-streamed answer")
    func openAIOrder() async throws {
        try await ServerTests.withServer { port in
            let body = #"{"model":"proctor-echo","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"one two three four"}],"max_tokens":10}"#
            let answer = await RawHTTPClient.exchange(port: port, ServerTests.post(body))
            #expect(answer.hasPrefix("HTTP/1.1 200") && answer.lowercased().contains("content-type: text/event-stream"))
            let (chunks, done) = Self.events(answer)
            #expect(done)
            try #require(chunks.count >= 5, "\(answer)")
            #expect(chunks.allSatisfy { $0["object"]?.stringValue == "chat.completion.chunk" && $0["id"] == chunks[0]["id"] })
            let first = try #require(chunks.first?["choices"]?.arrayValue?.first)
            #expect(first["delta"]?["role"]?.stringValue == "assistant" && first["delta"]?["content"]?.stringValue == "")
            #expect(first["finish_reason"] == .null && first["logprobs"] == .null)
            #expect(chunks.dropLast().allSatisfy { $0["usage"] == .null }, "usage is null on every chunk but the last")
            let last = try #require(chunks.last)
            #expect(last["choices"]?.arrayValue?.isEmpty == true)
            #expect(last["usage"]?["completion_tokens"]?.intValue == 5 && last["usage"]?["prompt_tokens"]?.intValue == 4)
            let finish = chunks[chunks.count - 2]["choices"]?.arrayValue?.first
            #expect(finish?["finish_reason"]?.stringValue == "stop" && finish?["delta"]?.objectValue?.isEmpty == true)
            #expect(Self.content(chunks) == "echo: one two three four")
            #expect(Self.content(chunks, field: "reasoning_content").hasPrefix("proctor-echo received 1 message(s)"))
            let plain = await RawHTTPClient.exchange(port: port, ServerTests.post(body.replacingOccurrences(of: #""stream":true"#, with: #""stream":false"#)))
            #expect(plain.contains(#""content":"echo: one two three four""#))
        }
    }

    @Test("without include_usage there is no usage field; n = 2 streams two indexed choices; stop cuts both")
    func choicesAndStop() async throws {
        try await ServerTests.withServer { port in
            let body = #"{"model":"proctor-echo","stream":true,"n":2,"stop":["three"],"messages":[{"role":"user","content":"one two three four"}]}"#
            let (chunks, done) = Self.events(await RawHTTPClient.exchange(port: port, ServerTests.post(body)))
            #expect(done)
            #expect(chunks.allSatisfy { $0["usage"] == nil })
            for index in 0..<2 {
                #expect(Self.content(chunks, index: index) == "echo: one two ")
                let finishes = chunks.flatMap { $0["choices"]?.arrayValue ?? [] }.filter { $0["index"]?.intValue == index }
                    .compactMap { $0["finish_reason"]?.stringValue }
                #expect(finishes == ["stop"])
            }
            let plain = await RawHTTPClient.exchange(port: port, ServerTests.post(body.replacingOccurrences(of: #""stream":true,"#, with: "")))
            #expect(plain.contains(#""index":1"#) && plain.contains("seed=1") && plain.contains("seed=0"))
        }
    }

    @Test("a client that hangs up mid-stream has its generation cancelled at once")
    func hangUp() async throws {
        try await ServerTests.withServer(wordDelay: 0.2) { port in
            let words = (1...200).map { "w\($0)" }.joined(separator: " ")
            let body = #"{"model":"proctor-echo","stream":true,"messages":[{"role":"user","content":"\#(words)"}],"max_tokens":500}"#
            let seen = await RawHTTPClient.hangUp(port: port, ServerTests.post(body), after: "w2")
            #expect(seen.contains(#""content":" w1""#), "\(seen)")
            let hungUp = Date()
            var active = -1
            while Date().timeIntervalSince(hungUp) < 5 {
                let health = await RawHTTPClient.exchange(port: port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")
                active = (try? JSONDecoder().decode(JSONValue.self, from: Data(RawHTTPClient.body(of: health).utf8)))?["active_requests"]?.intValue ?? -1
                if active == 0 { break }
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            #expect(active == 0)
            // 200 words at 0.2 s would take 40 s; the echo stops within one word's delay of the hang-up.
            #expect(Date().timeIntervalSince(hungUp) < 1)
        }
    }
}
