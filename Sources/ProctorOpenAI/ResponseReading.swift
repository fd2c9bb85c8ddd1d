import Foundation
import ProctorCore

/// Reads servers' answers: completions, error bodies, model lists.
enum ResponseReading {
    /// The result in a chat-completion body, or in a stream of chunks (servers that always stream).
    ///
    /// - Throws: `ProctorError.backend` naming the URL when the body is not a chat completion with a choice.
    static func result(from body: Data, url: URL) throws -> GenerationResult {
        let response = try StreamReading.isEventStream(body) ? StreamReading.response(from: body, url: url) : completion(from: body, url: url)
        guard let choice = response.choices.first else {
            throw ProctorError(.backend, "POST \(url) answered a chat completion without choices (\(snippet(body)))")
        }
        let finish: FinishReason
        switch choice.finishReason?.lowercased() {
        case "length", "max_tokens": finish = .length
        case "abort", "error":
            throw ProctorError(.backend, "POST \(url): the server aborted the generation (finish_reason \(choice.finishReason ?? "")); check the server's log")
        default: finish = .stop
        }
        let reasoning = choice.message.reasoningContent ?? choice.message.reasoning
        return GenerationResult(
            text: toolCallText(choice.message.toolCalls) ?? choice.message.content ?? "", reasoningContent: reasoning, finishReason: finish,
            promptTokens: response.usage?.promptTokens, completionTokens: response.usage?.completionTokens,
            toolCalls: choice.message.toolCalls.flatMap { calls in
                calls.isEmpty ? nil : calls.enumerated().map { ToolCall(id: $1.id ?? "call_\($0)", name: $1.function.name, arguments: $1.function.arguments) }
            },
            content: choice.message.toolCalls?.isEmpty == false ? choice.message.content : nil)
    }

    private static func completion(from body: Data, url: URL) throws -> ChatCompletionWire.Response {
        do {
            return try JSONDecoder().decode(ChatCompletionWire.Response.self, from: body)
        } catch {
            throw ProctorError(
                .backend, "POST \(url) answered 2xx with a body that is not a chat completion (\(snippet(body))); is this an OpenAI-compatible server?",
                underlying: error)
        }
    }

    /// Tool calls as the JSON text `[{"<name>": "<arguments JSON>"}]` (BFCL's result-file shape), nil when none.
    static func toolCallText(_ calls: [ChatCompletionWire.ToolCall]?) -> String? {
        guard let calls, !calls.isEmpty else { return nil }
        let list = calls.map { [$0.function.name: $0.function.arguments] }
        guard let data = try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The server's own words about an error: `error.message` (OpenAI, vLLM, llama.cpp), `detail` (FastAPI),
    /// `message`, or the start of the body.
    static func errorText(_ body: Data) -> String {
        if let json = try? JSONDecoder().decode(JSONValue.self, from: body) {
            let candidates = [json["error"]?["message"], json["error"], json["detail"], json["message"]]
            for case let value? in candidates {
                if let text = value.stringValue, !text.isEmpty { return text }
                if case .array = value, let data = try? JSONEncoder().encode(value), let text = String(data: data, encoding: .utf8) {
                    return text
                }
            }
        }
        let text = snippet(body)
        return text.isEmpty ? "(empty body)" : text
    }

    /// The first 300 characters of a body, for messages.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return body.count > 300 ? text + "…" : text
    }
}

/// Picks the served model from `GET /models`.
enum ModelChoice {
    /// The ids a model list names.
    static func ids(_ models: [JSONValue]) -> [String] {
        models.compactMap { $0["id"]?.stringValue }
    }

    /// The model to use: the requested one, or the server's only model.
    ///
    /// - Throws: `ProctorError.invalidArgument` when nothing was requested and the server lists no model or several
    ///   (naming them).
    static func pick(requested: String?, from models: [JSONValue], url: URL) throws -> String {
        if let requested { return requested }
        let ids = ids(models)
        switch ids.count {
        case 1: return ids[0]
        case 0: throw ProctorError(.invalidArgument, "GET \(url) lists no model; pass --model-name NAME")
        default:
            throw ProctorError(.invalidArgument, "GET \(url) lists \(ids.count) models (\(ids.joined(separator: ", "))); pass --model-name with one of them")
        }
    }

    /// What the server says about `name`: its scalar fields (`id`, `owned_by`, `root`, `max_model_len`, …) as
    /// `server_<field>`, or the listed ids when `name` is not among them.
    static func details(of name: String, in models: [JSONValue]) -> [String: String] {
        guard let entry = models.first(where: { $0["id"]?.stringValue == name })?.objectValue else {
            return ["server_models": ids(models).joined(separator: ", "),
                    "server_note": "the server does not list \(name); it answered under its own model"]
        }
        var details: [String: String] = [:]
        for (key, value) in entry {
            if let text = value.stringValue { details["server_\(key)"] = text }
        }
        return details
    }
}
