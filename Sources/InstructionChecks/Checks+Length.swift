import PythonCompat
import TextAnalysis

/// The `length_constraints:` instructions, with the official counting of sentences (nltk's English Punkt), words
/// (runs of Python `\w`) and paragraphs (`***` separators, or blank lines for the first-word check).
enum LengthChecks {
    static let builders: [String: InstructionCheck.Builder] = [
        // `instructions_util.count_sentences`: the number of Punkt sentences.
        "length_constraints:number_sentences": { args in
            let threshold = try args.count("num_sentences"), relation = try args.relation("relation")
            return { text in relation.holds(SentenceTokenizer.sentences(text).count, threshold) }
        },
        // `instructions_util.count_words`: `RegexpTokenizer(r"\w+")` tokens.
        "length_constraints:number_words": { args in
            let threshold = try args.count("num_words"), relation = try args.relation("relation")
            return { text in relation.holds(WordTokenizer.regexpWords(text).count, threshold) }
        },
        "length_constraints:number_paragraphs": { args in
            let expected = try args.count("num_paragraphs")
            return { text in starSeparatedParagraphs(text) == expected }
        },
        "length_constraints:nth_paragraph_first_word": { args in
            let expected = try args.count("num_paragraphs"), nth = try args.integer("nth_paragraph")
            guard nth >= 1, nth <= expected else {
                throw InstructionCheckError(
                    .invalidArgument,
                    "\(args.instructionID): nth_paragraph is \(nth) but must lie in 1…num_paragraphs (\(expected)); the official checker would pick a random one")
            }
            let firstWord = PythonString.lower(try args.text("first_word"))
            return { text in firstWordCheck(text, paragraphs: expected, nth: nth, word: firstWord) }
        },
    ]

    static let starSeparator = try? PythonRegex(#"\s?\*\*\*\s?"#)

    /// The paragraph count of `ParagraphChecker`: pieces of `re.split(r"\s?\*\*\*\s?", text)`, an empty first or last
    /// piece not counted; an empty piece elsewhere makes the response fail (nil, which equals no expected count).
    static func starSeparatedParagraphs(_ text: String) -> Int? {
        guard let starSeparator else { return nil }
        let pieces = starSeparator.split(text)
        var count = pieces.count
        for (index, piece) in pieces.enumerated() where !PythonString.hasNonSpace(piece) {
            guard index == 0 || index == pieces.count - 1 else { return nil }
            count -= 1
        }
        return count
    }

    /// `ParagraphFirstWordCheck.check_following`: paragraphs are the pieces of `text.split("\n\n")` (blank pieces are
    /// not counted, yet the n-th is taken by position among all pieces); the n-th paragraph's first whitespace word,
    /// with leading `'` then `"` removed, cut at the first of `. , ? ! ' "` and lower-cased, must equal the word, and
    /// the count must equal the expected one.
    static func firstWordCheck(_ text: String, paragraphs expected: Int, nth: Int, word: String) -> Bool {
        let pieces = PythonString.split(text, separator: "\n\n")
        let count = pieces.count { PythonString.hasNonSpace($0) }
        guard nth <= count else { return false }
        let paragraph = PythonString.strip(pieces[nth - 1])
        guard let first = PythonString.splitOnWhitespace(paragraph).first else { return false }
        let trimmed = PythonString.lstrip(PythonString.lstrip(first, ["'"]), ["\""])
        let stops: Set<Unicode.Scalar> = [".", ",", "?", "!", "'", "\""]
        var found = ""
        for scalar in trimmed.unicodeScalars {
            if stops.contains(scalar) { break }
            found += PythonString.lower(String(scalar))
        }
        return count == expected && found.unicodeScalars.elementsEqual(word.unicodeScalars)
    }
}
