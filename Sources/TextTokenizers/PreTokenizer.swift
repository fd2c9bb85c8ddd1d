/// How byte-level BPE splits text into pieces before merging, named as llama.cpp's `tokenizer.ggml.pre`.
///
/// Each case is a hand-written scanner over Unicode scalars equivalent to the regular expression llama.cpp and
/// Hugging Face use for it (`\p{L}` letters, `\p{N}` numbers, `\s` Unicode White_Space):
/// - ``gpt2``: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
/// - ``smollm``: every `\p{N}` split off on its own first, then ``gpt2`` (HF: `Digits(individual)` + `ByteLevel`)
/// - ``qwen2``: `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
/// - ``llama3``: as ``qwen2`` with `\p{N}{1,3}`
public enum PreTokenizer: String, Sendable, Hashable, Codable, CaseIterable {
    case gpt2
    case smollm
    case qwen2
    case llama3

    /// The pre-tokenizer for a GGUF `tokenizer.ggml.pre` value.
    ///
    /// - Parameter name: The value, such as `smollm`, `qwen2`, `deepseek-r1-qwen`, `llama-bpe` or `gpt-2`.
    /// - Returns: The matching pre-tokenizer, or nil when this library does not implement it.
    public static func named(_ name: String) -> PreTokenizer? {
        switch name {
        case "gpt2", "gpt-2", "phi-2", "starcoder", "refact", "command-r", "olmo": .gpt2
        case "smollm": .smollm
        case "qwen2", "deepseek-r1-qwen", "megrez": .qwen2
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral": .llama3
        default: nil
        }
    }

    /// Splits text into pieces.
    ///
    /// - Parameter scalars: The text as Unicode scalars.
    /// - Returns: The pieces as half-open scalar index ranges, in order, covering the whole input.
    func split(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let classes = scalars.map(ScalarClass.init)
        var pieces: [Range<Int>] = []
        switch self {
        case .gpt2:
            ScalarScanner(scalars: scalars, classes: classes).gpt2(0..<scalars.count, into: &pieces)
        case .smollm:
            let scanner = ScalarScanner(scalars: scalars, classes: classes)
            var start = 0
            for index in scalars.indices where classes[index].contains(.number) {
                if start < index { scanner.gpt2(start..<index, into: &pieces) }
                pieces.append(index..<index + 1)
                start = index + 1
            }
            if start < scalars.count { scanner.gpt2(start..<scalars.count, into: &pieces) }
        case .qwen2:
            ScalarScanner(scalars: scalars, classes: classes).llama3(0..<scalars.count, maxDigits: 1, into: &pieces)
        case .llama3:
            ScalarScanner(scalars: scalars, classes: classes).llama3(0..<scalars.count, maxDigits: 3, into: &pieces)
        }
        return pieces
    }
}

/// The character classes the scanners test, computed once per scalar.
struct ScalarClass: OptionSet {
    let rawValue: UInt8
    static let letter = ScalarClass(rawValue: 1)
    static let number = ScalarClass(rawValue: 2)
    static let whitespace = ScalarClass(rawValue: 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            let v = scalar.value
            if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { self = .letter; return }
            if (0x30...0x39).contains(v) { self = .number; return }
            if v == 0x20 || (0x09...0x0D).contains(v) { self = .whitespace; return }
            self = []
            return
        }
        var result: ScalarClass = []
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            result.insert(.letter)
        case .decimalNumber, .letterNumber, .otherNumber:
            result.insert(.number)
        default:
            break
        }
        if scalar.properties.isWhitespace { result.insert(.whitespace) }
        self = result
    }
}
