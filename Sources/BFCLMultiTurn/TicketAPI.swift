import FunctionCallChecks

/// `TicketAPI` (`func_source_code/ticket_api.py`): a support-ticket queue with a logged-in user.
public struct TicketAPI: MultiTurnAPI {
    public static let className = "TicketAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "create_ticket": [.init("title"), .init("description", default: .string("")), .init("priority", default: .int(1))],
        "get_ticket": [.init("ticket_id")],
        "close_ticket": [.init("ticket_id")],
        "resolve_ticket": [.init("ticket_id"), .init("resolution")],
        "edit_ticket": [.init("ticket_id"), .init("updates")],
        "ticket_login": [.init("username"), .init("password")],
        "ticket_get_login_status": [],
        "logout": [],
        "get_user_tickets": [.init("status", default: PyValue.none)],
    ]

    /// `ticket_queue`: the tickets, as dictionaries in the scenario's key order.
    var queue: [PyValue]
    var counter: PyValue
    var currentUser: PyValue

    public init(scenario: PyValue, longContext: Bool) {
        queue = scenario["ticket_queue"]?.elements ?? []
        counter = scenario["ticket_counter"] ?? .int(1)
        currentUser = scenario["current_user"] ?? PyValue.none
    }

    public var state: PyValue {
        .dict([(.string("ticket_queue"), .list(queue)), (.string("ticket_counter"), counter), (.string("current_user"), currentUser)])
    }

    static func error(_ message: String) -> PyValue { .dict([(.string("error"), .string(message))]) }
    static func status(_ message: String) -> PyValue { .dict([(.string("status"), .string(message))]) }

    func find(_ id: PyValue) -> Int? {
        queue.firstIndex { $0["id"] == id }
    }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        switch method {
        case "create_ticket":
            guard currentUser.truthy else { return Self.error("User not authenticated. Please log in to create a ticket.") }
            let priority = a["priority"]!
            guard let p = priority.comparable else {
                throw MultiTurnError("'<' not supported between instances of '\(priority.kind.rawValue)' and 'int'")
            }
            if p < 1 || p > 5 { return Self.error("Invalid priority. Priority must be between 1 and 5.") }
            let ticket = PyValue.dict([
                (.string("id"), counter), (.string("title"), a["title"]!), (.string("description"), a["description"]!),
                (.string("status"), .string("Open")), (.string("priority"), priority), (.string("created_by"), currentUser),
            ])
            queue.append(ticket)
            counter = try PythonArithmetic.add(counter, .int(1))
            return ticket
        case "get_ticket":
            let id = a["ticket_id"]!
            guard let index = find(id) else { return Self.error("Ticket with ID \(id.str) not found.") }
            return queue[index]
        case "close_ticket", "resolve_ticket":
            let id = a["ticket_id"]!
            guard let index = find(id) else { return Self.error("Ticket with ID \(id.str) not found.") }
            let target = method == "close_ticket" ? "Closed" : "Resolved"
            if queue[index]["status"] == .string(target) { return Self.error("Ticket with ID \(id.str) is already \(target.lowercased()).") }
            queue[index].set("status", .string(target))
            if method == "resolve_ticket" { queue[index].set("resolution", a["resolution"]!) }
            return Self.status("Ticket \(id.str) has been \(target.lowercased()) successfully.")
        case "edit_ticket":
            let id = a["ticket_id"]!
            guard let index = find(id) else { return Self.error("Ticket with ID \(id.str) not found.") }
            guard let updates = a["updates"]!.dictValue else {
                throw MultiTurnError("'\(a["updates"]!.kind.rawValue)' object has no attribute 'keys'")
            }
            let valid: Set<String> = ["title", "description", "status", "priority"]
            let invalid = updates.compactMap { member -> String? in
                guard case .string(let name) = member.key else { return member.key.str }
                return valid.contains(name) ? nil : name
            }
            // Python joins a set here, whose order is not fixed for several names; one name is the common case.
            if !invalid.isEmpty { return Self.error("Invalid fields for update: \(invalid.joined(separator: ", "))") }
            for (key, value) in updates where value != .none {
                queue[index].set(key.str, value)
            }
            return Self.status("Ticket \(id.str) has been updated successfully.")
        case "ticket_login":
            if a["username"]!.truthy && a["password"]!.truthy {
                currentUser = a["username"]!
                return .dict([(.string("success"), .bool(true))])
            }
            return .dict([(.string("success"), .bool(false))])
        case "ticket_get_login_status":
            return .dict([(.string("username"), .bool(currentUser.truthy))])
        case "logout":
            if currentUser.truthy {
                currentUser = .none
                return .dict([(.string("success"), .bool(true))])
            }
            return .dict([(.string("success"), .bool(false))])
        case "get_user_tickets":
            guard currentUser.truthy else {
                return .list([Self.error("User not authenticated. Please log in to view tickets.")])
            }
            var tickets = queue.filter { $0["created_by"] == currentUser }
            if let status = a["status"], status.truthy {
                guard let wanted = status.stringValue else { throw MultiTurnError("'\(status.kind.rawValue)' object has no attribute 'lower'") }
                tickets = try tickets.filter { ticket in
                    guard let s = ticket["status"]?.stringValue else { throw MultiTurnError("'NoneType' object has no attribute 'lower'") }
                    return s.lowercased() == wanted.lowercased()
                }
            }
            return .list(tickets)
        default:
            throw MultiTurnError("'TicketAPI' object has no attribute '\(method)'")
        }
    }
}

extension PyValue {
    /// The value as a number Python compares with `<` against an int.
    var comparable: Double? { number }
}

/// Python's `+` on numbers.
enum PythonArithmetic {
    static func add(_ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .int(x + y)
        default:
            guard let x = a.number, let y = b.number else {
                throw MultiTurnError("unsupported operand type(s) for +: '\(a.kind.rawValue)' and '\(b.kind.rawValue)'")
            }
            return .float(x + y)
        }
    }
}
