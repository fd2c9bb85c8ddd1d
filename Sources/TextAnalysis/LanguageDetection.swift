import Foundation
import PythonCompat

/// Language identification as Python's `langdetect.detect` does it (langdetect 1.0.9, the Python port of Cybozu's
/// language-detection), for IFEval's `language:response_language` check.
///
/// The port keeps langdetect's steps: URLs and e-mail addresses become spaces, Vietnamese letter + combining mark
/// pairs are composed, runs of spaces collapse, the first 10,000 code points are kept, Latin letters are dropped
/// from a mostly non-Latin text (with langdetect's quirk that Vietnamese letters count as non-Latin there),
/// characters are normalised by Unicode block (CJK ideographs to their class representative, kana and Hangul to
/// one letter, ASCII punctuation and digits to spaces), and the 1–3 character
/// n-grams outside all-capital words that some profile knows are the features. Then seven trials, each with a
/// smoothing `alpha = 0.5 + N(0, 1) · 0.05`, multiply the 55 language probabilities by `alpha / 10000 + P(n-gram |
/// language)` for randomly drawn features, normalising every fifth draw, until one language passes 0.99999 or
/// 1,000 draws; the trials are averaged and the most probable language above 0.1 is the answer.
///
/// **Randomness.** langdetect draws the alphas and the features from `random.Random(DetectorFactory.seed)`, and
/// IFEval never sets the seed, so Python's answer on a borderline text can change from run to run. This port is
/// deterministic: it uses CPython's Mersenne Twister, seeded with ``defaultSeed`` (0) on every call, exactly as
/// `DetectorFactory.seed = 0` does in Python, so it returns what Python langdetect returns with seed 0 (up to the
/// profile order, see `LanguageProfiles`). `docs/text-analysis.md` reports how often that differs from the
/// majority answer of unseeded Python runs on the IFEval responses.
public enum LanguageDetection {
    /// The seed every call uses (Python: `DetectorFactory.seed = 0`).
    public static let defaultSeed: UInt32 = 0

    /// What langdetect answers when no language reaches probability 0.1.
    public static let unknownLanguage = "unknown"

    /// The language codes langdetect knows, in the order of its probability vector (sorted).
    ///
    /// - Throws: ``TextAnalysisError`` with code `.badResource` when the bundled profiles cannot be read.
    public static func languages() throws -> [String] { try LanguageProfiles.shared.get().languages }

    /// The most probable language of `text`, as `langdetect.detect(text)` names it ("en", "zh-cn", "pt", ...).
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - seed: The random seed (Python's `DetectorFactory.seed`); ``defaultSeed`` unless a test varies it.
    /// - Returns: The language code, or ``unknownLanguage`` when no language reaches probability 0.1.
    /// - Throws: ``TextAnalysisError`` with code `.noFeatures` where langdetect raises `LangDetectException`
    ///   ("No features in text.": no letter n-gram of any profile), `.badResource` when the profiles are missing.
    public static func detect(_ text: String, seed: UInt32 = defaultSeed) throws -> String {
        let ranked = try probabilities(text, seed: seed)
        return ranked.first?.language ?? unknownLanguage
    }

    /// The languages above probability 0.1, most probable first (`langdetect.detect_langs(text)`).
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - seed: The random seed; ``defaultSeed`` unless a test varies it.
    /// - Returns: Pairs of language code and probability; ties keep profile order, as Python's stable sort does.
    /// - Throws: ``TextAnalysisError`` as ``detect(_:seed:)``.
    public static func probabilities(_ text: String, seed: UInt32 = defaultSeed) throws -> [(language: String, probability: Double)] {
        let profiles = try LanguageProfiles.shared.get()
        let normalization = try LanguageNormalization.shared.get()
        let features = LanguageFeatures.extract(from: text, profiles: profiles, normalization: normalization)
        guard !features.isEmpty else {
            throw TextAnalysisError(.noFeatures, "no features in text: it holds no letter n-gram any language profile knows "
                + "(langdetect raises LangDetectException here; IFEval counts the instruction as followed)")
        }
        let mean = averageOfTrials(features: features, profiles: profiles, seed: seed)
        let ranked = zip(profiles.languages, mean).filter { $0.1 > 0.1 }.enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
        return ranked.map { ($0.element.0, $0.element.1) }
    }

    /// `Detector._detect_block` after feature extraction: seven trials averaged.
    static func averageOfTrials(features: [Int32], profiles: LanguageProfiles, seed: UInt32) -> [Double] {
        let count = profiles.languages.count
        var random = PythonRandom(seed: seed)
        var mean = [Double](repeating: 0, count: count)
        var factors = [Double](repeating: 0, count: count)
        for _ in 0..<7 {
            var probability = [Double](repeating: 1.0 / Double(count), count: count)
            let alpha = 0.5 + random.gauss() * 0.05
            let weight = alpha / 10_000
            var i = 0
            while true {
                let row = Int(features[random.below(features.count)])
                for j in 0..<count { factors[j] = weight }
                for e in Int(profiles.offsets[row])..<Int(profiles.offsets[row + 1]) {
                    factors[Int(profiles.entryLanguages[e])] = weight + profiles.entryProbabilities[e]
                }
                for j in 0..<count { probability[j] *= factors[j] }
                if i % 5 == 0 {
                    if normalize(&probability) > 0.99999 || i >= 1000 { break }
                }
                i += 1
            }
            for j in 0..<count { mean[j] += probability[j] / 7 }
        }
        return mean
    }

    /// `Detector._normalize_prob`: divides by the sum (added left to right, as CPython 3.11's `sum` does) and
    /// returns the largest probability.
    static func normalize(_ probability: inout [Double]) -> Double {
        var sum = 0.0
        for p in probability { sum += p }
        var maximum = 0.0
        for j in probability.indices {
            let p = probability[j] / sum
            if maximum < p { maximum = p }
            probability[j] = p
        }
        return maximum
    }
}
