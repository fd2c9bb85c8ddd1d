import Foundation

/// The IFEval responses in `<repo>/../shared/data` (read at test time, never copied) and the answers Python's nltk
/// and langdetect gave on them (`Fixtures/`, written by `scripts/make-text-analysis-data-fixtures`).
enum IFEvalFixtures {
    /// `<repo>/../shared/data/ifeval/reference-outputs/eval_results_strict.jsonl`, derived from this file's path.
    static let responsesFile: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/ifeval/reference-outputs/eval_results_strict.jsonl")

    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether the shared IFEval data is present (the agreement suites are skipped with this reason otherwise).
    static let available = FileManager.default.fileExists(atPath: responsesFile.path)

    struct Row: Decodable {
        var prompt: String
        var response: String
    }

    /// The published rows, in file order; a malformed line fails with its number.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: responsesFile, encoding: .utf8)
        var rows: [Row] = []
        for (number, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                rows.append(try JSONDecoder().decode(Row.self, from: Data(line.utf8)))
            } catch {
                throw FixtureError("\(responsesFile.path) line \(number + 1): \(error)")
            }
        }
        return rows
    }

    struct NLTKAnswers: Decodable {
        var source: String
        var responses: [Response]

        struct Response: Decodable {
            var index: Int
            var sentenceSpans: [[Int]]
            var wordCount: Int
            var wordHash: String
            var upperWordCount: Int
            var regexpWordCount: Int
            var regexpWordHash: String
            /// `summary` hashes of the seven other loose variants of the response, then of the prompt.
            var variantHashes: [String]

            enum CodingKeys: String, CodingKey {
                case index
                case sentenceSpans = "sentence_spans"
                case wordCount = "word_count"
                case wordHash = "word_hash"
                case upperWordCount = "upper_word_count"
                case regexpWordCount = "regexp_word_count"
                case regexpWordHash = "regexp_word_hash"
                case variantHashes = "variant_hashes"
            }
        }
    }

    struct LanguageAnswers: Decodable {
        var source: String
        var texts: [Text]

        struct Text: Decodable {
            var kind: String
            var index: Int
            var piece: Int
            /// Python langdetect with seed 0 and the profiles in sorted order (as this port loads them).
            var seed0: String
            /// Stock `langdetect` (profiles in `os.listdir` order) with seed 0.
            var stockSeed0: String
            var unseededMajority: String
            /// How many of the unseeded runs gave the seed-0 answer.
            var unseededAgreeing: Int
            var runs: Int

            enum CodingKeys: String, CodingKey {
                case kind, index, piece, seed0, runs
                case stockSeed0 = "stock_seed0"
                case unseededMajority = "unseeded_majority"
                case unseededAgreeing = "unseeded_agreeing"
            }
        }
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let url = fixtures.appendingPathComponent(name)
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw FixtureError("\(url.path): \(error); regenerate it with scripts/make-text-analysis-data-fixtures")
        }
    }

    /// The text a language answer was computed on: a response, a prompt, or a "\n\n" piece of a response.
    static func text(of answer: LanguageAnswers.Text, in rows: [Row]) throws -> String {
        guard rows.indices.contains(answer.index) else { throw FixtureError("fixture row \(answer.index) is not in the data") }
        switch answer.kind {
        case "response": return rows[answer.index].response
        case "prompt": return rows[answer.index].prompt
        case "paragraph":
            let pieces = pythonSplit(rows[answer.index].response, on: "\n\n")
            guard pieces.indices.contains(answer.piece) else { throw FixtureError("row \(answer.index) has no piece \(answer.piece)") }
            return pieces[answer.piece]
        default: throw FixtureError("unknown fixture kind \(answer.kind)")
        }
    }

    /// Python's `str.split(separator)`, on code points.
    static func pythonSplit(_ text: String, on separator: String) -> [String] {
        let s = Array(text.unicodeScalars)
        let sep = Array(separator.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var i = 0
        while i + sep.count <= s.count {
            if Array(s[i..<(i + sep.count)]) == sep {
                pieces.append(string(s[start..<i]))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(string(s[start...]))
        return pieces
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// FNV-1a (64-bit) over the UTF-8 of the tokens, each followed by "\n" (the fixture script's `fnv1a64`).
    static func fnv1a64(_ tokens: [String]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for token in tokens {
            for byte in Array(token.utf8) + [0x0A] {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
