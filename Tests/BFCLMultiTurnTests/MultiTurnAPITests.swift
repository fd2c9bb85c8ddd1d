import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorTestSupport
import Testing

/// The Swift simulators against the official ones: every multi-turn entry (all four categories) involving the
/// class, its ground-truth calls to that class executed on the entry's initial state, each call's result and the
/// final state compared with bfcl_eval's own (`Fixtures/official-<class>-traces.jsonl`, written by gorilla
/// cd9429cc's `ticket_api.py` / `message_api.py`; the calls come from the v3 possible answers).
@Suite struct MultiTurnAPITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let data = Fixtures.sharedData.appendingPathComponent("bfcl/v3")
    static let available = FileManager.default.fileExists(atPath: data.path)

    static func entries(_ category: String) throws -> [String: JSONTree] {
        var out: [String: JSONTree] = [:]
        for line in try String(contentsOf: data.appendingPathComponent("BFCL_v3_\(category).json"), encoding: .utf8).split(separator: "\n") {
            let tree = try JSONTree.parse(Data(line.utf8))
            if let id = tree["id"]?.string { out[id] = tree }
        }
        return out
    }

    /// Sets as the fixture writes them: sorted lists.
    static func jsonShaped(_ value: PyValue) -> PyValue {
        switch value {
        case .set(let items): .list(items.sorted { ($0.number ?? 0, $0.description) < ($1.number ?? 0, $1.description) })
        case .list(let items): .list(items.map(jsonShaped))
        // json.dumps writes every key as a string (`1` → "1", `True` → "true").
        case .dict(let members): .dict(members.map { (.string($0.key.stringValue ?? $0.key.jsonDumps), jsonShaped($0.value)) })
        default: value
        }
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"), arguments: [("TicketAPI", "ticket"), ("MessageAPI", "message"), ("VehicleControlAPI", "vehicle"), ("TwitterAPI", "twitter"), ("GorillaFileSystem", "filesystem")])
    func groundTruthTracesEqualTheOfficialSimulators(className: String, file: String) throws {
        var entries: [String: [String: JSONTree]] = [:]
        var mismatches: [String] = []
        var calls = 0
        var traces = 0
        let fixture = Self.fixtures.appendingPathComponent("official-\(file)-traces.jsonl")
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if entries[category] == nil { entries[category] = try Self.entries(category) }
            let entry = try #require(entries[category]?[id])
            let config = PyValue(json: try #require(entry["initial_config"]))
            var executor = try MultiTurnExecutor(classes: [className], initialConfig: config, longContext: category.hasSuffix("long_context"))
            guard case .array(let texts)? = record["calls"], case .array(let expected)? = record["results"] else {
                Issue.record("\(id): malformed fixture line")
                continue
            }
            let results = executor.execute(texts.compactMap(\.string))
            for (index, (ours, theirs)) in zip(results, expected.compactMap(\.string)).enumerated() where ours != theirs {
                mismatches.append("\(id) call \(index) \(texts[index].string ?? ""): official \(theirs), Proctor \(ours)")
            }
            let state = Self.jsonShaped(try #require(executor.instances[className]).state)
            if state != PyValue(json: try #require(record["state"])) {
                mismatches.append("\(id): final state official \(PyValue(json: record["state"]!)), Proctor \(state)")
            }
            calls += results.count
            traces += 1
        }
        #expect(traces > 100 && calls > 100, "\(className): \(traces) traces, \(calls) calls")
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(8).joined(separator: "\n"))")
    }

    /// Errors and Python's argument rules, by hand.
    @Test func argumentErrorsAndAuthentication() throws {
        var executor = try MultiTurnExecutor(classes: ["TicketAPI"], initialConfig: .dict([]), longContext: false)
        #expect(executor.execute("create_ticket(title='x')") == #"{"error": "User not authenticated. Please log in to create a ticket."}"#)
        #expect(executor.execute("ticket_login(username='u', password='p')") == #"{"success": true}"#)
        #expect(executor.execute("create_ticket(title='Printer', priority=9)") == #"{"error": "Invalid priority. Priority must be between 1 and 5."}"#)
        #expect(executor.execute("create_ticket('Printer', 'jammed', 5)")
                    == #"{"id": 1, "title": "Printer", "description": "jammed", "status": "Open", "priority": 5, "created_by": "u"}"#)
        #expect(executor.execute("create_ticket(name='x')") == "Error during execution: TicketAPI.create_ticket() got an unexpected keyword argument 'name'")
        #expect(executor.execute("resolve_ticket(ticket_id=1)")
                    == "Error during execution: TicketAPI.resolve_ticket() missing 1 required positional argument: 'resolution'")
        #expect(executor.execute("get_user_tickets(status='open')").hasPrefix("[{'id': 1, 'title': 'Printer'"))
        #expect(executor.execute("cd(folder='x')") == "Error during execution: name 'cd' is not defined")
        #expect(throws: MultiTurnError.self) { try MultiTurnExecutor(classes: ["TravelAPI"], initialConfig: .dict([]), longContext: false) }
    }
}
