/// One cell of a table as pandas holds it after reading, reduced to what LiveBench's `check_table_reformat`
/// distinguishes: numbers of a numeric column (or a Python float, NaN included) compare with a 1e-6 tolerance;
/// everything else compares with Python's `==` (strings after `strip()`).
enum TableCell: Sendable, Hashable {
    /// A value of a numeric (int, float or bool) column, or a Python float; NaN for missing values.
    case numeric(Double)
    /// A Python `int` or `bool` in an object column.
    case pyNumber(Double)
    /// A string.
    case string(String)
    /// `None`.
    case none

    var isNumericish: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// `check_table_reformat`'s test for one pair of cells.
    static func matches(_ llm: TableCell, _ gold: TableCell) -> Bool {
        switch (llm, gold) {
        case (.numeric(let a), .numeric(let b)):
            if a.isNaN && b.isNaN { return true }
            return abs(a - b) < 1e-6
        case (.string(let a), .string(let b)): return PyText.strip(a) == PyText.strip(b)
        case (.none, .none): return true
        default:
            if let a = llm.number, let b = gold.number { return a == b }
            return false
        }
    }

    var number: Double? {
        switch self {
        case .numeric(let d), .pyNumber(let d): d
        default: nil
        }
    }
}

/// A column label: pandas keeps strings, but turns numeric-looking JSON labels into numbers (and unnamed HTML
/// columns are integers), which `check_table_reformat` cannot `strip()`: such a table always scores 0.
enum TableLabel: Sendable, Hashable {
    case name(String)
    case number(Int)
}

/// A table read as pandas would: column labels and rows of cells, by position.
struct TableFrame: Sendable, Hashable {
    var columns: [TableLabel]
    var rows: [[TableCell]]

    /// A frame whose columns are built from per-column raw values by an inference rule.
    init(columns: [TableLabel], rows: [[TableCell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Builds a frame from columns of values.
    init(columns: [TableLabel], values: [[TableCell]]) {
        self.columns = columns
        let count = values.first?.count ?? 0
        rows = (0..<count).map { r in values.map { $0[r] } }
    }

    /// `check_table_reformat`: same row count, same sorted column names (stripped, `index` dropped), and every cell
    /// of the model's table equal to the gold one in the same row and column.
    static func equivalent(llm: TableFrame, gold: TableFrame) -> Bool {
        guard let goldNames = gold.strippedNames(), let llmNames = llm.strippedNames() else { return false }
        guard llm.rows.count == gold.rows.count else { return false }
        let goldKeep = goldNames.indices.filter { goldNames[$0] != "index" }
        let llmKeep = llmNames.indices.filter { llmNames[$0] != "index" }
        guard llmKeep.map({ llmNames[$0] }).sorted() == goldKeep.map({ goldNames[$0] }).sorted() else { return false }
        for r in llm.rows.indices {
            for c in llmKeep {
                // With repeated labels pandas compares Series; Proctor takes the first column of the name.
                guard let g = goldKeep.first(where: { goldNames[$0] == llmNames[c] }) else { return false }
                if !TableCell.matches(llm.rows[r][c], gold.rows[r][g]) { return false }
            }
        }
        return true
    }

    /// The labels after `strip()`, nil when one is not a string.
    func strippedNames() -> [String]? {
        var names: [String] = []
        for label in columns {
            guard case .name(let s) = label else { return nil }
            names.append(PyText.strip(s))
        }
        return names
    }
}
