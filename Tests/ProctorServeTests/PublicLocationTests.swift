import ProctorServe
import Testing

/// `/v1/models` names where a model lives without revealing the server's directories (issue #17).
@Suite("model locations shown to clients")
struct PublicLocationTests {
    @Test(arguments: [
        ("/root/.cache/proctor/models/smollm2-135m-instruct-q4_1.gguf", "smollm2-135m-instruct-q4_1.gguf"),
        ("file:///srv/ckpt/qwen2-0.5b/", "qwen2-0.5b"),
        ("~/models/a.gguf", "a.gguf"),
        ("../models/b.gguf", "b.gguf"),
        ("http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1"),
        ("built-in", "built-in"),
    ])
    func location(given: String, shown: String) {
        #expect(ChatCompletionService.publicLocation(given) == shown)
    }
}
