import PythonCompat

/// The `combination:` and `startend:` instructions.
enum CombinationChecks {
    static let builders: [String: InstructionCheck.Builder] = [
        // Pieces of `value.split("******")`: exactly two non-blank ones that differ once stripped; a blank piece is
        // allowed only first or last.
        "combination:two_responses": { _ in
            { text in
                let pieces = PythonString.split(text, separator: "******")
                var answers: [String] = []
                for (index, piece) in pieces.enumerated() {
                    if PythonString.hasNonSpace(piece) {
                        answers.append(PythonString.strip(piece))
                    } else if index != 0 && index != pieces.count - 1 {
                        return false
                    }
                }
                return answers.count == 2 && !answers[0].unicodeScalars.elementsEqual(answers[1].unicodeScalars)
            }
        },
        // The stripped, lower-cased response starts with the stripped, lower-cased request.
        "combination:repeat_prompt": { args in
            let request = try args.text("prompt_to_repeat")
            guard !request.isEmpty else { throw args.invalid("prompt_to_repeat", .string(request), "the request to repeat") }
            let expected = PythonString.lower(PythonString.strip(request))
            return { text in PythonString.hasPrefix(PythonString.lower(PythonString.strip(text)), expected) }
        },
        // The response, stripped, with surrounding `"` removed and lower-cased, ends with the lower-cased phrase.
        "startend:end_checker": { args in
            let phrase = PythonString.lower(PythonString.strip(try args.text("end_phrase")))
            return { text in PythonString.hasSuffix(PythonString.lower(PythonString.strip(PythonString.strip(text), ["\""])), phrase) }
        },
        // The stripped response is longer than one code point and starts and ends with `"`.
        "startend:quotation": { _ in
            { text in
                let scalars = PythonString.strip(text).unicodeScalars
                return scalars.count > 1 && scalars.first == "\"" && scalars.last == "\""
            }
        },
    ]
}
