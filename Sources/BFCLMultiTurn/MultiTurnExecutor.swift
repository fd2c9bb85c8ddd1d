import FunctionCallChecks

/// Runs a conversation's calls against the involved API instances, as `execute_multi_turn_func_call` does:
/// each call goes to the instance whose class has the method; its result is recorded as text (strings as they
/// are, dictionaries as `json.dumps`, anything else as `str()`), an exception as `Error during execution: …`.
public struct MultiTurnExecutor: Sendable {
    /// The APIs Proctor has ported.
    public static let available: [any MultiTurnAPI.Type] = [
        TicketAPI.self, MessageAPI.self, VehicleControlAPI.self, TwitterAPI.self, GorillaFileSystem.self, TravelAPI.self,
        TradingBot.self, MathAPI.self,
    ]

    /// The instances by class name.
    public private(set) var instances: [String: any MultiTurnAPI]
    private var owners: [String: String]

    /// Creates the instances of an entry.
    ///
    /// - Parameters:
    ///   - classes: The entry's `involved_classes`.
    ///   - initialConfig: The entry's `initial_config` (per class).
    ///   - longContext: Whether the category is `multi_turn_long_context`.
    /// - Throws: `MultiTurnError` naming a class that is not ported.
    public init(classes: [String], initialConfig: PyValue, longContext: Bool) throws {
        instances = [:]
        owners = [:]
        for name in classes {
            guard let type = Self.available.first(where: { $0.className == name }) else {
                throw MultiTurnError("the \(name) simulator is not ported to Swift yet")
            }
            instances[name] = type.init(scenario: initialConfig[name] ?? .dict([]), longContext: longContext)
            for method in type.methods.keys { owners[method] = name }
        }
    }

    /// Executes calls in order.
    ///
    /// - Parameter calls: Call texts (`create_ticket(title='x')`).
    /// - Returns: Each call's result text.
    public mutating func execute(_ calls: [String]) -> [String] {
        calls.map { execute($0) }
    }

    /// Executes one call.
    public mutating func execute(_ text: String) -> String {
        do {
            let call = try PythonCall(parsing: text)
            let method = String(call.name.split(separator: ".").last ?? "")
            if ["kill", "exit", "quit", "remove", "unlink", "popen", "Popen", "run"].contains(method) {
                return "Error during execution: Function call \(method) is not allowed."
            }
            guard let owner = owners[method], var instance = instances[owner] else {
                return "Error during execution: name '\(call.name)' is not defined"
            }
            let result = try Self.invoke(&instance, method, call)
            instances[owner] = instance
            switch result {
            case .string(let s): return s
            case .dict: return result.jsonDumps
            default: return result.str
            }
        } catch let error as MultiTurnError {
            return "Error during execution: \(error.description)"
        } catch {
            return "Error during execution: \(error)"
        }
    }

    static func invoke<API: MultiTurnAPI>(_ instance: inout API, _ method: String, _ call: PythonCall) throws -> PyValue {
        try instance.invoke(method, try API.bind(method, call))
    }

    static func invoke(_ instance: inout any MultiTurnAPI, _ method: String, _ call: PythonCall) throws -> PyValue {
        func open<API: MultiTurnAPI>(_ typed: API) throws -> (PyValue, any MultiTurnAPI) {
            var copy = typed
            let result = try invoke(&copy, method, call)
            return (result, copy)
        }
        let (result, updated) = try open(instance)
        instance = updated
        return result
    }

    /// Whether a method name belongs to one of the instances.
    public func owns(_ method: String) -> Bool { owners[method] != nil }
}
