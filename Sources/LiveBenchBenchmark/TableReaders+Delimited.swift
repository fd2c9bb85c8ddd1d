/// Tables as pandas' readers build them: `read_csv` (C engine, defaults), `read_html`, `read_json`.
enum TableReaders {
    /// Why a reader fails (pandas raises; the scorer then tries its fallbacks).
    struct ReadError: Error, Sendable { var reason: String }

    /// pandas' default missing-value strings.
    static let naValues: Set<String> = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None",
        "n/a", "nan", "null",
    ]

    /// `pd.read_csv(text, sep=sep)`: a header row, rows of fields (quoted with `"`), types inferred per column.
    static func delimited(_ text: String, separator: Unicode.Scalar) throws -> TableFrame {
        var records = try tokenize(text, separator: separator)
        guard let header = records.first else { throw ReadError(reason: "No columns to parse from file") }
        records.removeFirst()
        var names = header.map { $0 ?? "" }
        var width = names.count
        var implicitIndex = false
        if let first = records.first, first.count == width + 1 { implicitIndex = true; width += 1 }
        var columns: [[String?]] = Array(repeating: [], count: width)
        for (number, record) in records.enumerated() {
            guard record.count <= width else {
                throw ReadError(reason: "Error tokenizing data. Expected \(width) fields in line \(number + 2), saw \(record.count)")
            }
            for c in 0..<width { columns[c].append(c < record.count ? record[c] : nil) }
        }
        if implicitIndex { columns.removeFirst() }
        names = mangle(names)
        return TableFrame(columns: names.map(TableLabel.name), values: columns.map(inferColumn))
    }

    /// Empty names become `Unnamed: i`, repeated ones `name.1`, `name.2`.
    static func mangle(_ names: [String]) -> [String] {
        var counts: [String: Int] = [:]
        return names.enumerated().map { index, raw in
            let base = raw.isEmpty ? "Unnamed: \(index)" : raw
            guard let count = counts[base] else {
                counts[base] = 1
                return base
            }
            counts[base] = count + 1
            return "\(base).\(count)"
        }
    }

    /// The C tokenizer: records of fields, blank lines skipped, `"` quoting with `""` escapes.
    static func tokenize(_ text: String, separator: Unicode.Scalar) throws -> [[String?]] {
        let h = PyText.scalars(text)
        var records: [[String?]] = []
        var record: [String?] = []
        var field: [Unicode.Scalar] = []
        var quoted = false, inQuotes = false, fieldStarted = false
        var i = 0
        func endField() {
            record.append(quoted && field.isEmpty ? "" : PyText.string(field))
            field = []
            quoted = false
            fieldStarted = false
        }
        func endRecord() {
            if record.isEmpty && !fieldStarted && field.isEmpty { return }
            endField()
            records.append(record)
            record = []
        }
        while i < h.count {
            let c = h[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < h.count, h[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                fieldStarted = true
            case separator:
                fieldStarted = true
                endField()
                fieldStarted = true
            case "\n", "\r":
                endRecord()
                if c == "\r", i + 1 < h.count, h[i + 1] == "\n" { i += 1 }
            default:
                field.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw ReadError(reason: "EOF inside string") }
        endRecord()
        return records
    }

    /// The C parser's type inference for one column of raw fields (nil: a missing field).
    static func inferColumn(_ raw: [String?]) -> [TableCell] {
        let values = raw.map { value -> String? in value.flatMap { naValues.contains($0) ? nil : $0 } }
        let present = values.compactMap { $0 }
        if present.allSatisfy({ integer($0) != nil }) {
            return values.map { .numeric($0.flatMap(integer).map(Double.init) ?? .nan) }
        }
        if present.allSatisfy({ float($0) != nil }) {
            return values.map { .numeric($0.flatMap(float) ?? .nan) }
        }
        let bools = ["True": 1.0, "TRUE": 1, "true": 1, "False": 0, "FALSE": 0, "false": 0]
        if present.allSatisfy({ bools[$0] != nil }) {
            if present.count == values.count { return values.map { .numeric(bools[$0 ?? ""] ?? 0) } }
            return values.map { $0.flatMap { bools[$0] }.map(TableCell.pyNumber) ?? .numeric(.nan) }
        }
        return values.map { $0.map(TableCell.string) ?? .numeric(.nan) }
    }

    /// An integer field (optional sign, digits, surrounding spaces).
    static func integer(_ s: String) -> Int? {
        let t = PyText.strip(s)
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        var body = Substring(t)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(t.hasPrefix("+") ? String(t.dropFirst()) : t)
    }

    /// A decimal float field (`1.5`, `.5`, `1e-3`, `inf`).
    static func float(_ s: String) -> Double? {
        let t = PyText.strip(s)
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let lower = t.lowercased()
        if ["inf", "+inf", "infinity", "+infinity"].contains(lower) { return .infinity }
        if ["-inf", "-infinity"].contains(lower) { return -.infinity }
        guard lower.wholeMatch(of: /[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/) != nil else { return nil }
        return Double(lower)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
