/// The error the safetensors reader throws: it names the file and, when known, the tensor.
public struct SafeTensorsError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// A file or tensor does not exist.
        case notFound = "not-found"
        /// The file is truncated or its header is malformed.
        case malformed
        /// The tensor has a dtype this reader does not convert, or the caller asked for the wrong kind.
        case unsupported
    }

    /// The kind of failure.
    public var code: Code
    /// The file involved.
    public var file: String
    /// The tensor involved, if any.
    public var tensor: String?
    /// What went wrong and what to do next.
    public var message: String
    /// Where in the library the error was raised.
    public var location: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - file: The file involved.
    ///   - tensor: The tensor involved.
    ///   - message: What went wrong and what to do next.
    public init(_ code: Code, file: String, tensor: String? = nil, _ message: String, source: String = #fileID, line: Int = #line) {
        self.code = code
        self.file = file
        self.tensor = tensor
        self.message = message
        self.location = "\(source):\(line)"
    }

    public var description: String {
        if let tensor { return "\(file): tensor \(tensor): \(message)" }
        return "\(file): \(message)"
    }
}
