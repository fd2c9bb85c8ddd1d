import Foundation
import ProctorCore

/// Reads a streamed chat completion (server-sent events) into the response a non-streamed request gets: the
/// deltas of choice 0 (and the others) joined, each choice's `finish_reason`, and the usage chunk's counts.
enum StreamReading {
    /// Whether a 2xx body is a stream of events rather than one JSON object.
    static func isEventStream(_ body: Data) -> Bool {
        let start = body.prefix(64).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        return start.starts(with: Data("data:".utf8)) || start.starts(with: Data("event:".utf8)) || start.starts(with: Data(":".utf8))
    }

    /// The response the events add up to.
    ///
    /// - Throws: `ProctorError.backend` naming the URL for an event that is not JSON, an `error` event (the server
    ///   failed mid-stream), or a stream without any choice.
    static func response(from body: Data, url: URL) throws -> ChatCompletionWire.Response {
        var texts: [Int: String] = [:]
        var reasoning: [Int: String] = [:]
        var finish: [Int: String] = [:]
        var usage: ChatCompletionWire.Usage?
        var id: String?
        var model: String?
        var created: Int?
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        for (number, event) in text.components(separatedBy: "\n\n").enumerated() {
            let data = event.split(separator: "\n").filter { $0.hasPrefix("data:") }
                .map { $0.dropFirst(5).drop { $0 == " " } }.joined(separator: "\n")
            if data.isEmpty || data == "[DONE]" { continue }
            let payload = Data(data.utf8)
            if let json = try? JSONDecoder().decode(JSONValue.self, from: payload), json["error"] != nil {
                throw ProctorError(.backend, "POST \(url): the server failed in the middle of the stream (event \(number + 1)): \(ResponseReading.errorText(payload))")
            }
            let chunk: ChatCompletionWire.Chunk
            do {
                chunk = try JSONDecoder().decode(ChatCompletionWire.Chunk.self, from: payload)
            } catch {
                throw ProctorError(.backend, "POST \(url): event \(number + 1) of the stream is not a chat-completion chunk (\(ResponseReading.snippet(payload)))", underlying: error)
            }
            id = id ?? chunk.id
            model = model ?? chunk.model
            created = created ?? chunk.created
            if let counts = chunk.usage { usage = counts }
            for choice in chunk.choices {
                texts[choice.index, default: ""] += choice.delta.content ?? ""
                if let piece = choice.delta.reasoningContent ?? choice.delta.reasoning { reasoning[choice.index, default: ""] += piece }
                if let reason = choice.finishReason { finish[choice.index] = reason }
            }
        }
        guard !texts.isEmpty else {
            throw ProctorError(.backend, "POST \(url) answered a stream without any choice (\(ResponseReading.snippet(body))); is this an OpenAI-compatible server?")
        }
        let choices = texts.keys.sorted().map { index in
            ChatCompletionWire.Choice(
                index: index, message: ChatCompletionWire.ResponseMessage(role: "assistant", content: texts[index], reasoningContent: reasoning[index]),
                finishReason: finish[index])
        }
        return ChatCompletionWire.Response(id: id, created: created, model: model, choices: choices, usage: usage)
    }
}
