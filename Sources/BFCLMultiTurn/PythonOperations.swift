import Foundation
import FunctionCallChecks
import PythonCompat

/// The Python operations the simulators perform on their values, with Python's results and exception messages.
enum PythonOperations {
    /// `a <op> b` for arithmetic.
    static func arithmetic(_ a: PyValue, _ op: String, _ b: PyValue) throws -> PyValue {
        do {
            return try a.applying(op, b)
        } catch let error as PromptDecoder.DecodeError {
            throw MultiTurnError(error.description)
        }
    }

    /// `a < b` (numbers by value, strings lexicographically).
    static func less(_ a: PyValue, _ b: PyValue, _ op: String = "<") throws -> Bool {
        if let x = a.number, let y = b.number { return x < y }
        if case .string(let x) = a, case .string(let y) = b { return Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) }
        throw MultiTurnError("'\(op)' not supported between instances of '\(a.kind.rawValue)' and '\(b.kind.rawValue)'")
    }

    /// `lower <= x <= upper`.
    static func between(_ lower: PyValue, _ x: PyValue, _ upper: PyValue) throws -> Bool {
        try !less(x, lower, "<=") && !less(upper, x, "<=")
    }

    /// `float(x)`.
    static func float(_ x: PyValue) throws -> PyValue {
        if let n = x.number { return .float(n) }
        if case .string(let s) = x, let d = Double(s.trimmingCharacters(in: .whitespaces)) { return .float(d) }
        if case .string(let s) = x { throw MultiTurnError("could not convert string to float: \(PyValue.string(s))") }
        throw MultiTurnError("float() argument must be a string or a real number, not '\(x.kind.rawValue)'")
    }

    /// `round(x, digits)` of a float: the decimal rounding of the exact binary value (ties to even), as CPython's
    /// correctly rounded `round` gives it; an int stays an int.
    static func round(_ x: PyValue, _ digits: Int) throws -> PyValue {
        switch x {
        case .int, .bool: return .int(Int(x.number ?? 0))
        case .float(let d):
            guard d.isFinite else { return x }
            return .float(Double(String(format: "%.\(digits)f", d)) ?? d)
        default: throw MultiTurnError("type \(x.kind.rawValue) doesn't define __round__ method")
        }
    }

    /// `datetime.strptime(text, "%Y-%m-%d")`'s date, nil where Python raises `ValueError` (no match, text left over,
    /// a day the month does not have, year 0).
    ///
    /// - Throws: `MultiTurnError` with Python's `TypeError` message for a value that is not a string.
    static func date(_ value: PyValue) throws -> (year: Int, month: Int, day: Int)? {
        guard case .string(let text) = value else {
            throw MultiTurnError("strptime() argument 1 must be str, not \(value.kind.rawValue)")
        }
        let pattern = #"^(\d\d\d\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$"#
        guard let regex = try? Regex(pattern), let match = try? regex.wholeMatch(in: text), match.count == 4,
              let year = match[1].substring.flatMap({ Int($0) }), let month = match[2].substring.flatMap({ Int($0) }),
              let day = match[3].substring.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1, day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }
}

extension PythonRandom {
    /// `uniform(a, b)`.
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * random()
    }
}
