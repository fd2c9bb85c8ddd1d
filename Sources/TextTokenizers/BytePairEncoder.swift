/// Byte-level BPE over token ids: each byte of a pre-tokenized piece starts as its alphabet token, then the
/// adjacent pair with the lowest merge rank is merged until no ranked pair is left (O(n log n) per piece).
struct BytePairEncoder: Sendable {
    /// Merge rank and result for a pair of adjacent tokens.
    private struct Merge: Sendable {
        var rank: Int32
        var result: Int32
    }

    /// `(left << 32) | right` → merge.
    private let merges: [UInt64: Merge]
    /// The token for each single byte (its alphabet character), or -1 when the vocabulary lacks it.
    private let byteTokens: [Int32]
    private let ignoreMerges: Bool
    private let idForText: [String: TokenID]

    /// Builds the merge table.
    ///
    /// - Parameters:
    ///   - vocabulary: The vocabulary (its `merges` are `"left right"` strings in rank order).
    ///   - idForText: The token id of each token string.
    /// - Throws: ``TokenizerError`` when a merge line is not two tokens separated by one space.
    init(vocabulary: TokenizerVocabulary, idForText: [String: TokenID]) throws {
        var table: [UInt64: Merge] = [:]
        table.reserveCapacity(vocabulary.merges.count)
        for (rank, line) in vocabulary.merges.enumerated() {
            // Split at the first space by bytes, not Characters: a right part starting with a combining mark
            // would otherwise fuse with the separator into one grapheme.
            let bytes = Array(line.utf8)
            guard let space = bytes.dropFirst().firstIndex(of: 0x20) else {
                throw TokenizerError(.invalidInput, "BPE merge \(rank) (\"\(line)\") is not two tokens separated by a space; the tokenizer file is malformed")
            }
            let left = String(decoding: bytes[..<space], as: UTF8.self)
            let right = String(decoding: bytes[(space + 1)...], as: UTF8.self)
            // Merges whose parts or result are not tokens can never apply to id sequences: skip them.
            guard let l = idForText[left], let r = idForText[right], let m = idForText[left + right] else { continue }
            let key = UInt64(UInt32(l)) << 32 | UInt64(UInt32(r))
            if table[key] == nil { table[key] = Merge(rank: Int32(rank), result: Int32(m)) }
        }
        merges = table
        byteTokens = ByteLevelAlphabet.scalarForByte.map { scalar in
            idForText[String(scalar)].map { Int32($0) } ?? -1
        }
        ignoreMerges = vocabulary.ignoreMerges
        self.idForText = idForText
    }

    private func merge(_ left: Int32, _ right: Int32) -> Merge? {
        merges[UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))]
    }

    /// Encodes one pre-tokenized piece.
    ///
    /// - Parameters:
    ///   - piece: The piece's UTF-8 bytes.
    ///   - output: Receives the token ids.
    func encode(_ piece: ArraySlice<UInt8>, into output: inout [TokenID]) {
        guard !piece.isEmpty else { return }
        if ignoreMerges, let whole = idForText[ByteLevelAlphabet.encode(piece)] {
            output.append(whole)
            return
        }
        var ids = piece.map { byteTokens[Int($0)] }
        let count = ids.count
        if count == 1 {
            if ids[0] >= 0 { output.append(TokenID(ids[0])) }
            return
        }
        var next = Array(1...count)
        var previous = Array(-1..<(count - 1))
        var alive = [Bool](repeating: true, count: count)
        next[count - 1] = -1
        var queue = PairQueue()
        func consider(_ left: Int, _ right: Int) {
            guard left >= 0, right >= 0, ids[left] >= 0, ids[right] >= 0,
                  let m = merge(ids[left], ids[right]) else { return }
            queue.push(.init(priority: Float(m.rank), left: left, right: right, merged: TokenID(m.result), size: 0))
        }
        for index in 0..<(count - 1) { consider(index, index + 1) }
        while let entry = queue.pop() {
            let (left, right) = (entry.left, entry.right)
            guard alive[left], alive[right], next[left] == right,
                  let m = merge(ids[left], ids[right]), Int(m.result) == entry.merged else { continue }
            ids[left] = m.result
            alive[right] = false
            next[left] = next[right]
            if next[right] >= 0 { previous[next[right]] = left }
            consider(previous[left], left)
            consider(left, next[left])
        }
        var index = 0
        while index >= 0 {
            if ids[index] >= 0 { output.append(TokenID(ids[index])) }
            index = next[index]
        }
    }
}
