/// The one error of the `InstructionChecks` library: an instruction that cannot be checked as given.
///
/// The official checker fills a missing argument with a random value (and a few invalid ones too); a deterministic
/// port refuses instead, naming the instruction and the argument, so that a bad data file is fixed rather than
/// scored at random.
public struct InstructionCheckError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable {
        /// The instruction id is not one the official checker registers.
        case unknownInstruction
        /// A required argument is absent (or null).
        case missingArgument
        /// An argument has the wrong type or a value the official checker rejects.
        case invalidArgument
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// Where in the library the error was raised (`file:line`).
    public var location: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: What went wrong and what to do next.
    ///   - file: The source file (defaults to the caller's).
    ///   - line: The source line (defaults to the caller's).
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.location = "\(file):\(line)"
    }

    /// The message.
    public var description: String { message }
}
