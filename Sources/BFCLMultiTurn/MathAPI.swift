import Foundation
import FunctionCallChecks

/// `MathAPI` (`func_source_code/math_api.py`): stateless arithmetic, statistics and unit conversions. Python's int and
/// float rules apply (`sum` from the int 0, `/` always a float); `logarithm` reproduces mpmath's `mpf` at the requested
/// decimal precision and `square_root` the `decimal` module's correctly rounded `Decimal` (see `MathAPI+Precision`).
public struct MathAPI: MultiTurnAPI {
    public static let className = "MathAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "logarithm": [.init("value"), .init("base"), .init("precision")],
        "mean": [.init("numbers")],
        "standard_deviation": [.init("numbers")],
        "si_unit_conversion": [.init("value"), .init("unit_in"), .init("unit_out")],
        "imperial_si_conversion": [.init("value"), .init("unit_in"), .init("unit_out")],
        "add": [.init("a"), .init("b")],
        "subtract": [.init("a"), .init("b")],
        "multiply": [.init("a"), .init("b")],
        "divide": [.init("a"), .init("b")],
        "power": [.init("base"), .init("exponent")],
        "square_root": [.init("number"), .init("precision")],
        "absolute_value": [.init("number")],
        "round_number": [.init("number"), .init("decimal_places", default: .int(0))],
        "percentage": [.init("part"), .init("whole")],
        "min_value": [.init("numbers")],
        "max_value": [.init("numbers")],
        "sum_values": [.init("numbers")],
    ]

    static let toMeters: [String: PyValue] = ["km": .int(1000), "m": .int(1), "cm": .float(0.01), "mm": .float(0.001), "um": .float(1e-6), "nm": .float(1e-9)]
    static let imperial: [String: Double] = [
        "cm_to_in": 0.393701, "in_to_cm": 2.54, "m_to_ft": 3.28084, "ft_to_m": 0.3048, "m_to_yd": 1.09361, "yd_to_m": 0.9144,
        "km_to_miles": 0.621371, "miles_to_km": 1.60934, "kg_to_lb": 2.20462, "lb_to_kg": 0.453592, "celsius_to_fahrenheit": 1.8,
        "fahrenheit_to_celsius": 5.0 / 9,
    ]

    /// The class has no scenario and no public attributes.
    public init(scenario: PyValue, longContext: Bool) {}

    public var state: PyValue { .dict([]) }

    static func result(_ value: PyValue) -> PyValue { .dict([(.string("result"), value)]) }
    static func error(_ message: String) -> PyValue { .dict([(.string("error"), .string(message))]) }

    /// `isinstance(x, (int, float))` (a bool is an int).
    static func isNumber(_ x: PyValue) -> Bool { x.number != nil }

    /// `sum(numbers)`: from the int 0, left to right; nil where Python raises `TypeError`.
    static func sum(_ numbers: PyValue) -> PyValue? {
        guard let items = numbers.iterated else { return nil }
        var total = PyValue.int(0)
        for item in items {
            guard let next = try? total.applying("+", item) else { return nil }
            total = next
        }
        return total
    }

    /// `min`/`max` of a list: the first extreme element, as it is; nil where Python raises `TypeError`.
    static func extreme(_ numbers: PyValue, max: Bool) -> PyValue? {
        guard let items = numbers.iterated, var best = items.first else { return nil }
        for item in items.dropFirst() {
            guard let replace = try? (max ? PythonOperations.less(best, item) : PythonOperations.less(item, best)) else { return nil }
            if replace { best = item }
        }
        return best
    }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        switch method {
        case "logarithm":
            return try Self.logarithm(a["value"]!, base: a["base"]!, precision: a["precision"]!)
        case "mean", "sum_values":
            let what = method == "mean" ? "calculate mean of" : "calculate sum of"
            guard a["numbers"]!.truthy else { return Self.error("Cannot \(what) an empty list") }
            guard let total = Self.sum(a["numbers"]!) else { return Self.error("All elements in the list must be numbers") }
            if method == "sum_values" { return Self.result(total) }
            return Self.result(try total.applying("/", .int(a["numbers"]!.iterated?.count ?? 1)))
        case "standard_deviation":
            let numbers = a["numbers"]!
            guard numbers.truthy else { return Self.error("Cannot calculate standard deviation of an empty list") }
            guard let items = numbers.iterated, let total = Self.sum(numbers), let mean = try? total.applying("/", .int(items.count)),
                  let squares = Self.sum(.list(try items.map { try $0.applying("-", mean).applying("**", .int(2)) })),
                  let variance = (try? squares.applying("/", .int(items.count)))?.number
            else { return Self.error("All elements in the list must be numbers") }
            guard variance >= 0 else { throw MultiTurnError("math domain error") }
            return Self.result(.float(variance.squareRoot()))
        case "si_unit_conversion":
            let value = a["value"]!, unitIn = a["unit_in"]!, unitOut = a["unit_out"]!
            guard Self.isNumber(value) else { return Self.error("Value must be a number") }
            guard case .string(let from) = unitIn, case .string(let to) = unitOut, let inFactor = Self.toMeters[from],
                  let outFactor = Self.toMeters[to]?.number else {
                return Self.error("Conversion from '\(unitIn.str)' to '\(unitOut.str)' is not supported")
            }
            return Self.result(try value.applying("*", inFactor).applying("*", .float(1 / outFactor)))
        case "imperial_si_conversion":
            return try Self.imperialConversion(a["value"]!, a["unit_in"]!, a["unit_out"]!)
        case "add", "subtract":
            guard let value = try? a["a"]!.applying(method == "add" ? "+" : "-", a["b"]!) else { return Self.error("Both inputs must be numbers") }
            return Self.result(value)
        case "multiply":
            guard Self.isNumber(a["a"]!), Self.isNumber(a["b"]!) else { return Self.error("Both inputs must be numbers") }
            return Self.result(try a["a"]!.applying("*", a["b"]!))
        case "divide":
            if Self.isNumber(a["b"]!), a["b"]!.number == 0 { return Self.error("Cannot divide by zero") }
            guard let value = try? a["a"]!.applying("/", a["b"]!) else { return Self.error("Both inputs must be numbers") }
            return Self.result(value)
        case "power":
            return try Self.power(a["base"]!, a["exponent"]!)
        case "square_root":
            return try Self.squareRoot(a["number"]!, precision: a["precision"]!)
        case "absolute_value":
            switch a["number"]! {
            case .int(let i): return Self.result(.int(abs(i)))
            case .bool(let b): return Self.result(.int(b ? 1 : 0))
            case .float(let d): return Self.result(.float(abs(d)))
            default: return Self.error("Input must be a number")
            }
        case "round_number":
            return Self.roundNumber(a["number"]!, a["decimal_places"]!)
        case "percentage":
            let part = a["part"]!, whole = a["whole"]!
            if Self.isNumber(whole), whole.number == 0 { return Self.error("Whole value cannot be zero") }
            guard let ratio = try? part.applying("/", whole) else { return Self.error("Both inputs must be numbers") }
            return Self.result(try ratio.applying("*", .int(100)))
        case "min_value", "max_value":
            let max = method == "max_value"
            guard a["numbers"]!.truthy else { return Self.error("Cannot find \(max ? "maximum" : "minimum") of an empty list") }
            guard let value = Self.extreme(a["numbers"]!, max: max) else { return Self.error("All elements in the list must be numbers") }
            return Self.result(value)
        default:
            throw MultiTurnError("'MathAPI' object has no attribute '\(method)'")
        }
    }

    static func imperialConversion(_ value: PyValue, _ unitIn: PyValue, _ unitOut: PyValue) throws -> PyValue {
        guard isNumber(value) else { return error("Value must be a number") }
        if unitIn == unitOut { return result(value) }
        guard let factor = imperial["\(unitIn.str)_to_\(unitOut.str)"] else {
            return error("Conversion from '\(unitIn.str)' to '\(unitOut.str)' is not supported")
        }
        if unitIn == .string("celsius") {
            return result(try value.applying("*", .float(factor)).applying("+", .int(32)))
        }
        if unitIn == .string("fahrenheit") {
            return result(try value.applying("-", .int(32)).applying("*", .float(factor)))
        }
        return result(try value.applying("*", .float(factor)))
    }

    static func power(_ base: PyValue, _ exponent: PyValue) throws -> PyValue {
        guard let x = base.number, let y = exponent.number else { return error("Both inputs must be numbers") }
        let integral = base.kind != .float && exponent.kind != .float
        if x == 0 && y < 0 { throw MultiTurnError("0.0 cannot be raised to a negative power") }
        if x < 0 && y != y.rounded() { throw MultiTurnError("a negative base with a fractional exponent is a complex number in Python; not ported") }
        if integral && y >= 0 && abs(pow(x, y)) >= 9.007_199_254_740_992e15 {
            throw MultiTurnError("an int power beyond 2**53 is a Python big integer; not ported")
        }
        return result(try base.applying("**", exponent))
    }

    static func roundNumber(_ number: PyValue, _ places: PyValue) -> PyValue {
        guard places.kind == .int || places.kind == .bool, let digits = places.number.map({ Int($0) }), isNumber(number) else {
            return error("First input must be a number, second input must be an integer")
        }
        // A negative ndigits rounds to a multiple of 10**-ndigits, ties to even (approximated in binary for floats).
        let unit = pow(10, Double(max(0, -digits)))
        if number.kind != .float {
            let i = Double(Int(number.number ?? 0))
            return result(.int(digits >= 0 ? Int(i) : Int((i / unit).rounded(.toNearestOrEven) * unit)))
        }
        guard digits >= 0 else { return result(.float(((number.number ?? 0) / unit).rounded(.toNearestOrEven) * unit)) }
        return result((try? PythonOperations.round(number, digits)) ?? number)
    }
}

extension PyValue {
    /// The elements Python's iteration gives (a dictionary's keys, a string's characters); nil where it raises.
    var iterated: [PyValue]? {
        switch self {
        case .list(let items), .tuple(let items), .set(let items): items
        case .dict(let members): members.map(\.key)
        case .string(let s): s.map { .string(String($0)) }
        default: nil
        }
    }
}
