import PythonCompat

/// The `detectable_format:` instructions.
enum FormatChecks {
    /// The options of `detectable_format:constrained_response`.
    static let constrainedResponses = ["My answer is yes.", "My answer is no.", "My answer is maybe."]

    static let builders: [String: InstructionCheck.Builder] = [
        // Lines starting (after whitespace, which may span blank lines) with `*` not followed by `*`, plus lines
        // starting with `-`: exactly `num_bullets`.
        "detectable_format:number_bullet_lists": { args in
            let expected = try args.count("num_bullets")
            let stars = try PythonRegex(#"^\s*\*[^\*].*$"#, multiline: true), dashes = try PythonRegex(#"^\s*-.*$"#, multiline: true)
            return { text in stars.count(in: text) + dashes.count(in: text) == expected }
        },
        // The stripped response contains one of the three sentences anywhere.
        "detectable_format:constrained_response": { _ in
            { text in
                let stripped = PythonString.strip(text)
                return constrainedResponses.contains { PythonString.contains(stripped, $0) }
            }
        },
        // `*…*` within a line with non-blank content, plus `**…**` with non-blank content: at least `num_highlights`.
        "detectable_format:number_highlighted_sections": { args in
            let expected = try args.count("num_highlights")
            let single = try PythonRegex(#"\*[^\n\*]*\*"#), double = try PythonRegex(#"\*\*[^\n\*]*\*\*"#)
            return { text in
                let singles = single.findAll(in: text).count { PythonString.hasNonSpace(PythonString.strip($0, ["*"])) }
                let doubles = double.findAll(in: text).count {
                    PythonString.hasNonSpace(PythonString.removingSuffix(PythonString.removingPrefix($0, "**"), "**"))
                }
                return singles + doubles >= expected
            }
        },
        // Pieces of `re.split(r"\s?" + splitter + r"\s?\d+\s?", value)` minus one, at least `num_sections`
        // (case-sensitive; the splitter is a pattern).
        "detectable_format:multiple_sections": { args in
            let splitter = PythonString.strip(try args.text("section_spliter"))
            let expected = try args.count("num_sections")
            let pattern = try PythonRegex(#"\s?"# + splitter + #"\s?\d+\s?"#)
            return { text in pattern.split(text).count - 1 >= expected }
        },
        "detectable_format:json_format": { _ in
            { text in PythonJSON.loads(jsonCandidate(text)) }
        },
        // Some `<<…>>` on one line whose content is not blank.
        "detectable_format:title": { _ in
            let pattern = try PythonRegex(#"<<[^\n]+>>"#)
            return { text in
                pattern.findAll(in: text).contains { title in
                    PythonString.hasNonSpace(PythonString.rstrip(PythonString.lstrip(title, ["<"]), [">"]))
                }
            }
        },
    ]

    /// The text `JsonFormat` parses: stripped, one leading fence (```` ```json ````, ```` ```Json ````,
    /// ```` ```JSON ````, then ```` ``` ````, each removed in turn as the official chain of `removeprefix` calls does)
    /// and a trailing ```` ``` ```` removed, stripped again.
    static func jsonCandidate(_ text: String) -> String {
        var value = PythonString.strip(text)
        for prefix in ["```json", "```Json", "```JSON", "```"] { value = PythonString.removingPrefix(value, prefix) }
        return PythonString.strip(PythonString.removingSuffix(value, "```"))
    }
}
