/// SentencePiece-style segmentation as llama.cpp's `llm_tokenizer_spm` does it (Gemma, Llama 2).
///
/// The text (spaces already replaced by `▁`) starts as one symbol per UTF-8 character; the adjacent pair whose
/// concatenation is a vocabulary token with the highest score is merged (ties: leftmost) until no pair forms a
/// token. Symbols that are not tokens fall back to byte tokens `<0xXX>`.
struct SentencePieceEncoder: Sendable {
    private let idForText: [String: TokenID]
    private let scores: [Float]
    /// The `<0xXX>` token for each byte, or nil when the vocabulary lacks it.
    private let byteTokens: [TokenID?]

    /// - Parameters:
    ///   - vocabulary: The vocabulary (tokens and scores).
    ///   - idForText: The token id of each token string.
    init(vocabulary: TokenizerVocabulary, idForText: [String: TokenID]) {
        self.idForText = idForText
        self.scores = vocabulary.scores
        byteTokens = (0..<256).map { byte in
            idForText["<0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) + ">"]
        }
    }

    private func token(_ bytes: ArraySlice<UInt8>) -> TokenID? {
        idForText[String(decoding: bytes, as: UTF8.self)]
    }

    /// Encodes one fragment of text.
    ///
    /// - Parameters:
    ///   - text: UTF-8 bytes with spaces already escaped as `▁`.
    ///   - output: Receives the token ids.
    func encode(_ text: [UInt8], into output: inout [TokenID]) {
        guard !text.isEmpty else { return }
        // Symbols: start offset and byte length, linked in a list.
        var starts: [Int] = []
        var lengths: [Int] = []
        var offset = 0
        while offset < text.count {
            let length = min(Self.utf8Length(leadByte: text[offset]), text.count - offset)
            starts.append(offset)
            lengths.append(length)
            offset += length
        }
        let count = starts.count
        var next = Array(1...count)
        next[count - 1] = -1
        var previous = Array(-1..<(count - 1))
        var queue = PairQueue()
        func consider(_ left: Int, _ right: Int) {
            guard left >= 0, right >= 0 else { return }
            let size = lengths[left] + lengths[right]
            guard let id = token(text[starts[left]..<starts[left] + size]) else { return }
            let score = id < scores.count ? scores[id] : 0
            queue.push(.init(priority: -score, left: left, right: right, merged: id, size: size))
        }
        for index in 0..<(count - 1) { consider(index, index + 1) }
        while let entry = queue.pop() {
            let (left, right) = (entry.left, entry.right)
            if lengths[left] == 0 || lengths[right] == 0 || lengths[left] + lengths[right] != entry.size { continue }
            lengths[left] += lengths[right]
            lengths[right] = 0
            next[left] = next[right]
            if next[right] >= 0 { previous[next[right]] = left }
            consider(previous[left], left)
            consider(left, next[left])
        }
        var index = 0
        while index >= 0 {
            let bytes = text[starts[index]..<starts[index] + lengths[index]]
            if let id = token(bytes) {
                output.append(id)
            } else {
                for byte in bytes {
                    if let id = byteTokens[Int(byte)] { output.append(id) }
                }
            }
            index = next[index]
        }
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
    static func utf8Length(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
