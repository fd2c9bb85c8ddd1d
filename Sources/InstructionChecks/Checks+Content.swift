import PythonCompat

/// The `detectable_content:` instructions and `punctuation:no_comma`.
enum ContentChecks {
    static let builders: [String: InstructionCheck.Builder] = [
        // `re.findall(r"\[.*?\]", value)`: bracketed spans within one line, at least `num_placeholders`.
        "detectable_content:number_placeholders": { args in
            let expected = try args.count("num_placeholders")
            let pattern = try PythonRegex(#"\[.*?\]"#)
            return { text in pattern.count(in: text) >= expected }
        },
        // The lower-cased response holds the marker at any position (the pattern starts with `\s*`, so it is not
        // tied to the start of a line): `p.s.` or `p.p.s` with optional single spaces after the dots.
        "detectable_content:postscript": { args in
            let marker = PythonString.strip(try args.text("postscript_marker"))
            let pattern: PythonRegex
            switch marker {
            case "P.P.S": pattern = try PythonRegex(#"\s*p\.\s?p\.\s?s.*$"#, multiline: true)
            case "P.S.": pattern = try PythonRegex(#"\s*p\.\s?s\..*$"#, multiline: true)
            default: pattern = try PythonRegex(#"\s*"# + PythonString.lower(marker) + #".*$"#, multiline: true)
            }
            return { text in pattern.matches(PythonString.lower(text)) }
        },
        // `not re.search(r"\,", value)`.
        "punctuation:no_comma": { _ in
            { text in !text.unicodeScalars.contains(",") }
        },
    ]
}
