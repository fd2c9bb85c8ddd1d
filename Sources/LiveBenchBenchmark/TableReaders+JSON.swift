import Foundation
import OrderedJSON

extension TableReaders {
    /// `read_df_func("json", …)` (v1): `read_json` with `orient="index"`, then `"records"`, then records as lines;
    /// the `table` and `values` orients never give string column labels and are not tried.
    static func json(_ text: String) throws -> TableFrame {
        if let tree = try? JSONTree.parse(Data(text.utf8)) {
            switch tree {
            case .object(let members):
                // orient="index": each member is a row; a member that is not an object fails the orient.
                var rows: [[(key: String, value: JSONTree)]] = []
                for member in members {
                    guard case .object(let fields) = member.value else { throw ReadError(reason: "orient=index needs objects of objects") }
                    rows.append(fields)
                }
                return convertedFrame(rows, jsonLabels: true)
            case .array(let elements):
                return try records(elements)
            default:
                throw ReadError(reason: "a JSON scalar is not a table")
            }
        }
        return try jsonLines(text)
    }

    /// `read_json(lines=True, orient="records")`: the non-blank lines as one array of records.
    static func jsonLines(_ text: String) throws -> TableFrame {
        let lines = PyText.split(text, "\n").map(PyText.strip).filter { !$0.isEmpty }
        var elements: [JSONTree] = []
        for line in lines {
            guard let tree = try? JSONTree.parse(Data(line.utf8)) else { throw ReadError(reason: "a line is not JSON") }
            elements.append(tree)
        }
        return try records(elements)
    }

    static func records(_ elements: [JSONTree]) throws -> TableFrame {
        var rows: [[(key: String, value: JSONTree)]] = []
        for element in elements {
            guard case .object(let fields) = element else { throw ReadError(reason: "records that are not objects have integer column labels") }
            rows.append(fields)
        }
        return convertedFrame(rows, jsonLabels: true)
    }

    /// A frame from records (columns in order of first appearance, missing fields NaN), with `read_json`'s dtype
    /// conversions when `converted` (strings of numbers become numbers, integral floats integers) or plain
    /// `pd.DataFrame(records)` inference otherwise.
    static func convertedFrame(_ rows: [[(key: String, value: JSONTree)]], jsonLabels: Bool, converted: Bool = true) -> TableFrame {
        var names: [String] = []
        for row in rows { for field in row where !names.contains(field.key) { names.append(field.key) } }
        let columns = names.map { name in
            rows.map { row -> JSONTree? in row.last { $0.key == name }?.value }
        }
        let labels = names.map { name -> TableLabel in
            // convert_axes: labels that parse as numbers become numbers.
            if jsonLabels, converted, let d = float(name), d.isFinite { return .number(Int(d.rounded(.towardZero))) }
            return .name(name)
        }
        return TableFrame(columns: labels, values: columns.map { column(of: $0, converted: converted) })
    }

    /// One column's cells: the dtype the DataFrame constructor infers, then `read_json`'s `_try_convert_data`.
    static func column(of values: [JSONTree?], converted: Bool) -> [TableCell] {
        enum Kind { case number, bool, object }
        var numbers = false, bools = false, others = false, nulls = false
        for value in values {
            switch value {
            case nil, .null?: nulls = true
            case .integer?, .number?: numbers = true
            case .bool?: bools = true
            default: others = true
            }
        }
        let kind: Kind = others || (numbers && bools) ? .object : (bools ? (nulls ? .object : .bool) : .number)
        var cells: [TableCell]
        switch kind {
        case .number:
            cells = values.map { v in
                switch v {
                case .integer(let i)?: .numeric(Double(i))
                case .number(let d)?: .numeric(d)
                default: .numeric(.nan)
                }
            }
        case .bool:
            cells = values.map { if case .bool(let b)? = $0 { .numeric(b ? 1 : 0) } else { .numeric(.nan) } }
        case .object:
            cells = values.map { v in
                switch v {
                case nil: .numeric(.nan)
                case .null?: .none
                case .integer(let i)?: .pyNumber(Double(i))
                case .number(let d)?: .numeric(d)
                case .bool(let b)?: .pyNumber(b ? 1 : 0)
                case .string(let s)?: .string(s)
                case .array?, .object?: .string("\u{0}container")
                }
            }
            // astype("float64") of an all-string column (None and NaN allowed).
            let strings = values.allSatisfy { v in
                switch v { case nil, .null?, .string?: true; default: false }
            }
            if converted, strings, values.contains(where: { if case .string? = $0 { true } else { false } }) {
                let parsed = cells.map { cell -> Double?? in
                    switch cell {
                    case .string(let s): pythonFloat(s).map { Optional($0) }
                    default: .some(.nan)
                    }
                }
                if parsed.allSatisfy({ $0 != nil }) { cells = parsed.map { .numeric(($0 ?? .nan) ?? .nan) } }
            }
        }
        return cells
    }

    /// `float(s)` for a Python string (surrounding whitespace, `_` separators, `inf`, `nan`).
    static func pythonFloat(_ s: String) -> Double? {
        let t = PyText.strip(s).lowercased().replacingUnderscores()
        if ["nan", "+nan", "-nan"].contains(t) { return .nan }
        return float(t)
    }

    /// The members of a JSON object line, nil when the line is not one.
    static func objectFields(_ line: String) -> [(key: String, value: JSONTree)]? {
        guard case .object(let fields)? = try? JSONTree.parse(Data(line.utf8)) else { return nil }
        return fields
    }
}
