/// Token text → id, compared byte for byte.
///
/// Swift `String` equality and hashing follow canonical equivalence, which would merge distinct vocabulary
/// entries such as U+F978 and U+5169; llama.cpp and Hugging Face compare bytes, so this map does too.
struct TokenMap: Sendable {
    private var ids: [[UInt8]: TokenID] = [:]

    /// Maps every token to its id; the first id wins when two tokens have the same bytes.
    init(_ tokens: [String]) {
        ids.reserveCapacity(tokens.count)
        for (id, text) in tokens.enumerated() {
            let key = Array(text.utf8)
            if ids[key] == nil { ids[key] = id }
        }
    }

    /// The id of the token with these UTF-8 bytes.
    subscript<Bytes: Sequence>(bytes bytes: Bytes) -> TokenID? where Bytes.Element == UInt8 {
        ids[Array(bytes)]
    }

    /// The id of the token with this text (compared by bytes).
    subscript(text: String) -> TokenID? {
        ids[Array(text.utf8)]
    }
}
