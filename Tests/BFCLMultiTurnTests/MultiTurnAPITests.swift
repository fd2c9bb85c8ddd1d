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
        ("TicketAPI", "ticket", 124), ("MessageAPI", "message", 160), ("VehicleControlAPI", "vehicle", 150), ("TwitterAPI", "twitter", 156),
        ("GorillaFileSystem", "filesystem", 150), ("TravelAPI", "travel", 200), ("TradingBot", "trading", 150), ("MathAPI", "math", 100),
    ])
    func groundTruthTracesEqualTheOfficialSimulators(className: String, file: String, expectedTraces: Int) throws {
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
        #expect(traces == expectedTraces && calls > 50, "\(className): \(traces) traces, \(calls) calls")
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
        #expect(throws: MultiTurnError.self) { try MultiTurnExecutor(classes: ["WeatherAPI"], initialConfig: .dict([]), longContext: false) }
    }

    /// MathAPI beyond the ground truth (which calls only `mean`, `standard_deviation` and `logarithm`): each
    /// expected text is what bfcl_eval's `math_api.py` printed for the call (CPython 3.11.7, mpmath 1.3.0) through
    /// the executor's `json.dumps`-else-`str()` rule.
    @Test(arguments: [
        ("logarithm(value=2, base=3, precision=20)", "{'result': mpf('0.63092975357145743709863')}"),
        ("logarithm(value=0.001, base=10, precision=3)", "{'result': mpf('-3.0')}"),
        ("logarithm(value=1e20, base=2, precision=15)", "{'result': mpf('66.438561897747249')}"),
        ("logarithm(value=1, base=10, precision=5)", "{'result': mpf('0.0')}"),
        ("logarithm(value=5, base=1, precision=5)", #"{"error": ""}"#),
        ("logarithm(value=0, base=10, precision=5)", "{'result': mpf('-inf')}"),
        ("logarithm(value=123456.789, base=2.5, precision=40)", "{'result': mpf('12.79467976632991487817543774562471150266029')}"),
        ("logarithm(value=2, base=3, precision=1)", "{'result': mpf('0.6328')}"),
        ("logarithm(value=2, base=3, precision=0)", "{'result': mpf('0.75')}"),
        ("square_root(number=2, precision=10)", "{'result': Decimal('1.414213562')}"),
        ("square_root(number=16, precision=5)", "{'result': Decimal('4')}"),
        ("square_root(number=0.0001, precision=3)", "{'result': Decimal('0.0100')}"),
        ("square_root(number=2.25, precision=28)", "{'result': Decimal('1.5')}"),
        ("square_root(number=1e-10, precision=4)", "{'result': Decimal('0.00001000')}"),
        ("square_root(number=1e22, precision=3)", "{'result': Decimal('1.00E+11')}"),
        ("square_root(number=0.1, precision=30)", "{'result': Decimal('0.316227766016837941976973025885')}"),
        ("square_root(number=99.99, precision=2)", "{'result': Decimal('10')}"),
        ("square_root(number=-4, precision=2)", #"{"error": "Cannot calculate square root of a negative number"}"#),
        ("mean(numbers=[3,16,60])", #"{"result": 26.333333333333332}"#),
        ("standard_deviation(numbers=[100, 95, 85, 90, 88, 92])", #"{"result": 4.85340659285368}"#),
        (#"si_unit_conversion(value=5, unit_in="km", unit_out="um")"#, #"{"result": 5000000000.0}"#),
        (#"imperial_si_conversion(value=100, unit_in="celsius", unit_out="fahrenheit")"#, #"{"result": 212.0}"#),
        (#"imperial_si_conversion(value=3, unit_in="kg", unit_out="oz")"#, #"{"error": "Conversion from 'kg' to 'oz' is not supported"}"#),
        ("power(base=2, exponent=-2)", #"{"result": 0.25}"#),
        ("round_number(number=2.675, decimal_places=2)", #"{"result": 2.67}"#),
        ("round_number(number=1234, decimal_places=-2)", #"{"result": 1200}"#),
        ("percentage(part=1, whole=3)", #"{"result": 33.33333333333333}"#),
        ("min_value(numbers=[3, 2.0, 2])", #"{"result": 2.0}"#),
        ("max_value(numbers=[])", #"{"error": "Cannot find maximum of an empty list"}"#),
        ("sum_values(numbers=[1, 2.5, 3])", #"{"result": 6.5}"#),
        ("divide(a=1, b=0)", #"{"error": "Cannot divide by zero"}"#),
        (#"add(a="x", b=1)"#, #"{"error": "Both inputs must be numbers"}"#),
        ("absolute_value(number=-3.5)", #"{"result": 3.5}"#),
        ("multiply(a=3, b=True)", #"{"result": 3}"#),
    ])
    func mathAPIPrintsWhatPythonPrints(call: String, expected: String) throws {
        var executor = try MultiTurnExecutor(classes: ["MathAPI"], initialConfig: .dict([]), longContext: false)
        #expect(executor.execute(call) == expected)
    }
}
