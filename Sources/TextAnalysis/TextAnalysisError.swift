/// The one error of the `TextAnalysis` library.
///
/// `LanguageDetection.detect(_:)` throws it where Python's langdetect raises `LangDetectException`, and the
/// resource loaders throw it when a bundled table is missing or malformed.
public struct TextAnalysisError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable {
        /// The text holds no character n-gram of any language profile (langdetect's "No features in text.").
        case noFeatures
        /// A bundled resource (language profiles, Punkt parameters) is missing or malformed.
        case badResource
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and what to do next.
    public var message: String
    /// The file that raised the error.
    public var file: String
    /// The line that raised the error.
    public var line: Int

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
        self.file = file
        self.line = line
    }

    /// The message, with the code.
    public var description: String { "TextAnalysisError.\(code.rawValue): \(message)" }
}
