/// The error the tokenizer library throws.
///
/// It says what went wrong and what to do next, names the file or entry involved, and remembers where in the
/// library it was raised.
public struct TokenizerError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// A tokenizer file or metadata entry is missing.
        case notFound = "not-found"
        /// A tokenizer file or metadata entry is malformed.
        case invalidInput = "invalid-input"
        /// The tokenizer uses a model, pre-tokenizer or template this library does not implement.
        case unsupported = "unsupported"
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?
    /// Where in the library the error was raised.
    public var location: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong and what to do next.
    ///   - underlying: The error that caused this one.
    public init(
        _ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.location = "\(file):\(line)"
    }

    public var description: String {
        if let underlying { return "\(message) (\(underlying))" }
        return message
    }
}
