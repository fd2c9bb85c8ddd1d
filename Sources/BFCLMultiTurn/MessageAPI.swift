import FunctionCallChecks
import PythonCompat

/// `MessageAPI` (`func_source_code/message_api.py`): users, a shared inbox, and message ids from a seeded
/// Python `random.Random`.
public struct MessageAPI: MultiTurnAPI {
    public static let className = "MessageAPI"
    public static let methods: [String: [MultiTurnParameter]] = [
        "list_users": [], "get_user_id": [.init("user")], "message_login": [.init("user_id")], "message_get_login_status": [],
        "send_message": [.init("receiver_id"), .init("message")], "delete_message": [.init("receiver_id")], "view_messages_sent": [],
        "add_contact": [.init("user_name")], "search_messages": [.init("keyword")], "get_message_stats": [],
    ]

    static let defaultUsers: PyValue = .dict([
        (.string("Alice"), .string("USR001")), (.string("Bob"), .string("USR002")), (.string("Catherine"), .string("USR003")),
        (.string("Daniel"), .string("USR004")),
    ])
    static let defaultInbox: [PyValue] = [
        .dict([(.string("USR002"), .string("My name is Alice. I want to connect."))]),
        .dict([(.string("USR003"), .string("Could you upload the file?"))]),
        .dict([(.string("USR004"), .string("Could you upload the file?"))]),
    ]

    var random: PythonRandom
    var generatedIDs: [PyValue]
    var userCount: PyValue
    var userMap: [(key: PyValue, value: PyValue)]
    var inbox: [PyValue]
    var messageCount: PyValue
    var currentUser: PyValue

    public init(scenario: PyValue, longContext: Bool) {
        var seed: UInt32 = 200_191
        if case .int(let given)? = scenario["random_seed"], let exact = UInt32(exactly: given) { seed = exact }
        random = PythonRandom(seed: seed)
        generatedIDs = scenario["generated_ids"]?.elements ?? []
        userCount = scenario["user_count"] ?? .int(4)
        userMap = (scenario["user_map"] ?? Self.defaultUsers).dictValue ?? []
        inbox = scenario["inbox"]?.elements ?? Self.defaultInbox
        messageCount = scenario["message_count"] ?? .int(3)
        currentUser = scenario["current_user"] ?? PyValue.none
    }

    public var state: PyValue {
        .dict([
            (.string("generated_ids"), .set(generatedIDs)), (.string("user_count"), userCount), (.string("user_map"), .dict(userMap)),
            (.string("inbox"), .list(inbox)), (.string("message_count"), messageCount), (.string("current_user"), currentUser),
        ])
    }

    static func error(_ message: String) -> PyValue { .dict([(.string("error"), .string(message))]) }
    static let notLoggedIn = error("No user is currently logged in.")

    /// `list(message.items())[0]` of an inbox entry.
    static func first(_ message: PyValue) throws -> (PyValue, PyValue) {
        guard let member = message.dictValue?.first else { throw MultiTurnError("list index out of range") }
        return (member.key, member.value)
    }

