import BFCLMultiTurn
import Foundation
import FunctionCallChecks
import OrderedJSON
import ProctorCore
import ProctorTestSupport
import Testing

/// The Swift simulators against the official ones: every multi-turn entry (all four categories; VehicleControlAPI
/// and GorillaFileSystem: three) involving the class, its ground-truth calls to that class executed on the entry's
/// initial state, each call's result text and the final state compared with bfcl_eval's own. The fixtures
/// (`Fixtures/official-<class>-traces.jsonl`, written by `benchmarks/bfcl/multi-turn-traces.py` with gorilla
/// cd9429cc's simulators) hold SHA-256 prefixes of
/// the official results and of the final state's canonical JSON, not the data itself; the calls are read from the
/// v3 possible answers.
@Suite struct MultiTurnAPITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let data = Fixtures.sharedData.appendingPathComponent("bfcl/v3")
    static let available = FileManager.default.fileExists(atPath: data.path)

    static func lines(_ name: String) throws -> [String: JSONTree] {
        var out: [String: JSONTree] = [:]
        for line in try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
            let tree = try JSONTree.parse(Data(line.utf8))
            if let id = tree["id"]?.string { out[id] = tree }
        }
        return out
    }

    /// The first 16 hex digits of the SHA-256 of a text's UTF-8 bytes.
    static func digest(_ text: String) -> String { String(SHA256.hex(Data(text.utf8)).prefix(16)) }

    /// `json.dumps(value, sort_keys=True, separators=(',', ':'))` of the state as the fixture's writer shapes it:
    /// sets as sorted lists, every key as its `str()`.
    static func canonical(_ value: PyValue) -> String {
        switch value {
        case .set(let items):
            return canonical(.list(items.sorted { ($0.number ?? 0, $0.description) < ($1.number ?? 0, $1.description) }))
        case .list(let items), .tuple(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .dict(let members):
            let sorted = members.map { ($0.key.str, $0.value) }.sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
            return "{" + sorted.map { PyValue.string($0.0).jsonDumps + ":" + canonical($0.1) }.joined(separator: ",") + "}"
        default: return value.jsonDumps
        }
    }

    @Test(.enabled(if: available, "needs ../shared/data/bfcl/v3"), arguments: [
        ("TicketAPI", "ticket"), ("MessageAPI", "message"), ("VehicleControlAPI", "vehicle"), ("TwitterAPI", "twitter"),
        ("GorillaFileSystem", "filesystem"), ("TravelAPI", "travel"),
        ("TradingBot", "trading"),
    ])
    func groundTruthTracesEqualTheOfficialSimulators(className: String, file: String) throws {
        var entries: [String: [String: JSONTree]] = [:]
        var answers: [String: [String: JSONTree]] = [:]
        var mismatches: [String] = []
        var calls = 0
        var traces = 0
        let methods = try #require(MultiTurnExecutor.available.first { $0.className == className }).methods
        let fixture = Self.fixtures.appendingPathComponent("official-\(file)-traces.jsonl")
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") {
            let record = try JSONTree.parse(Data(line.utf8))
            let category = try #require(record["category"]?.string), id = try #require(record["id"]?.string)
            if entries[category] == nil {
                entries[category] = try Self.lines("BFCL_v3_\(category).json")
                answers[category] = try Self.lines("possible_answer/BFCL_v3_\(category).json")
            }
            let entry = try #require(entries[category]?[id]), answer = try #require(answers[category]?[id])
            guard case .array(let turns)? = answer["ground_truth"], case .array(let expected)? = record["results"] else {
                Issue.record("\(id): malformed fixture line or answer")
                continue
            }
            let texts = turns.flatMap { turn -> [String] in if case .array(let c) = turn { c.compactMap(\.string) } else { [] } }
                .filter { methods[String($0.prefix { $0 != "(" })] != nil }
            #expect(texts.count == record["calls"]?.int, "\(id): the class's ground-truth calls")
            let config = PyValue(json: try #require(entry["initial_config"]))
            var executor = try MultiTurnExecutor(classes: [className], initialConfig: config, longContext: category.hasSuffix("long_context"))
            let results = executor.execute(texts)
            for (index, (ours, theirs)) in zip(results, expected.compactMap(\.string)).enumerated() where Self.digest(ours) != theirs {
                mismatches.append("\(id) call \(index) \(texts[index]): Proctor \(ours.prefix(200))")
            }
            let state = Self.canonical(try #require(executor.instances[className]).state)
            if Self.digest(state) != record["state"]?.string {
                mismatches.append("\(id): final state differs; Proctor \(state.prefix(300))")
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
        #expect(throws: MultiTurnError.self) { try MultiTurnExecutor(classes: ["MathAPI"], initialConfig: .dict([]), longContext: false) }
    }
}
