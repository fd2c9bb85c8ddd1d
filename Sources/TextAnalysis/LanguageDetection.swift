import Foundation

/// Language identification as Python's `langdetect.detect` does it (the IFEval `language:response_language` check).
public enum LanguageDetection {
    /// The most probable language of `text`, as langdetect names it ("en", "zh-cn", "pt", ...).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The ISO 639-1 code (with langdetect's "zh-cn"/"zh-tw").
    /// - Throws: ``TextAnalysisError`` with code `.noFeatures` where langdetect raises `LangDetectException`.
    public static func detect(_ text: String) throws -> String {
        // interim: a placeholder until the langdetect port lands; only tells "no letters" from "en".
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw TextAnalysisError(.noFeatures, "no features in text: it holds no letters")
        }
        return "en"
    }
}
