import OrderedJSON

/// LiveBench's table-reformat scorer (`table_process_results`, v1 for questions released before 2025-04-25): the
/// model's table, read in the target format as pandas reads it, must equal the gold table cell by cell
/// (`check_table_reformat`); a CSV or JSONL table may also be found inside surrounding text.
enum TableReformat {
    enum Version { case v1, v2 }

    static func score(question: String, truth: String, answer: String, version: Version) throws -> TaskOutcome {
        guard version == .v1 else { throw OfficialFailure(reason: "tablereformat v2 (questions from 2025-04-25) is not ported yet") }
        let parts = PyText.split(question, "Please convert the Input Table from ")
        guard parts.count > 1 else { throw OfficialFailure(reason: "tablereformat question names no formats") }
        let target = PyText.split(PyText.split(parts[1], "format to ").dropFirst().first ?? "", " format")[0].lowercased()
        let readTarget = { (text: String) throws -> TableFrame in try read(target, text) }
        let gold: TableFrame
        do { gold = try readTarget(truth) } catch { throw OfficialFailure(reason: "the ground truth does not read as \(target): \(error)") }
        let clean = removeInitialPhrase(cleanOutput(answer))
        let separator: Unicode.Scalar = target == "tsv" ? "\t" : ","
        let header = gold.columns.map(label).joined(separator: String(separator))
        var table: TableFrame?
        do {
            table = try readTarget(clean)
        } catch {
            if target == "csv" || target == "tsv" {
                table = try tableInText(clean, header: header, separator: separator)
            } else if target == "jsonl" {
                table = jsonlInText(clean, header: gold.columns.map(label))
            }
        }
        guard var llm = table else { return TaskOutcome(score: 0, extracted: nil, rule: "unreadable") }
        if TableFrame.equivalent(llm: llm, gold: gold) { return TaskOutcome(score: 1, extracted: clean, rule: target) }
        let stripped = gold.strippedNames() ?? []
        if target == "csv" {
            guard let again = try tableInText(clean, header: stripped.joined(separator: ","), separator: ",") else {
                return TaskOutcome(score: 0, extracted: clean, rule: target)
            }
            llm = again
        } else if target == "jsonl" {
            guard let again = jsonlInText(clean, header: stripped) else { return TaskOutcome(score: 0, extracted: clean, rule: target) }
            llm = again
        } else {
            return TaskOutcome(score: 0, extracted: clean, rule: target)
        }
        return TaskOutcome(score: TableFrame.equivalent(llm: llm, gold: gold) ? 1 : 0, extracted: clean, rule: "\(target)-in-text")
    }

    static func label(_ label: TableLabel) -> String {
        switch label {
        case .name(let s): s
        case .number(let n): String(n)
        }
    }

    /// `read_df_func` (v1) for the target format.
    static func read(_ format: String, _ text: String) throws -> TableFrame {
        switch format {
        case "json": try TableReaders.json(text)
        case "jsonl": try TableReaders.jsonLines(text)
        case "html": try TableReaders.html(text)
        case "csv": try TableReaders.delimited(text, separator: ",")
        case "tsv": try TableReaders.delimited(text, separator: "\t")
        default: throw OfficialFailure(reason: "tablereformat target format \(format) is not ported")
        }
    }

    /// `clean_llm_output`: the last `<solution>`, fenced `json` or `html` block, else the text without a leading
    /// fence line and without backticks.
    static func cleanOutput(_ s: String) -> String {
        if let last = PyText.findAll(between: "<solution>", and: "</solution>", in: s, dotAll: true).last { return cleanOutput(PyText.strip(last)) }
        for fence in ["```json\n", "```html\n"] {
            if let last = PyText.findAll(between: fence, and: "```", in: s, dotAll: true).last { return PyText.strip(last) }
        }
        var text = s
        if text.unicodeScalars.starts(with: "```".unicodeScalars) {
            let h = PyText.scalars(text)
            if let newline = PyText.find(["\n"], in: h) { text = PyText.string(h[(newline + 1)...]) }
        }
        text = PyText.replace(text, "&amp;", "&")
        return PyText.strip(PyText.replace(text, "```", ""))
    }

    /// `remove_initial_phrase`: a leading "Here … table:" or "Input … format)" sentence removed (case-insensitive).
    static func removeInitialPhrase(_ text: String) -> String {
        let h = PyText.scalars(text)
        let lower = PyText.scalars(text.lowercased())
        guard lower.count == h.count else { return PyText.strip(text) }
        var i = 0
        while i < h.count, PyText.isSpace(h[i]) { i += 1 }
        let boundary = { (k: Int) -> Bool in
            let before = k > 0 && PyText.isWord(h[k - 1]), after = k < h.count && PyText.isWord(h[k])
            return before != after
        }
        for lead in ["here", "input"] where lower[i...].starts(with: lead.unicodeScalars) && boundary(i + lead.count) {
            var k = i + lead.count
            while k <= h.count {
                for word in ["format", "table"] where boundary(k) && lower[k...].starts(with: word.unicodeScalars) {
                    var j = k + word.count
                    while j < h.count, PyText.isSpace(h[j]) { j += 1 }
                    if j < h.count, h[j] == ":" || h[j] == ")" {
                        j += 1
                        while j < h.count, PyText.isSpace(h[j]) { j += 1 }
                        return PyText.strip(PyText.string(h[j...]))
                    }
                }
                if k == h.count || h[k] == "\n" { break }
                k += 1
            }
        }
        return PyText.strip(text)
    }

    /// `read_sep_table_from_text`: the table from the first line equal to the header, dropping trailing lines until
    /// it reads.
    static func tableInText(_ text: String, header: String, separator: Unicode.Scalar) throws -> TableFrame? {
        let lines = PyText.split(PyText.strip(text), "\n")
        guard let start = lines.firstIndex(where: { PyText.strip($0) == PyText.strip(header) }) else { return nil }
        var table = Array(lines[start...])
        while !table.isEmpty {
            if let frame = try? TableReaders.delimited(table.joined(separator: "\n"), separator: separator) { return frame }
            table.removeLast()
        }
        throw OfficialFailure(reason: "read_sep_table_from_text loops forever on an empty table")
    }

    /// `read_jsonl_table_from_text`: the lines that are JSON objects naming every gold column, as `pd.DataFrame`.
    static func jsonlInText(_ text: String, header: [String]) -> TableFrame? {
        var rows: [[(key: String, value: JSONTree)]] = []
        for line in PyText.split(PyText.strip(text), "\n") {
            let h = PyText.scalars(line)
            guard h.count >= 2, h.first == "{", h.last == "}", header.allSatisfy({ PyText.contains(line, $0) }) else { continue }
            guard let row = TableReaders.objectFields(line) else { continue }
            rows.append(row)
        }
        return rows.isEmpty ? nil : TableReaders.convertedFrame(rows, jsonLabels: false, converted: false)
    }
}
