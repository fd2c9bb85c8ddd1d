import Foundation
import InstructionChecks
import ProctorCore
import Testing

/// Hand-written cases for every quirk of the official checker, with the official checker's own answers
/// (`Fixtures/cases.jsonl`, regenerated from `cases.in.jsonl` by `Fixtures/make-cases.py` running google-research's
/// `instruction_following_eval`).
struct OfficialCaseTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var kwargs: [String: JSONValue]
        var response: String
        var note: String
        var raw: Bool
        var strict: Bool
        var loose: Bool

        var testDescription: String { "\(id): \(note)" }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cases.jsonl")
        return (try? JSONLines.decode(Case.self, from: url).map(\.value)) ?? []
    }()

    @Test func theFixtureCoversEveryInstructionOfTheDataset() {
        #expect(Set(Self.cases.map(\.id)) == Set(InstructionCheck.supportedIDs), "cases.jsonl lacks some ids (or could not be read)")
        #expect(InstructionCheck.supportedIDs.count == 25)
    }

    @Test(arguments: cases)
    func verdictsMatchTheOfficialChecker(_ example: Case) throws {
        let check = try InstructionCheck(id: example.id, kwargs: example.kwargs)
        #expect(check.isFollowed(by: example.response) == example.raw, "check_following")
        let result = check.evaluate(ResponseVariants(example.response))
        #expect(result.strict == example.strict, "strict")
        #expect(result.loose == example.loose, "loose")
        #expect(result.id == example.id)
    }
}
