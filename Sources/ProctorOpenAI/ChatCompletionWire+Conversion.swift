import Foundation
import ProctorCore

extension ChatCompletionWire.Request {
    /// The body Proctor sends for `request`: text and images in the order of each message's parts, images as
    /// base64 `data:` URLs, and the sampling extras (`top_k`, `min_p`, `repetition_penalty` with its llama.cpp name `repeat_penalty`) only when set.
    ///
    /// - Parameters:
    ///   - request: The conversation and sampling settings.
    ///   - model: The model name the server serves.
    public init(_ request: GenerationRequest, model: String) {
        let p = request.parameters
        self.init(
            model: model,
            messages: request.messages.map(ChatCompletionWire.Message.init),
            temperature: p.temperature, topP: p.topP, maxTokens: p.maxTokens, seed: p.seed,
            stop: p.stop.isEmpty ? nil : p.stop, topK: p.topK, minP: p.minP,
            repetitionPenalty: p.repetitionPenalty, stream: false)
        tools = request.tools
    }

    /// The Proctor request this body stands for, as a server reads it.
    ///
    /// - Parameter defaultMaxTokens: The token limit when the body sets none.
    /// - Returns: The request.
    /// - Throws: `ProctorError.invalidInput` naming the message and part that cannot be read (an unknown role, a
    ///   part type other than text and image, an image that is not a base64 `data:` URL).
    public func generationRequest(defaultMaxTokens: Int) throws -> GenerationRequest {
        var messages: [ChatMessage] = []
        for (m, message) in self.messages.enumerated() {
            guard let role = ChatRole(rawValue: message.role) else {
                throw ProctorError(.invalidInput, "messages[\(m)].role is \"\(message.role)\"; use system, user, assistant or tool")
            }
            let calls = message.toolCalls?.map { ToolCall(id: $0.id ?? "", name: $0.function.name, arguments: $0.function.arguments) }
            switch message.content {
            case .text(let text):
                messages.append(ChatMessage(role: role, text: text, toolCalls: calls, toolCallID: message.toolCallID))
            case .parts(let parts):
                var converted: [ContentPart] = []
                for (i, part) in parts.enumerated() {
                    let place = "messages[\(m)].content[\(i)]"
                    switch part.type {
                    case "text":
                        converted.append(.text(part.text ?? ""))
                    case "image_url":
                        guard let url = part.imageURL?.url else {
                            throw ProctorError(.invalidInput, "\(place) is an image_url part without image_url.url")
                        }
                        converted.append(.image(try DataURL.decode(url, name: "<\(place)>")))
                    default:
                        throw ProctorError(.invalidInput, "\(place) has type \"\(part.type)\"; only text and image_url are supported")
                    }
                }
                messages.append(ChatMessage(role: role, parts: converted, toolCalls: calls, toolCallID: message.toolCallID))
            }
        }
        let parameters = GenerationParameters(
            temperature: temperature ?? 1, topP: topP ?? 1, topK: topK, minP: minP,
            repetitionPenalty: repetitionPenalty ?? repeatPenalty, maxTokens: maxCompletionTokens ?? maxTokens ?? defaultMaxTokens, seed: seed ?? 0,
            stop: stop ?? [])
        return GenerationRequest(messages: messages, parameters: parameters, tools: tools)
    }
}

extension ChatCompletionWire.Message {
    /// The wire form of `message`: a plain string when it is text only, typed parts otherwise.
    ///
    /// - Parameter message: A Proctor chat message.
    public init(_ message: ChatMessage) {
        let textOnly = message.parts.allSatisfy { if case .text = $0 { true } else { false } }
        let calls = message.toolCalls.map { calls in
            calls.map { ChatCompletionWire.ToolCall(id: $0.id, function: .init(name: $0.name, arguments: $0.arguments)) }
        }
        if textOnly {
            self.init(role: message.role.rawValue, content: .text(message.text), toolCalls: calls, toolCallID: message.toolCallID)
        } else {
            let parts = message.parts.map { part -> ChatCompletionWire.Part in
                switch part {
                case .text(let text): .text(text)
                case .image(let image): .image(url: DataURL.encode(image))
                }
            }
            self.init(role: message.role.rawValue, content: .parts(parts), toolCalls: calls, toolCallID: message.toolCallID)
        }
    }
}

/// Base64 `data:` URLs for images (`data:image/png;base64,…`).
public enum DataURL {
    /// The `data:` URL of an image.
    ///
    /// - Parameter image: The encoded image.
    /// - Returns: `data:<media type>;base64,<bytes>`.
    public static func encode(_ image: ImageAttachment) -> String {
        "data:\(image.mediaType);base64,\(image.data.base64EncodedString())"
    }

    /// The image inside a base64 `data:` URL.
    ///
    /// - Parameters:
    ///   - url: The URL.
    ///   - name: What to call the image in errors and in the attachment.
    /// - Returns: The attachment, its media type taken from the URL.
    /// - Throws: `ProctorError.invalidInput` when `url` is not a base64 `data:` URL (remote URLs included: Proctor
    ///   never fetches images from the network).
    public static func decode(_ url: String, name: String) throws -> ImageAttachment {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else {
            throw ProctorError(.invalidInput, "\(name): the image URL is not a data: URL (\(url.prefix(40))…); send images inline as data:<type>;base64,<bytes>")
        }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64") else {
            throw ProctorError(.invalidInput, "\(name): the data: URL is not base64-encoded; use data:<type>;base64,<bytes>")
        }
        let mediaType = String(header.dropLast(";base64".count))
        guard let data = Data(base64Encoded: String(url[url.index(after: comma)...])) else {
            throw ProctorError(.invalidInput, "\(name): the data: URL's base64 payload does not decode")
        }
        return ImageAttachment(data: data, mediaType: mediaType.isEmpty ? nil : mediaType, name: name)
    }
}
