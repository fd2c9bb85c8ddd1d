import BFCLMultiTurn
import Foundation
import OrderedJSON
import Testing

/// `decode_execute` for both answer modes, against what bfcl_eval's `default_decode_execute_prompting` and
/// `convert_to_function_call` return for the same inputs (cd9429cc).
@Suite struct MultiTurnDecodingTests {
    @Test(arguments: [
        ("[edit_ticket(ticket_id=1, updates={'priority': 2, 'title': 'x'}), lockDoors(unlock=False, door=['driver'])]",
         ["edit_ticket(ticket_id=1, updates={'priority': 2, 'title': 'x'})", "lockDoors(unlock=False, door=['driver'])"]),
        ("```\n[logout()]\n```", ["logout()"]),
        ("f(a=g(b=1), c=1.5, d=True)", ["f(a=g(b=1), c=1.5, d=True)"]),
    ])
    func promptSteps(_ text: String, _ expected: [String]) throws {
        #expect(try MultiTurnDecoding.calls(fromPrompt: text) == expected)
    }

    @Test func functionCallingSteps() throws {
        let items = try JSONTree.parse(Data(#"[{"fillFuelTank": "{\"fuelAmount\": 40.0}"}, {"lockDoors": "{\"unlock\": false, \"door\": [\"driver\"]}"}]"#.utf8))
        guard case .array(let calls) = items else { Issue.record("not a list"); return }
        #expect(try MultiTurnDecoding.calls(fromFunctionCalls: calls) == ["fillFuelTank(fuelAmount=40.0)", "lockDoors(unlock=False,door=['driver'])"])
    }
}
