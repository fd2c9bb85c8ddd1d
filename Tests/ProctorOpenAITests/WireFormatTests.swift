import Foundation
import ProctorCore
import ProctorOpenAI
import Testing

@Suite("Chat-completion wire format")
struct WireFormatTests {
    static func json(_ request: ChatCompletionWire.Request) throws -> [String: Any] {
        let data = try JSONEncoder().encode(request)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("images become data URLs in the order of the parts; text-only messages stay strings")
    func interleaving() throws {
        let image = ImageAttachment(data: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]), name: "a.png")
        let messages = [
            ChatMessage(role: .system, text: "Be brief."),
            ChatMessage(role: .user, parts: [.image(image), .text("What is"), .image(image), .text("?")]),
        ]
        let body = try Self.json(ChatCompletionWire.Request(GenerationRequest(messages: messages, parameters: GenerationParameters()), model: "m"))
        let wire = try #require(body["messages"] as? [[String: Any]])
        #expect(wire[0]["content"] as? String == "Be brief.")
        let parts = try #require(wire[1]["content"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["image_url", "text", "image_url", "text"])
        let url = (parts[0]["image_url"] as? [String: Any])?["url"] as? String
        #expect(url == "data:image/png;base64,iVBORwECAw==")
        #expect(parts[1]["text"] as? String == "What is")
    }

    @Test("sampling extras are sent only when set; the seed and stop strings travel as given")
    func parameters() throws {
        let plain = try Self.json(ChatCompletionWire.Request(
            GenerationRequest(messages: [], parameters: GenerationParameters(temperature: 0, maxTokens: 16, seed: 9)), model: "m"))
        #expect(plain["top_k"] == nil && plain["min_p"] == nil && plain["repetition_penalty"] == nil && plain["repeat_penalty"] == nil && plain["stop"] == nil)
        #expect(plain["seed"] as? Int == 9 && plain["max_tokens"] as? Int == 16 && plain["stream"] as? Bool == false)
        let parameters = GenerationParameters(temperature: 0.6, topP: 0.95, topK: 20, minP: 0.1, repetitionPenalty: 1.1, maxTokens: 8, seed: 0x7fff_ffff_ffff_ffff, stop: ["</s>"])
        let full = try Self.json(ChatCompletionWire.Request(GenerationRequest(messages: [], parameters: parameters), model: "m"))
        #expect(full["top_k"] as? Int == 20 && full["min_p"] as? Double == 0.1 && full["repetition_penalty"] as? Double == 1.1 && full["repeat_penalty"] as? Double == 1.1)
        #expect(full["stop"] as? [String] == ["</s>"] && full["top_p"] as? Double == 0.95)
        #expect((full["seed"] as? NSNumber)?.uint64Value == 0x7fff_ffff_ffff_ffff)
    }

    @Test("a server reads back what the client sent")
    func roundTrip() throws {
        let image = ImageAttachment(data: Data([0xFF, 0xD8, 0xFF, 0xE0, 9]), name: "x.jpg")
        let request = GenerationRequest(
            messages: [ChatMessage(role: .user, parts: [.text("a"), .image(image)])],
            parameters: GenerationParameters(temperature: 0.3, topP: 0.9, topK: 5, maxTokens: 77, seed: 5, stop: ["x"]))
        let data = try JSONEncoder().encode(ChatCompletionWire.Request(request, model: "m"))
        let back = try JSONDecoder().decode(ChatCompletionWire.Request.self, from: data).generationRequest(defaultMaxTokens: 1)
        #expect(back.parameters == request.parameters)
        #expect(back.messages[0].images.first?.sha256 == image.sha256)
        #expect(back.messages[0].images.first?.mediaType == "image/jpeg")
        #expect(back.messages[0].text == "a")
    }

    @Test("remote image URLs and malformed data URLs are refused with the part named", arguments: [
        "https://example.com/a.png", "data:image/png,notbase64", "data:image/png;base64,%%%",
    ])
    func badImages(url: String) throws {
        let body = #"{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"\#(url)"}}]}]}"#
        let wire = try JSONDecoder().decode(ChatCompletionWire.Request.self, from: Data(body.utf8))
        #expect {
            try wire.generationRequest(defaultMaxTokens: 10)
        } throws: { error in
            (error as? ProctorError)?.message.contains("messages[0].content[1]") == true
        }
    }

    @Test("--model openai:URL is parsed; anything else is refused or left to other backends", arguments: [
        ("openai:http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1"),
        ("openai:https://host.example/v1/", "https://host.example/v1"),
        ("smollm2", nil),
    ])
    func modelArgument(model: String, expected: String?) throws {
        #expect(try OpenAIConfiguration.baseURL(fromModel: model)?.absoluteString == expected)
    }

    @Test("a malformed openai: URL is an error that shows the expected form", arguments: ["openai:", "openai:localhost:8000", "openai:ftp://h/v1"])
    func badModelArgument(model: String) {
        #expect {
            try OpenAIConfiguration.baseURL(fromModel: model)
        } throws: { error in
            (error as? ProctorError)?.message.contains("openai:http://HOST:PORT/v1") == true
        }
    }
}
