import ProctorCore

/// MMMU's prompts: the official one and VLMEvalKit's, both interleaving `<image N>` placeholders with the images.
public enum MMMUPrompt {
    /// Which prompt to build.
    public enum Style: String, Sendable, CaseIterable {
        /// MMMU-Benchmark/MMMU's evaluation code (`construct_prompt` with the LLaVA-1.5 config): the question,
        /// `(A) option` lines, then "Answer with the option's letter from the given choices directly."; open
        /// questions end with "Answer the question using a single word or phrase.".
        case official
        /// VLMEvalKit's multiple-choice prompt: `Question: …`, `Options:` with `A. option` lines, then "Please select
        /// the correct answer from the options above.".
        case vlmevalkit

        /// The template id stored with each run.
        public var templateID: String { self == .official ? "mmmu-official-v1" : "mmmu-vlmevalkit-v1" }
    }

    /// The prompt text, placeholders still in it.
    ///
    /// - Parameters:
    ///   - question: The question.
    ///   - options: The option texts (empty for open questions).
    ///   - multipleChoice: `question_type == "multiple-choice"`.
    ///   - style: Which prompt.
    /// - Returns: The text.
    public static func text(question: String, options: [String], multipleChoice: Bool, style: Style) -> String {
        switch style {
        case .official:
            guard multipleChoice else { return "\(question)\nAnswer the question using a single word or phrase." }
            let lines = options.enumerated().map { "(\(Choices.letter($0.offset))) \($0.element)\n" }.joined()
            return "\(question)\n\(lines)\nAnswer with the option's letter from the given choices directly."
        case .vlmevalkit:
            var text = "Question: \(question)\n"
            if multipleChoice, !options.isEmpty {
                text += "Options:\n" + options.enumerated().map { "\(Choices.letter($0.offset)). \($0.element)\n" }.joined()
                text += "Please select the correct answer from the options above. \n"
            }
            return text
        }
    }

    /// Splits a text at its `<image N>` placeholders and puts image N in place of the first placeholder naming it
    /// (later repeats stay as text); images never named are appended at the end, in number order.
    ///
    /// - Parameters:
    ///   - text: The prompt text.
    ///   - images: The images by number.
    /// - Returns: The parts in order.
    public static func interleave(_ text: String, images: [Int: ImageAttachment]) -> [ContentPart] {
        var parts: [ContentPart] = []
        var used: Set<Int> = []
        var pending = ""
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /<image (\d+)>/) {
            pending += rest[..<match.range.lowerBound]
            if let number = Int(match.output.1), let image = images[number], !used.contains(number) {
                if !pending.isEmpty { parts.append(.text(pending)) }
                pending = ""
                parts.append(.image(image))
                used.insert(number)
            } else {
                pending += rest[match.range]
            }
            rest = rest[match.range.upperBound...]
        }
        pending += rest
        if !pending.isEmpty { parts.append(.text(pending)) }
        for number in images.keys.sorted() where !used.contains(number) {
            if let image = images[number] { parts.append(.image(image)) }
        }
        return parts
    }

    /// VLMEvalKit's `split_MMMU`: the text is cut at every `<image N>` and image N goes in each place (a repeated
    /// placeholder repeats the image; images never named are left out); a text without placeholders follows all the
    /// images. Empty text pieces are dropped.
    ///
    /// - Parameters:
    ///   - text: The prompt text.
    ///   - images: The images by number.
    /// - Returns: The parts in order.
    public static func splitLikeVLMEvalKit(_ text: String, images: [Int: ImageAttachment]) -> [ContentPart] {
        guard text.contains(/<image \d+>/) else {
            return images.keys.sorted().compactMap { images[$0].map(ContentPart.image) } + [.text(text)]
        }
        var parts: [ContentPart] = []
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /<image (\d+)>/) {
            let before = rest[..<match.range.lowerBound]
            if !before.isEmpty { parts.append(.text(String(before))) }
            if let number = Int(match.output.1), let image = images[number] { parts.append(.image(image)) }
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    /// The discipline of each of the 30 subjects (MMMU's six top-level categories).
    public static let disciplines: [String: String] = {
        let groups: [String: [String]] = [
            "Art and Design": ["Art", "Art_Theory", "Design", "Music"],
            "Business": ["Accounting", "Economics", "Finance", "Manage", "Marketing"],
            "Science": ["Biology", "Chemistry", "Geography", "Math", "Physics"],
            "Health and Medicine": ["Basic_Medical_Science", "Clinical_Medicine", "Diagnostics_and_Laboratory_Medicine", "Pharmacy", "Public_Health"],
            "Humanities and Social Science": ["History", "Literature", "Sociology", "Psychology"],
            "Tech and Engineering": ["Agriculture", "Architecture_and_Engineering", "Computer_Science", "Electronics", "Energy_and_Power", "Materials", "Mechanical_Engineering"],
        ]
        var table: [String: String] = [:]
        for (discipline, subjects) in groups { for subject in subjects { table[subject] = discipline } }
        return table
    }()

    /// The 30 subjects (the configs of `MMMU/MMMU`), in alphabetical order.
    public static var subjects: [String] { disciplines.keys.sorted() }
}
