/// `//` and `/* */` comments, which Java and JavaScript share.
enum CStyleComments {
    struct Unterminated: Error, CustomStringConvertible {
        var description: String { "unterminated comment" }
    }

    /// Skips a comment starting at `i`, if one does.
    ///
    /// - Returns: Whether a comment was skipped.
    /// - Throws: `Unterminated` for a `/*` without its `*/`.
    static func skip(_ s: [Unicode.Scalar], _ i: inout Int) throws -> Bool {
        guard s[i] == "/", i + 1 < s.count else { return false }
        if s[i + 1] == "/" {
            while i < s.count && s[i] != "\n" { i += 1 }
            return true
        }
        guard s[i + 1] == "*" else { return false }
        i += 2
        while i + 1 < s.count && !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
        guard i + 1 < s.count else { throw Unterminated() }
        i += 2
        return true
    }
}
