/// The program inside a model's output, found as `lcb_runner/utils/extraction_utils.py` (`extract_code`) finds it.
///
/// For chat models the output is split at `\n` into lines; the program is the lines strictly between the last two
/// lines that contain three backticks anywhere, joined with `\n` (so the fence's language tag, any text after the
/// closing fence and everything before the opening one are dropped). With fewer than two such lines there is no
/// program (an empty string, which the official runner grades as a failure). Base models prompted with the few-shot
/// prompt have the whole output, stripped of surrounding whitespace, as their program.
///
/// The work is done on UTF-8 bytes so that `\r\n` line ends split exactly as Python's `str.split("\n")` splits them
/// (Swift's `Character` would treat `\r\n` as one character).
public enum LCBCodeExtraction {
    /// Extracts the program.
    ///
    /// - Parameters:
    ///   - output: The model's output.
    ///   - style: The prompt style the output answers (base models keep the whole output).
    /// - Returns: The program; empty when none is found.
    public static func extract(_ output: String, style: LCBPromptStyle = .chat) -> String {
        if style == .base { return PythonText.strip(output) }
        let lines = Array(output.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let fences = lines.indices.filter { containsFence(lines[$0]) }
        guard fences.count >= 2 else { return "" }
        let start = fences[fences.count - 2] + 1, end = fences[fences.count - 1]
        var bytes: [UInt8] = []
        for index in start..<end {
            if index > start { bytes.append(UInt8(ascii: "\n")) }
            bytes += lines[index]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a line contains "```".
    static func containsFence(_ line: ArraySlice<UInt8>) -> Bool {
        var run = 0
        for byte in line {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }
}

/// Python's string whitespace rules, where the official code relies on them.
enum PythonText {
    /// Whether `str.isspace()` holds for a scalar: the Unicode White_Space characters plus the ASCII separators
    /// U+001C…U+001F, as CPython's `Py_UNICODE_ISSPACE` defines them.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `str.strip()` with no argument.
    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
