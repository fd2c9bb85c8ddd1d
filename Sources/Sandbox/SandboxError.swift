/// An error of the sandbox itself (never of the program it runs: those are outcomes).
public struct SandboxError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable {
        /// No usable interpreter was found.
        case noInterpreter = "no-interpreter"
        /// The program's directory or files could not be prepared.
        case setup
        /// The launcher could not start the program.
        case spawn
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do.
    public var message: String
    /// Where it was raised.
    public var location: String

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.location = "\(file):\(line)"
    }

    public var description: String { "sandbox \(code.rawValue): \(message)" }
}
