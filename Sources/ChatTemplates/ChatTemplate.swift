import Foundation

/// A model's chat template, rendered as Jinja2 renders it in Hugging Face transformers' `apply_chat_template`
/// (`trim_blocks`, `lstrip_blocks`, `raise_exception`, `strftime_now`, `tojson`, loop controls).
///
/// The renderer is a Jinja subset interpreter: statements `if/elif/else`, `for` (with `loop.*`, `else`, an
/// `if` filter, tuple targets), `set` (also `namespace` attributes and block `set`), `macro`, `break`/`continue`,
/// `generation`; Python operators, slicing, `str`/`dict` methods and the common filters and tests. Templates that
/// need more fail with a ``ChatTemplateError`` that says what is missing and suggests `--chat-template FILE`.
///
/// ```swift
/// let template = try ChatTemplate(source: tokenizer.vocabulary.chatTemplate ?? ChatTemplate.chatML)
/// let prompt = try template.render(
///     messages: [.message(role: "user", content: "What is 12 + 35?")],
///     addGenerationPrompt: true, bosToken: "<|im_start|>", eosToken: "<|im_end|>")
/// ```
public struct ChatTemplate: Sendable {
    /// The Jinja source.
    public let source: String
    private let statements: [Statement]

    /// Parses a template.
    ///
    /// - Parameter source: The Jinja source (GGUF `tokenizer.chat_template` or `tokenizer_config.json`'s
    ///   `chat_template`).
    /// - Throws: ``ChatTemplateError`` naming the line of a syntax error or unsupported statement.
    public init(source: String) throws {
        var lexer = TemplateLexer(source)
        var parser = TemplateParser(items: try lexer.items())
        self.source = source
        self.statements = try parser.parse()
    }

    /// Reads and parses a template file (`--chat-template FILE`): a `.jinja` text file, or a JSON file with a
    /// `chat_template` key (`tokenizer_config.json`).
    ///
    /// - Parameter url: The file.
    /// - Throws: ``ChatTemplateError`` when the file cannot be read or parsed.
    public init(contentsOf url: URL) throws {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ChatTemplateError(.missing, "cannot read the chat template file \(url.path); check the path given to --chat-template")
        }
        if url.pathExtension == "json",
           let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            guard let template = object["chat_template"] as? String else {
                throw ChatTemplateError(.missing, "\(url.path) has no string \"chat_template\" key")
            }
            try self.init(source: template)
        } else {
            try self.init(source: text)
        }
    }

    /// Renders a conversation.
    ///
    /// - Parameters:
    ///   - messages: The messages, each an object with at least `role` and `content` (content may also be a list
    ///     of `{"type": "text", "text": …}` / `{"type": "image"}` parts for templates that handle them).
    ///   - addGenerationPrompt: Whether to end with the assistant turn's opening.
    ///   - bosToken: The value of `bos_token` in the template.
    ///   - eosToken: The value of `eos_token` in the template.
    ///   - extra: Further variables (`tools`, `enable_thinking`, …).
    ///   - now: The date `strftime_now` reports (fix it for reproducible prompts).
    /// - Returns: The prompt text.
    /// - Throws: ``ChatTemplateError`` when rendering fails or the template calls `raise_exception`.
    public func render(
        messages: [TemplateValue], addGenerationPrompt: Bool, bosToken: String = "", eosToken: String = "",
        extra: [String: TemplateValue] = [:], now: Date = Date()
    ) throws -> String {
        var globals = Value.Dictionary()
        globals["messages"] = .array(messages.map(Value.init))
        globals["add_generation_prompt"] = .bool(addGenerationPrompt)
        globals["bos_token"] = .string(bosToken)
        globals["eos_token"] = .string(eosToken)
        for key in extra.keys.sorted() { globals[key] = Value(extra[key] ?? .null) }
        return try TemplateInterpreter(globals: globals, now: now).render(statements)
    }

    /// Plain ChatML without a default system prompt, for models that ship no template and use
    /// `<|im_start|>`/`<|im_end|>` turns.
    public static let chatML = """
        {%- for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{%- endfor %}
        {%- if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%- endif %}
        """

    /// Gemma's turn format (`<start_of_turn>user … <end_of_turn>`, the assistant called `model`, a system message
    /// folded into the first user turn), for Gemma GGUF files that ship no template.
    public static let gemmaTurns = """
        {{- bos_token }}
        {%- set ns = namespace(prefix='') %}
        {%- for message in messages %}
        {%- if message['role'] == 'system' %}{% set ns.prefix = message['content'] + '\\n\\n' %}
        {%- else %}
        {{- '<start_of_turn>' + ('model' if message['role'] == 'assistant' else message['role']) + '\\n' + ns.prefix + message['content'] | trim + '<end_of_turn>\\n' }}
        {%- set ns.prefix = '' %}
        {%- endif %}
        {%- endfor %}
        {%- if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{%- endif %}
        """
}
