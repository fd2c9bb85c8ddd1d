import ProctorCore
@testable import ProctorServe
import Testing

@Suite("Splitting <think>…</think> from the answer")
struct ThinkSplitterTests {
    static let cases: [(String, String, String)] = [
        ("<think>plan</think>42", "plan", "42"),
        ("plan</think>\n42", "plan", "\n42"),                  // the template opened the block in the prompt
        ("still thinking", "still thinking", ""),             // no </think>: all reasoning (vLLM's deepseek_r1)
        ("<think>a</thin", "a</thin", ""),
        ("<th", "<th", ""),
        ("x</think>y</think>z", "x", "y</think>z"),
    ]

    @Test("whole outputs", arguments: cases)
    func whole(output: String, reasoning: String, answer: String) {
        let split = ThinkSplitter.split(output)
        #expect(split.reasoning == reasoning && split.text == answer)
    }

    @Test("fed one character at a time, the pieces join to the whole split", arguments: cases)
    func pieces(output: String, reasoning: String, answer: String) {
        var splitter = ThinkSplitter()
        var joined = GenerationDelta()
        for character in output { joined = joined + splitter.feed(String(character)) }
        joined = joined + splitter.finish()
        #expect(joined.reasoning == reasoning && joined.text == answer)
    }
}
