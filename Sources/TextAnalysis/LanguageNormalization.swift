/// langdetect's character normalisation (`NGram.normalize`, `NGram.normalize_vi`) and its tables, loaded once
/// from `Resources/langdetect-tables.tsv`.
struct LanguageNormalization: Sendable {
    static let fileName = "langdetect-tables.tsv"

    /// Latin-1 characters that become a space.
    let latin1Excluded: Set<UInt32>
    /// Vietnamese: the letters that combine with a following diacritic, the diacritics, and the precomposed
    /// result for `[mark][letter]`.
    let vietnameseLetters: [UInt32: Int]
    let vietnameseMarks: [UInt32: Int]
    let vietnameseComposed: [[UInt32]]
    /// Each CJK ideograph in a class maps to the class's first member.
    let cjkRepresentative: [UInt32: UInt32]

    /// The tables, loaded on first use.
    static let shared: Result<LanguageNormalization, TextAnalysisError> = Result { () throws(TextAnalysisError) in try LanguageNormalization() }

    init() throws(TextAnalysisError) {
        let name = Self.fileName
        var latin1: Set<UInt32> = []
        var letters: [UInt32] = []
        var marks: [UInt32] = []
        var composed: [[UInt32]] = []
        var cjk: [UInt32: UInt32] = [:]
        for (number, fields) in try ResourceText.lines(of: name) {
            guard fields.count == 2 else { throw ResourceText.malformed(name, line: number, "expected a name and a value") }
            let scalars = fields[1].unicodeScalars.map(\.value)
            switch fields[0] {
            case "latin1_excluded": latin1 = Set(scalars)
            case "vi_letters": letters = scalars
            case "vi_marks": marks = scalars
            case "vi_normalized": composed.append(scalars)
            case "cjk_class":
                guard let first = scalars.first else { throw ResourceText.malformed(name, line: number, "empty CJK class") }
                for s in scalars { cjk[s] = first }
            default: throw ResourceText.malformed(name, line: number, "unknown table \(fields[0])")
            }
        }
        guard composed.count == marks.count, composed.allSatisfy({ $0.count == letters.count }) else {
            throw ResourceText.malformed(name, line: 1, "the Vietnamese tables do not agree in size")
        }
        latin1Excluded = latin1
        vietnameseLetters = Dictionary(letters.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        vietnameseMarks = Dictionary(marks.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        vietnameseComposed = composed
        cjkRepresentative = cjk
    }

    /// `NGram.normalize_vi`: a letter followed by a combining diacritic becomes the precomposed letter.
    func composeVietnamese(_ text: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if i + 1 < text.count, let letter = vietnameseLetters[text[i]], let mark = vietnameseMarks[text[i + 1]] {
                result.append(vietnameseComposed[mark][letter])
                i += 2
            } else {
                result.append(text[i])
                i += 1
            }
        }
        return result
    }

    /// `NGram.normalize(ch)`, by Unicode block.
    func normalize(_ c: UInt32) -> UInt32 {
        let space: UInt32 = 0x20
        switch c {
        case 0...0x7F:  // Basic Latin: only ASCII letters survive
            return (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) ? c : space
        case 0x80...0xFF:  // Latin-1 Supplement
            return latin1Excluded.contains(c) ? space : c
        case 0x180...0x24F:  // Latin Extended-B: Romanian comma-below letters become cedilla letters
            return c == 0x219 ? 0x15F : c == 0x21B ? 0x163 : c
        case 0x2000...0x206F:  // General Punctuation
            return space
        case 0x600...0x6FF:  // Arabic: Farsi yeh becomes Arabic yeh
            return c == 0x6CC ? 0x64A : c
        case 0x1E00...0x1EFF:  // Latin Extended Additional
            return c >= 0x1EA0 ? 0x1EC3 : c
        case 0x3040...0x309F: return 0x3042  // Hiragana
        case 0x30A0...0x30FF: return 0x30A2  // Katakana
        case 0x3100...0x312F, 0x31A0...0x31BF: return 0x3105  // Bopomofo, Bopomofo Extended
        case 0x4E00...0x9FFF: return cjkRepresentative[c] ?? c  // CJK Unified Ideographs
        case 0xAC00...0xD7AF: return 0xAC00  // Hangul Syllables
        default: return c
        }
    }
}
