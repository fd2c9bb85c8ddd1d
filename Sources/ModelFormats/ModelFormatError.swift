/// The error the model-file readers throw: what is wrong, in which file, at which byte offset.
///
/// `ModelFormats` stands alone (the inference engine uses it without the harness), so it carries its own error
/// type; the harness adapter turns it into a `ProctorError` with the same message.
public struct ModelFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The file does not exist or cannot be opened or mapped.
        case notFound = "not-found"
        /// The bytes are not a valid file of the expected format (bad magic, truncated, out-of-range values).
        case malformed
        /// The file is valid but uses something this reader does not support (a version, a tensor type).
        case unsupported
        /// A metadata key or tensor that the caller asked for is absent or has another type.
        case missing
    }

    /// The kind of failure.
    public var code: Code
    /// The file involved (a path, or a label such as `<memory>` for in-memory buffers).
    public var file: String
    /// The byte offset where the problem was found, when it is known.
    public var offset: Int?
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - file: The file involved.
    ///   - offset: The byte offset of the problem, if known.
    ///   - message: What is wrong and what to do.
    public init(_ code: Code, file: String, offset: Int? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset {
            return "\(file): at byte \(offset): \(message)"
        }
        return "\(file): \(message)"
    }
}
