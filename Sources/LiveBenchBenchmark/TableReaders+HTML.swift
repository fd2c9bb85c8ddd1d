extension TableReaders {
    /// One `<tr>`: its cells' texts and whether every cell is a `<th>`.
    struct HTMLRow {
        var cells: [(text: String, span: Int)] = []
        var allHeader = true
    }

    /// One `<table>`'s rows by section.
    struct HTMLTable {
        var head: [HTMLRow] = []
        var body: [HTMLRow] = []
        var foot: [HTMLRow] = []
    }

    /// `pd.concat(pd.read_html(text), axis=0)`: every table (header from `<thead>`, else the leading all-`<th>`
    /// rows), cell text with whitespace collapsed, types inferred as `read_csv` does.
    static func html(_ text: String) throws -> TableFrame {
        let tables = parseHTMLTables(text).filter { !($0.head.isEmpty && $0.body.isEmpty && $0.foot.isEmpty) }
        guard !tables.isEmpty else { throw ReadError(reason: "No tables found") }
        var frames: [TableFrame] = []
        for var table in tables {
            if table.head.isEmpty {
                while let first = table.body.first, first.allHeader, !first.cells.isEmpty { table.head.append(table.body.removeFirst()) }
            }
            let expand = { (row: HTMLRow) -> [String] in row.cells.flatMap { Array(repeating: $0.text, count: max(1, $0.span)) } }
            let body = (table.body + table.foot).map(expand)
            guard let header = table.head.last.map(expand) else {
                // No header row: pandas labels the columns 0, 1, …
                let width = body.map(\.count).max() ?? 0
                frames.append(TableFrame(columns: (0..<width).map(TableLabel.number), rows: []))
                continue
            }
            var columns: [[String?]] = Array(repeating: [], count: header.count)
            for row in body {
                guard row.count <= header.count else { throw ReadError(reason: "Expected \(header.count) fields, saw \(row.count)") }
                for c in header.indices { columns[c].append(c < row.count ? row[c] : nil) }
            }
            frames.append(TableFrame(columns: mangle(header).map(TableLabel.name), values: columns.map(inferColumn)))
        }
        guard var result = frames.first else { throw ReadError(reason: "No tables found") }
        for frame in frames.dropFirst() {
            var labels = result.columns
            for label in frame.columns where !labels.contains(label) { labels.append(label) }
            func widen(_ f: TableFrame) -> [[TableCell]] {
                f.rows.map { row in labels.map { label in f.columns.firstIndex(of: label).map { row[$0] } ?? .numeric(.nan) } }
            }
            result = TableFrame(columns: labels, rows: widen(result) + widen(frame))
        }
        return result
    }

    /// A forgiving scan of the tables of an HTML text, closing cells and rows implicitly as an HTML parser does.
    static func parseHTMLTables(_ text: String) -> [HTMLTable] {
        let h = PyText.scalars(text)
        var tables: [HTMLTable] = []
        var table: HTMLTable?
        var section = "tbody"
        var row: HTMLRow?
        var cell: (text: [Unicode.Scalar], span: Int, header: Bool)?
        func closeCell() {
            guard let c = cell else { return }
            if row == nil { row = HTMLRow() }
            row?.cells.append((collapse(decodeEntities(PyText.string(c.text))), c.span))
            if !c.header { row?.allHeader = false }
            cell = nil
        }
        func closeRow() {
            closeCell()
            guard let r = row else { return }
            switch section {
            case "thead": table?.head.append(r)
            case "tfoot": table?.foot.append(r)
            default: table?.body.append(r)
            }
            row = nil
        }
        var i = 0
        while i < h.count {
            guard h[i] == "<", let close = PyText.find([">"], in: h, from: i + 1) else {
                if cell != nil { cell?.text.append(h[i]) }
                i += 1
                continue
            }
            let tag = PyText.string(h[(i + 1)..<close]).lowercased()
            i = close + 1
            let ending = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
            switch (name, ending) {
            case ("table", false):
                if let t = table { closeRow(); tables.append(t) }
                table = HTMLTable()
                section = "tbody"
            case ("table", true):
                closeRow()
                if let t = table { tables.append(t) }
                table = nil
            case ("thead", false), ("tbody", false), ("tfoot", false):
                closeRow()
                section = name
            case ("thead", true), ("tbody", true), ("tfoot", true):
                closeRow()
                section = "tbody"
            case ("tr", false):
                closeRow()
                row = HTMLRow()
            case ("tr", true): closeRow()
            case ("td", false), ("th", false):
                guard table != nil else { break }
                closeCell()
                let span = tag.firstMatch(of: /colspan\s*=\s*["']?(\d+)/).flatMap { Int($0.1) } ?? 1
                cell = ([], span, name == "th")
            case ("td", true), ("th", true): closeCell()
            case ("br", _): if cell != nil { cell?.text.append(" ") }
            default: break
            }
        }
        if let t = table { closeRow(); tables.append(t) }
        return tables
    }

    /// pandas' `_remove_whitespace`: stripped, then line breaks and runs of two or more spaces become one space.
    static func collapse(_ s: String) -> String {
        let h = PyText.scalars(PyText.strip(s))
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < h.count {
            if h[i] == "\r" || h[i] == "\n" {
                var j = i
                while j < h.count, h[j] == "\r" || h[j] == "\n" { j += 1 }
                out.append(" ")
                i = j
            } else if PyText.isSpace(h[i]), i + 1 < h.count, PyText.isSpace(h[i + 1]) {
                var j = i
                while j < h.count, PyText.isSpace(h[j]) { j += 1 }
                out.append(" ")
                i = j
            } else {
                out.append(h[i])
                i += 1
            }
        }
        return PyText.string(out)
    }

    /// The named and numeric character references HTML tables use.
    static func decodeEntities(_ s: String) -> String {
        guard PyText.contains(s, "&") else { return s }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "#39": "'"]
        return PyText.substitute(s) { h, i in
            guard h[i] == "&", let end = PyText.find([";"], in: h, from: i + 1), end - i <= 10 else { return nil }
            let name = PyText.string(h[(i + 1)..<end])
            if let text = named[name] { return (end + 1 - i, PyText.scalars(text)) }
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let value, let scalar = Unicode.Scalar(value) { return (end + 1 - i, [scalar]) }
            }
            return nil
        }
    }
}