    mutating func generateID() -> PyValue {
        var id = PyValue.int(random.randint(10000, 99999))
        while id.isIn(generatedIDs) { id = .int(random.randint(10000, 99999)) }
        generatedIDs.append(id)
        return .dict([(.string("new_id"), id)])
    }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        let users = userMap.map(\.value)
        switch method {
        case "list_users":
            return .dict([(.string("user_list"), .list(userMap.map(\.key)))])
        case "get_user_id":
            let user = a["user"]!
            guard let id = userMap.first(where: { $0.key == user })?.value else { return Self.error("User '\(user.str)' not found in the workspace.") }
            return .dict([(.string("user_id"), id)])
        case "message_login":
            let id = a["user_id"]!
            guard id.isIn(users) else {
                return .dict([(.string("login_status"), .bool(false)), (.string("message"), .string("User ID '\(id.str)' not found."))])
            }
            currentUser = id
            return .dict([(.string("login_status"), .bool(true)), (.string("message"), .string("User '\(id.str)' logged in successfully."))])
        case "message_get_login_status":
            return .dict([(.string("login_status"), .bool(currentUser.truthy))])
        case "send_message":
            guard currentUser.truthy else { return Self.notLoggedIn }
            let receiver = a["receiver_id"]!
            guard receiver.isIn(users) else { return Self.error("Receiver ID '\(receiver.str)' not found.") }
            let id = generateID()
            inbox.append(.dict([(receiver, a["message"]!)]))
            messageCount = try PythonArithmetic.add(messageCount, .int(1))
            return .dict([
                (.string("sent_status"), .bool(true)), (.string("message_id"), id),
                (.string("message"), .string("Message sent to '\(receiver.str)' successfully.")),
            ])
        case "delete_message":
            guard currentUser.truthy else { return Self.notLoggedIn }
            let receiver = a["receiver_id"]!
            for message in inbox.reversed() {
                let (to, _) = try Self.first(message)
                if to == receiver {
                    // `list.remove` drops the first entry equal to it, which may be an earlier one.
                    if let index = inbox.firstIndex(of: message) { inbox.remove(at: index) }
                    return .dict([
                        (.string("deleted_status"), .bool(true)), (.string("message_id"), to),
                        (.string("message"), .string("Receiver \(receiver.str)'s first message deleted successfully.")),
                    ])
                }
            }
            return Self.error("Receiver ID \(receiver.str) not found.")
        case "view_messages_sent":
            guard currentUser.truthy else { return Self.notLoggedIn }
            var sent: [(key: PyValue, value: PyValue)] = []
            for message in inbox {
                let (to, content) = try Self.first(message)
                if let index = sent.firstIndex(where: { $0.key == to }) {
                    sent[index].value = .list((sent[index].value.elements ?? []) + [content])
                } else {
                    sent.append((to, .list([content])))
                }
            }
            return .dict([(.string("messages"), .dict(sent))])
        case "add_contact":
            let name = a["user_name"]!
            if userMap.contains(where: { $0.key == name }) { return Self.error("User name '\(name.str)' already exists.") }
            userCount = try PythonArithmetic.add(userCount, .int(1))
            let digits = userCount.str
            let id = PyValue.string("USR" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
            if id.isIn(users) { return Self.error("User ID '\(id.str)' already exists.") }
            userMap.append((name, id))
            return .dict([
                (.string("added_status"), .bool(true)), (.string("user_id"), id), (.string("message"), .string("Contact '\(name.str)' added successfully.")),
            ])
        case "search_messages":
            guard currentUser.truthy else { return Self.notLoggedIn }
            guard let keyword = a["keyword"]!.stringValue?.lowercased() else {
                throw MultiTurnError("'\(a["keyword"]!.kind.rawValue)' object has no attribute 'lower'")
            }
            var results: [PyValue] = []
            for message in inbox {
                let (to, content) = try Self.first(message)
                guard let text = content.stringValue else { throw MultiTurnError("'\(content.kind.rawValue)' object has no attribute 'lower'") }
                if text.lowercased().contains(keyword) || keyword.isEmpty {
                    results.append(.dict([(.string("receiver_id"), to), (.string("message"), content)]))
                }
            }
            return .dict([(.string("results"), .list(results))])
        case "get_message_stats":
            guard currentUser.truthy else { return Self.notLoggedIn }
            var contacts: [PyValue] = []
            for message in inbox {
                let (to, _) = try Self.first(message)
                if !to.isIn(contacts) { contacts.append(to) }
            }
            return .dict([(.string("stats"), .dict([(.string("received_count"), .int(inbox.count)), (.string("total_contacts"), .int(contacts.count))]))])
        default:
            throw MultiTurnError("'MessageAPI' object has no attribute '\(method)'")
        }
    }
}

extension PythonRandom {
    /// `randint(a, b)`: `a + _randbelow(b - a + 1)`.
    mutating func randint(_ a: Int, _ b: Int) -> Int {
        a + below(b - a + 1)
    }
}
