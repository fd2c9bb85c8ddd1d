/// The error every Proctor library throws.
///
/// It says what went wrong and what to do next, names the file, line or item involved, carries the underlying
/// error, and remembers where in Proctor's source it was raised (after swift-nio's `FileSystemError`).
public struct ProctorError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, stable across versions so that callers can branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate let raw: String
        /// A file or folder that should exist does not.
        public static let notFound = Code(raw: "not-found")
        /// Input data (a file, a line, an item, a server answer) is malformed.
        public static let invalidInput = Code(raw: "invalid-input")
        /// A command-line argument or configuration value is not acceptable.
        public static let invalidArgument = Code(raw: "invalid-argument")
        /// The results database could not be read or written.
        public static let database = Code(raw: "database")
        /// A model server or the embedded engine failed to produce an output.
        public static let backend = Code(raw: "backend")
        /// A request did not finish in time.
        public static let timeout = Code(raw: "timeout")
        /// The operation was cancelled.
        public static let cancelled = Code(raw: "cancelled")
        /// A feature or format is not supported (yet).
        public static let unsupported = Code(raw: "unsupported")
        /// Two things that must agree do not (merging runs with different configurations, say).
        public static let conflict = Code(raw: "conflict")
        public var description: String { raw }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do next, naming the file, line or item.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?
    /// Where in Proctor's source the error was raised.
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
        // The underlying error is shown only when the message does not already say what it says.
        if let underlying, !message.contains("\(underlying)") {
            return "\(message) (\(underlying))"
        }
        return message
    }
}
