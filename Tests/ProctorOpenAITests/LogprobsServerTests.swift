import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ProctorCore
import Testing

private let smolLMDownloaded = FileManager.default.fileExists(atPath: OpenAIPackage.cache + "/models/SmolLM2-135M-Instruct.Q4_1.gguf")

/// `logprobs` / `top_logprobs` of `proctor serve --model smollm2`, over HTTP as clients send them.
@Suite("proctor serve --model smollm2: logprobs and top_logprobs", .serialized,
       .enabled(if: smolLMDownloaded, "SmolLM2-135M-Instruct is not downloaded: run scripts/fetch-model"))
struct LogprobsServerTests {
    /// POSTs a chat-completion body and returns the status and the body.
    static func post(_ server: ServerProcess, _ body: String) async throws -> (Int, Data) {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    static let body = #""model":"smollm2","messages":[{"role":"user","content":"Name three colours of the rainbow."}],"temperature":0,"max_tokens":24,"logprobs":true,"top_logprobs":5"#

    @Test("whole and streamed: OpenAI's logprobs shape, argmax at temperature 0, tokens join to the content, the stream's equal the whole's")
    func shapes() async throws {
        let server = try ServerProcess(["--model", "smollm2", "--served-model-name", "smollm2", "--threads", "2"], echo: false)
        defer { server.stop() }
        let (status, data) = try await Self.post(server, "{\(Self.body)}")
        #expect(status == 200, "\(String(decoding: data, as: UTF8.self))")
        let answer = try JSONDecoder().decode(JSONValue.self, from: data)
        let choice = try #require(answer["choices"]?.arrayValue?.first)
        let content = try #require(choice["message"]?["content"]?.stringValue)
        let logprobs = try #require(choice["logprobs"])
        #expect(logprobs["refusal"] == .null)
        let tokens = try #require(logprobs["content"]?.arrayValue)
        #expect(tokens.count == answer["usage"]?["completion_tokens"]?.intValue)
        var joined = ""
        for token in tokens {
            let text = try #require(token["token"]?.stringValue)
            let logprob = try #require(token["logprob"]?.doubleValue)
            let bytes = try #require(token["bytes"]?.arrayValue).compactMap(\.intValue)
            #expect(Array(text.utf8) == bytes.map(UInt8.init))
            let top = try #require(token["top_logprobs"]?.arrayValue)
            #expect(top.count == 5)
            #expect(top.first?["token"]?.stringValue == text && top.first?["logprob"]?.doubleValue == logprob, "\(token)")
            #expect(top.allSatisfy { ($0["logprob"]?.doubleValue ?? 1) <= logprob && $0["bytes"]?.arrayValue != nil })
            #expect(logprob <= 0)
            joined += text
        }
        #expect(joined == content)

        let (streamStatus, streamData) = try await Self.post(server, "{\(Self.body),\"stream\":true}")
        #expect(streamStatus == 200)
        var streamedTokens: [JSONValue] = []
        var streamedText = ""
        for line in String(decoding: streamData, as: UTF8.self).split(separator: "\n") where line.hasPrefix("data: {") {
            let chunk = try JSONDecoder().decode(JSONValue.self, from: Data(line.dropFirst(6).utf8))
            guard let piece = chunk["choices"]?.arrayValue?.first else { continue }
            let delta = piece["delta"]?["content"]?.stringValue ?? ""
            let chunkTokens = piece["logprobs"]?["content"]?.arrayValue ?? []
            #expect(chunkTokens.compactMap { $0["token"]?.stringValue }.joined() == delta, "a chunk's logprobs are its delta's tokens: \(line)")
            streamedTokens += chunkTokens
            streamedText += delta
        }
        #expect(streamedText == content)
        #expect(streamedTokens == tokens)

        let (plainStatus, plainData) = try await Self.post(server, #"{"model":"smollm2","messages":[{"role":"user","content":"Hi"}],"max_tokens":4}"#)
        let plain = try JSONDecoder().decode(JSONValue.self, from: plainData)
        #expect(plainStatus == 200 && (plain["choices"]?.arrayValue?.first?["logprobs"] ?? .null) == .null)
    }

    @Test("out-of-range and inconsistent values are 400s naming top_logprobs", arguments: [
        #""logprobs":true,"top_logprobs":21"#, #""logprobs":true,"top_logprobs":-1"#, #""top_logprobs":2"#, #""logprobs":false,"top_logprobs":2"#,
    ])
    func refused(fields: String) async throws {
        let server = try ServerProcess(["--model", "smollm2", "--served-model-name", "smollm2", "--threads", "1"], echo: false)
        defer { server.stop() }
        let (status, data) = try await Self.post(server, #"{"model":"smollm2","messages":[{"role":"user","content":"Hi"}],"max_tokens":2,"# + fields + "}")
        let answer = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(status == 400 && answer["error"]?["param"]?.stringValue == "top_logprobs", "\(String(decoding: data, as: UTF8.self))")
    }
}
