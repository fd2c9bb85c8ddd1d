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
}

extension PythonRandom {
    /// `uniform(a, b)`.
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * random()
    }
}
