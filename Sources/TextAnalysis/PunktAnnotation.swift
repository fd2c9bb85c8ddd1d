import PythonCompat

/// A token with Punkt's annotations (`PunktToken`) and the two annotation passes of `PunktSentenceTokenizer`.
struct PunktToken {
    var text: ArraySlice<UInt32>
    /// The lower-cased token, or "##number##" for a number.
    var type: [UInt32]
    var periodFinal: Bool
    var sentenceBreak = false
    var abbreviation = false
    var ellipsis = false

    static let numberType = PythonCharacters.scalars("##number##")

    init(_ text: ArraySlice<UInt32>) {
        self.text = text
        let lower = PythonCharacters.lower(text)
        type = Self.isNumeric(lower[...]) ? Self.numberType : lower
        periodFinal = text.last == 0x2E
    }

    /// `^-?[\.,]?\d[\d,\.-]*\.?$`.
    static func isNumeric(_ s: ArraySlice<UInt32>) -> Bool {
        var i = s.startIndex
        if i < s.endIndex && s[i] == 0x2D { i += 1 }
        if i < s.endIndex && (s[i] == 0x2E || s[i] == 0x2C) { i += 1 }
        guard i < s.endIndex, PythonCharacters.isDecimal(s[i]) else { return false }
        return s[(i + 1)...].allSatisfy { PythonCharacters.isDecimal($0) || $0 == 0x2C || $0 == 0x2E || $0 == 0x2D }
    }

    var typeNoPeriod: [UInt32] { type.count > 1 && type.last == 0x2E ? Array(type.dropLast()) : type }
    var typeNoSentencePeriod: [UInt32] { sentenceBreak ? typeNoPeriod : type }
    var firstUpper: Bool { text.first.map(PythonCharacters.isUpper) ?? false }
    var firstLower: Bool { text.first.map(PythonCharacters.isLower) ?? false }
    /// `[^\W\d]\.$`.
    var isInitial: Bool { text.count == 2 && PythonCharacters.isWordNotDigit(text[text.startIndex]) && text.last == 0x2E }
    /// `\.\.+$`.
    var isEllipsis: Bool { text.count >= 2 && text.allSatisfy { $0 == 0x2E } }
}

extension PunktParameters {
    /// `_first_pass_annotation`: sentence-end characters break, runs of periods are ellipses, a word ending in one
    /// period is an abbreviation if its type (or its last hyphen part) is a known one, else a break.
    func annotateFirstPass(_ token: inout PunktToken) {
        let t = token.text
        if t.count == 1 && (t.first == 0x2E || t.first == 0x3F || t.first == 0x21) {
            token.sentenceBreak = true
        } else if token.isEllipsis {
            token.ellipsis = true
        } else if token.periodFinal && !(t.count >= 2 && t[t.endIndex - 2] == 0x2E) {
            let stem = PythonCharacters.lower(t.dropLast())
            let lastPart = stem.split(separator: 0x2D, omittingEmptySubsequences: false).last.map(Array.init) ?? []
            if abbreviations.contains(stem) || abbreviations.contains(lastPart) {
                token.abbreviation = true
            } else {
                token.sentenceBreak = true
            }
        }
    }

    /// `_ortho_heuristic`: `true` (starts a sentence), `false`, or `nil` (unknown).
    func startsSentence(_ token: PunktToken) -> Bool? {
        if token.text.count == 1, let c = token.text.first, ";:,.!?".unicodeScalars.contains(where: { $0.value == c }) {
            return false
        }
        let context = orthographicContext[token.typeNoSentencePeriod] ?? 0
        if token.firstUpper && context & Ortho.lower != 0 && context & Ortho.middleUpper == 0 { return true }
        if token.firstLower && (context & Ortho.upper != 0 || context & Ortho.beginLower == 0) { return false }
        return nil
    }

    /// `_second_pass_annotation` of `first` given the token after it: collocations, abbreviations and ellipses
    /// before a sentence starter, initials and ordinals.
    func annotateSecondPass(_ first: inout PunktToken, next: PunktToken) {
        guard first.periodFinal else { return }
        let type = first.typeNoPeriod
        let nextType = next.typeNoSentencePeriod
        let isInitial = first.isInitial
        if collocations.contains(Collocation(first: type, second: nextType)) {
            first.sentenceBreak = false
            first.abbreviation = true
            return
        }
        if (first.abbreviation || first.ellipsis) && !isInitial {
            if startsSentence(next) == true {
                first.sentenceBreak = true
                return
            }
            if next.firstUpper && sentenceStarters.contains(nextType) {
                first.sentenceBreak = true
                return
            }
        }
        if isInitial || type == PunktToken.numberType {
            let starts = startsSentence(next)
            if starts == false {
                first.sentenceBreak = false
                first.abbreviation = true
                return
            }
            if starts == nil && isInitial && next.firstUpper && (orthographicContext[nextType] ?? 0) & Ortho.lower == 0 {
                first.sentenceBreak = false
                first.abbreviation = true
            }
        }
    }

    /// `_tokenize_words` then both passes: the annotated tokens of `text`, line by line.
    func annotatedTokens(_ text: ArraySlice<UInt32>) -> [PunktToken] {
        var tokens: [PunktToken] = []
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false)
        where !line.allSatisfy(PythonCharacters.isSpace) {
            for range in PunktWords.tokenize(line) { tokens.append(PunktToken(line[range])) }
        }
        for i in tokens.indices { annotateFirstPass(&tokens[i]) }
        for i in tokens.indices.dropLast() { annotateSecondPass(&tokens[i], next: tokens[i + 1]) }
        return tokens
    }

    /// `text_contains_sentbreak`: whether a token other than the last is a sentence break.
    func containsSentenceBreak(_ text: ArraySlice<UInt32>) -> Bool {
        annotatedTokens(text).dropLast().contains { $0.sentenceBreak }
    }
}
