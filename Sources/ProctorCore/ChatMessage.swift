import Foundation

/// An image attached to a prompt, as the benchmark ships it (encoded bytes, not pixels).
public struct ImageAttachment: Sendable, Codable, Hashable {
    /// The encoded image (JPEG, PNG, …) exactly as read from the benchmark's files.
    public var data: Data
    /// The media type, such as `image/png`.
    public var mediaType: String
    /// The content hash recorded with each sample (lower-case hex SHA-256 of `data`).
    public var sha256: String
    /// Where the image came from (file name or `<image 1>`), for messages.
    public var name: String

    /// Creates an attachment and hashes its bytes.
    ///
    /// - Parameters:
    ///   - data: The encoded image.
    ///   - mediaType: The media type; guessed from the magic bytes when nil.
    ///   - name: Where the image came from.
    public init(data: Data, mediaType: String? = nil, name: String) {
        self.data = data
        self.mediaType = mediaType ?? ImageAttachment.sniffMediaType(data)
        self.sha256 = SHA256.hex(data)
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case data, mediaType = "media_type", sha256, name
    }

    /// The media type implied by the first bytes of `data` (`application/octet-stream` when unknown).
    ///
    /// - Parameter data: Encoded image bytes.
    /// - Returns: A media type.
    public static func sniffMediaType(_ data: Data) -> String {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if head.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if head.count >= 12, head[0..<4] == ArraySlice(Array("RIFF".utf8)), head[8..<12] == ArraySlice(Array("WEBP".utf8)) {
            return "image/webp"
        }
        if head.starts(with: Array("BM".utf8)) { return "image/bmp" }
        return "application/octet-stream"
    }
}

/// One part of a message: text or an image, in the order the benchmark interleaves them.
public enum ContentPart: Sendable, Codable, Hashable {
    case text(String)
    case image(ImageAttachment)
}

/// Who speaks a message.
public enum ChatRole: String, Sendable, Codable, Hashable {
    /// `tool`: the result of a tool call, answering the assistant message's call with `ChatMessage.toolCallID`.
    case system, user, assistant, tool
}

/// A tool call of an assistant message (OpenAI's `tool_calls` entry): its id, the function's name and its
/// arguments as JSON text, as the server sent them.
public struct ToolCall: Sendable, Codable, Hashable {
    /// The call's id, which the `tool` message answering it names.
    public var id: String
    /// The called function's name.
    public var name: String
    /// The arguments, a JSON object as text (not necessarily valid JSON: it is what the model wrote).
    public var arguments: String

    /// Creates a tool call.
    ///
    /// - Parameters:
    ///   - id: The call's id.
    ///   - name: The function's name.
    ///   - arguments: The arguments as JSON text.
    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// A chat message whose content interleaves text and images.
public struct ChatMessage: Sendable, Codable, Hashable {
    /// Who speaks.
    public var role: ChatRole
    /// The content, text and images in order.
    public var parts: [ContentPart]
    /// The tools an assistant message calls (nil: none).
    public var toolCalls: [ToolCall]?
    /// The call a `tool` message answers (nil for other roles).
    public var toolCallID: String?

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - role: Who speaks.
    ///   - parts: The content.
    ///   - toolCalls: The tools an assistant message calls.
    ///   - toolCallID: The call a `tool` message answers.
    public init(role: ChatRole, parts: [ContentPart], toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.parts = parts
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    /// Creates a text-only message.
    ///
    /// - Parameters:
    ///   - role: Who speaks.
    ///   - text: The content.
    ///   - toolCalls: The tools an assistant message calls.
    ///   - toolCallID: The call a `tool` message answers.
    public init(role: ChatRole, text: String, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.init(role: role, parts: [.text(text)], toolCalls: toolCalls, toolCallID: toolCallID)
    }

    enum CodingKeys: String, CodingKey {
        case role, parts, toolCalls = "tool_calls", toolCallID = "tool_call_id"
    }

    /// The text parts joined, images left out.
    public var text: String {
        parts.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
    }

    /// The images in order.
    public var images: [ImageAttachment] {
        parts.compactMap { if case .image(let i) = $0 { return i } else { return nil } }
    }
}
