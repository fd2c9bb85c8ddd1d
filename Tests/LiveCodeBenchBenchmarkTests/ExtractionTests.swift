import LiveCodeBenchBenchmark
import Testing

/// `extract_code` as the official runner applies it, case by case.
struct ExtractionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var output: String
        var style: LCBPromptStyle = .chat
        var code: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one fenced block", output: "text\n```python\nprint(1)\n```\nafter", code: "print(1)"),
        Case(name: "the last of several blocks", output: "```\na\n```\nmiddle\n```python\nb\nc\n```", code: "b\nc"),
        Case(name: "the last two fence lines, even an inline one", output: "```python\nx = 1\n```\nuse `a```b` here", code: ""),
        Case(name: "fewer than two fences", output: "```python\nprint(1)", code: ""),
        Case(name: "no fence", output: "print(1)", code: ""),
        Case(name: "an empty block", output: "```\n```", code: ""),
        Case(name: "CRLF lines keep their carriage returns", output: "```python\r\nprint(1)\r\n```\r\n", code: "print(1)\r"),
        Case(name: "a fence inside a line counts", output: "code: ```python\nprint(2)\nend ```", code: "print(2)"),
        Case(name: "base models keep the whole output, stripped", output: "\n  def f():\n    return 1\n\u{1F}", style: .base, code: "def f():\n    return 1"),
    ]

    @Test(arguments: cases)
    func extractsAsTheOfficialCode(_ c: Case) {
        #expect(LCBCodeExtraction.extract(c.output, style: c.style) == c.code)
    }
}
