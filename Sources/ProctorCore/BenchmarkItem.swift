/// A benchmark name with its split, written `NAME[:SPLIT]` on the command line (`mmmu:validation`, `aime24`).
public struct BenchmarkName: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The benchmark (`mmmu`, `math500`).
    public var name: String
    /// The split (`validation`, `test`, `testmini`).
    public var split: String

    /// Creates a name.
    ///
    /// - Parameters:
    ///   - name: The benchmark.
    ///   - split: The split.
    public init(name: String, split: String) {
        self.name = name
        self.split = split
    }

    /// Parses `NAME[:SPLIT]`; a missing split stays empty for the adapter's default to fill in.
    ///
    /// - Parameter text: `NAME` or `NAME:SPLIT`.
    public init(parsing text: String) {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        self.name = pieces.first?.lowercased() ?? ""
        self.split = pieces.count > 1 ? pieces[1] : ""
    }

    /// `name:split`, the key the database stores.
    public var description: String { split.isEmpty ? name : "\(name):\(split)" }

    public static func < (lhs: BenchmarkName, rhs: BenchmarkName) -> Bool {
        (lhs.name, lhs.split) < (rhs.name, rhs.split)
    }
}

/// One benchmark question, ready to be sent to a model and scored.
public struct BenchmarkItem: Sendable, Codable, Hashable, Identifiable {
    /// Which benchmark and split it belongs to.
    public var benchmark: BenchmarkName
    /// The benchmark's own item id, as a string (`60`, `validation_Accounting_1`, `test/algebra/1.json`).
    public var id: String
    /// The prompt, rendered as the benchmark's official code builds it.
    public var messages: [ChatMessage]
    /// The identifier of the prompt template that built `messages` (stored with each run).
    public var promptTemplate: String
    /// The gold answer as the benchmark writes it (a letter for multiple choice).
    public var answer: String
    /// Option texts for multiple-choice items, in order (A, B, C, …); empty otherwise.
    public var choices: [String]
    /// Breakdown categories (`subject`, `level`, `discipline`, …) for report tables.
    public var categories: [String: String]
    /// The benchmark's own fields under their official names (answer type, precision, tolerance, …).
    public var fields: [String: JSONValue]

    /// Creates an item.
    public init(
        benchmark: BenchmarkName, id: String, messages: [ChatMessage], promptTemplate: String, answer: String,
        choices: [String] = [], categories: [String: String] = [:], fields: [String: JSONValue] = [:]
    ) {
        self.benchmark = benchmark
        self.id = id
        self.messages = messages
        self.promptTemplate = promptTemplate
        self.answer = answer
        self.choices = choices
        self.categories = categories
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case benchmark, id, messages, promptTemplate = "prompt_template", answer, choices, categories, fields
    }

    /// The images of all messages, in order.
    public var images: [ImageAttachment] { messages.flatMap(\.images) }
}
