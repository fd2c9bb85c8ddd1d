import FunctionCallChecks

/// One of BFCL's multi-turn API simulators (`func_source_code/*.py`), ported to Swift with its state as Python
/// values so that the official state comparison (every public attribute equal) carries over.
public protocol MultiTurnAPI: Sendable {
    /// The official class name (`TicketAPI`), as entries' `involved_classes` name it.
    static var className: String { get }
    /// The public method names a call may name.
    static var methods: [String: [MultiTurnParameter]] { get }

    /// An instance after `_load_scenario(scenario, long_context)`.
    init(scenario: PyValue, longContext: Bool)

    /// The public attributes (`vars(instance)` without `_` names), compared by the state checker.
    var state: PyValue { get }

    /// Runs one method with bound arguments; returns what the Python method returns.
    ///
    /// - Throws: `MultiTurnError` where the Python method raises (its message is what the official executor records).
    mutating func invoke(_ method: String, _ arguments: [String: PyValue]) throws -> PyValue
}

/// A method parameter: its name and its default (nil: required).
public struct MultiTurnParameter: Sendable {
    /// The parameter's name.
    public var name: String
    /// Its default, nil when it is required.
    public var defaultValue: PyValue?

    /// Creates a parameter.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - defaultValue: The default (nil: required).
    public init(_ name: String, default defaultValue: PyValue? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// An exception of a simulated method, with Python's message.
public struct MultiTurnError: Error, Sendable, CustomStringConvertible {
    /// Python's exception message.
    public var description: String

    /// Creates an error.
    ///
    /// - Parameter description: Python's exception message.
    public init(_ description: String) {
        self.description = description
    }
}

extension MultiTurnAPI {
    /// Python's argument binding: positional then keyword arguments onto the parameters, defaults filled in, with
    /// Python's `TypeError` messages.
    static func bind(_ method: String, _ call: PythonCall) throws -> [String: PyValue] {
        guard let parameters = methods[method] else { throw MultiTurnError("'\(className)' object has no attribute '\(method)'") }
        let qualified = "\(className).\(method)()"
        guard call.positional.count <= parameters.count else {
            throw MultiTurnError("\(qualified) takes \(parameters.count + 1) positional arguments but \(call.positional.count + 1) were given")
        }
        var bound: [String: PyValue] = [:]
        for (parameter, value) in zip(parameters, call.positional) { bound[parameter.name] = value }
        for keyword in call.keywords {
            guard parameters.contains(where: { $0.name == keyword.name }) else {
                throw MultiTurnError("\(qualified) got an unexpected keyword argument '\(keyword.name)'")
            }
            guard bound[keyword.name] == nil else { throw MultiTurnError("\(qualified) got multiple values for argument '\(keyword.name)'") }
            bound[keyword.name] = keyword.value
        }
        let missing = parameters.filter { bound[$0.name] == nil && $0.defaultValue == nil }.map { "'\($0.name)'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            throw MultiTurnError("\(qualified) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        for parameter in parameters where bound[parameter.name] == nil { bound[parameter.name] = parameter.defaultValue }
        return bound
    }
}

/// Python truthiness (`if not x`).
extension PyValue {
    var truthy: Bool {
        switch self {
        case .none: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .float(let d): d != 0
        case .string(let s): !s.isEmpty
        case .list(let a), .tuple(let a), .set(let a): !a.isEmpty
        case .dict(let d): !d.isEmpty
        }
    }

    /// Python's `str()` of a value.
    public var str: String {
        if case .string(let s) = self { return s }
        return description
    }
}
