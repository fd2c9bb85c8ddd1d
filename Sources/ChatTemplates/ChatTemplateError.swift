/// The error the chat-template library throws.
///
/// Messages name the template line and say what to do; templates this renderer cannot handle suggest
/// overriding the template with `--chat-template FILE`.
public struct ChatTemplateError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The template is not valid Jinja (or uses syntax this renderer does not implement).
        case syntax
        /// The template uses a filter, test, method or statement this renderer does not implement.
        case unsupported
        /// Rendering failed: a type error, an undefined value used wrongly, or `raise_exception` in the template.
        case render
        /// The model ships no chat template.
        case missing
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// Where in the library the error was raised.
    public var location: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong and what to do next.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.location = "\(file):\(line)"
    }

    public var description: String { message }

    /// The advice appended to errors about templates this renderer cannot handle.
    static let overrideAdvice = "render the prompt with a template this renderer supports by passing --chat-template FILE"

    static func syntax(_ what: String, line: Int) -> ChatTemplateError {
        ChatTemplateError(.syntax, "chat template line \(line): \(what); \(overrideAdvice)")
    }

    static func unsupported(_ what: String, line: Int) -> ChatTemplateError {
        ChatTemplateError(.unsupported, "chat template line \(line): \(what) is not supported by Proctor's Jinja renderer; \(overrideAdvice)")
    }

    static func render(_ what: String, line: Int) -> ChatTemplateError {
        ChatTemplateError(.render, "chat template line \(line): \(what)")
    }
}
