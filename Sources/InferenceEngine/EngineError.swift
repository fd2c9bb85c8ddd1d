import ModelFormats

/// The error the inference engine throws: what went wrong and what to do.
///
/// Errors of the model-file reader arrive as `ModelFormatError` and are passed through unchanged.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The model uses an architecture, tensor type or shape the engine does not support.
        case unsupported
        /// A request is not acceptable (an empty prompt, a token id outside the vocabulary, a context too long).
        case invalidRequest = "invalid-request"
        /// The engine could not get the memory or threads it needs.
        case resources
    }

    /// The kind of failure.
    public var code: Code
    /// What is wrong and what to do, naming the file, tensor or request.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
