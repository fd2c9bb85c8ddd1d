/// Splits text around special tokens the way llama.cpp's `tokenizer_st_partition` does.
///
/// Candidate tokens are control, unknown and user-defined tokens. Longer tokens win: llama.cpp takes the tokens
/// longest first and splits every left-to-right occurrence that still lies inside plain text, which this type
/// reproduces by collecting every occurrence through a byte trie and accepting them in (length, id, position)
/// order. Control and unknown tokens are split only when parsing special tokens; user-defined ones always.
struct SpecialTokenSplitter: Sendable {
    /// One node of the byte trie: children keyed by byte, and the token ending here.
    private struct Node: Sendable {
        var children: [UInt8: Int32] = [:]
        var token: TokenID?
    }

    /// One piece of split text.
    enum Fragment: Equatable {
        case text(Range<Int>)
        case token(TokenID)
    }

    private var nodes: [Node] = [Node()]
    private var alwaysSplit: Set<TokenID> = []
    private var lengths: [TokenID: Int] = [:]

    /// Builds the trie.
    ///
    /// - Parameters:
    ///   - tokens: `(id, text, alwaysSplit)` for every candidate token; empty texts are ignored.
    init(_ tokens: [(id: TokenID, text: String, alwaysSplit: Bool)]) {
        for (id, text, always) in tokens where !text.isEmpty {
            var node = 0
            for byte in text.utf8 {
                if let child = nodes[node].children[byte] {
                    node = Int(child)
                } else {
                    nodes.append(Node())
                    nodes[node].children[byte] = Int32(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            // Two ids with the same text: the first one wins, as in llama.cpp's text-to-id map.
            if nodes[node].token == nil {
                nodes[node].token = id
                lengths[id] = text.utf8.count
                if always { alwaysSplit.insert(id) }
            }
        }
    }

    /// Whether there is any token to split out.
    var isEmpty: Bool { nodes.count == 1 }

    /// Splits UTF-8 text into plain-text ranges and special tokens.
    ///
    /// - Parameters:
    ///   - bytes: The text's UTF-8 bytes.
    ///   - parseSpecial: Whether control and unknown tokens are recognised.
    /// - Returns: Fragments in order; text ranges are byte ranges into `bytes`.
    func split(_ bytes: [UInt8], parseSpecial: Bool) -> [Fragment] {
        if isEmpty || bytes.isEmpty { return bytes.isEmpty ? [] : [.text(0..<bytes.count)] }
        var matches: [(start: Int, length: Int, id: TokenID)] = []
        for start in bytes.indices {
            var node = 0
            var index = start
            while index < bytes.count, let child = nodes[node].children[bytes[index]] {
                node = Int(child)
                index += 1
                if let id = nodes[node].token, parseSpecial || alwaysSplit.contains(id) {
                    matches.append((start, index - start, id))
                }
            }
        }
        if matches.isEmpty { return [.text(0..<bytes.count)] }
        matches.sort { a, b in
            if a.length != b.length { return a.length > b.length }
            if a.id != b.id { return a.id < b.id }
            return a.start < b.start
        }
        var taken = [Bool](repeating: false, count: bytes.count)
        var accepted: [(start: Int, length: Int, id: TokenID)] = []
        for match in matches {
            let range = match.start..<match.start + match.length
            if range.contains(where: { taken[$0] }) { continue }
            for index in range { taken[index] = true }
            accepted.append(match)
        }
        accepted.sort { $0.start < $1.start }
        var fragments: [Fragment] = []
        var cursor = 0
        for match in accepted {
            if cursor < match.start { fragments.append(.text(cursor..<match.start)) }
            fragments.append(.token(match.id))
            cursor = match.start + match.length
        }
        if cursor < bytes.count { fragments.append(.text(cursor..<bytes.count)) }
        return fragments
    }
}
