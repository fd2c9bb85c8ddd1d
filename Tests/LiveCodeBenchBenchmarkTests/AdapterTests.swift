import Foundation
import LiveCodeBenchBenchmark
import ProctorCore
import ProctorRunner
import Testing

/// Reading the hub's increment files and the shared problems-only file.
struct AdapterTests {
    @Test func versionTagsSelectTheIncrementsAsTheHubScriptDoes() {
        #expect(LCBRelease.files(for: "release_v1") == ["test.jsonl"])
        #expect(LCBRelease.files(for: "release_v5") == ["test.jsonl", "test2.jsonl", "test3.jsonl", "test4.jsonl", "test5.jsonl"])
        #expect(LCBRelease.files(for: "release_latest") == LCBRelease.files)
        #expect(LCBRelease.files(for: "release_v6") == LCBRelease.files)
        #expect(LCBRelease.files(for: "v1") == ["test.jsonl"])
        #expect(LCBRelease.files(for: "v5") == ["test5.jsonl"])
        #expect(LCBRelease.files(for: "v2_v4") == ["test2.jsonl", "test3.jsonl", "test4.jsonl"])
        #expect(LCBRelease.files(for: "v4_v2") == nil)
        #expect(LCBRelease.files(for: "release_v7") == nil)
        #expect(LCBRelease.tags.count == 7 + 6)
        #expect(LCBRelease.tags.allSatisfy { LCBRelease.files(for: $0) != nil })
    }

    @Test func loadsTheIncrementsOfAVersion() throws {
        let adapter = LiveCodeBenchAdapter()
        let v1 = try adapter.load(split: "release_v1", from: LCBFixtures.location)
        #expect(v1.map(\.id) == ["fx_sum", "fx_avg"])
        let v2 = try adapter.load(split: "release_v2", from: LCBFixtures.location)
        #expect(v2.map(\.id) == ["fx_sum", "fx_avg", "9001"])
        #expect(try adapter.load(split: "v2", from: LCBFixtures.location).map(\.id) == ["9001"])
        let leetcode = try #require(v2.last)
        #expect(leetcode.fields["contest_date"] == .string("2025-01-31T19:30:00"))
        #expect(leetcode.fields["has_tests"] == .bool(true))
        #expect(leetcode.fields["metadata"] == .string(#"{"func_name": "addToEach"}"#))
        #expect(leetcode.categories == ["platform": "leetcode", "difficulty": "easy"])
        #expect(leetcode.messages.map(\.role) == [.system, .user])
        #expect(leetcode.messages[1].text.contains("```python\nclass Solution:\n    def addToEach"))
        #expect(adapter.availability(split: "release_v2", from: LCBFixtures.location).items == 3)
    }

    @Test func aVersionWithMissingIncrementsNamesThem() {
        #expect {
            _ = try LiveCodeBenchAdapter().load(split: "release_v3", from: LCBFixtures.location)
        } throws: { error in
            let message = (error as? ProctorError)?.message ?? ""
            return message.contains("lacks test3.jsonl") && message.contains("proctor fetch livecodebench:release_v3")
        }
        #expect(throws: ProctorError.self) { _ = try LiveCodeBenchAdapter().load(split: "release_v9", from: LCBFixtures.location) }
    }

    @Test func aMalformedLineIsNamed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lcb-bad-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("livecodebench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let good = try String(contentsOf: LCBFixtures.root.appendingPathComponent("livecodebench/test.jsonl"), encoding: .utf8)
        try (good + "{\"question_id\": 3}\n").write(to: folder.appendingPathComponent("test.jsonl"), atomically: true, encoding: .utf8)
        #expect {
            _ = try LiveCodeBenchAdapter().load(split: "release_v1", from: DataLocation(root: root, hubCache: nil))
        } throws: { ($0 as? ProctorError)?.message.contains("test.jsonl:3:") == true }
    }

    @Test(.enabled(if: LCBFixtures.hasShared, "needs ../shared/data/livecodebench"))
    func theSharedProblemsOnlyFileIsReleaseV5WithoutTests() throws {
        let items = try LiveCodeBenchAdapter().load(split: "release_v5", from: LCBFixtures.shared)
        #expect(items.count == 880)
        #expect(Set(items.map(\.id)).count == 880)
        #expect(items.allSatisfy { $0.fields["has_tests"] == .bool(false) && $0.fields["contest_date"] != nil })
        let loaded = LoadedSplit(items: items)
        let window = try ItemSelection(dateField: LiveCodeBenchBenchmark.definition.dateField, startDate: "2024-08-01", endDate: "2025-01-31")
            .apply(loaded, benchmark: "livecodebench:release_v5")
        #expect(window.items.count == 279)
        let found = LiveCodeBenchAdapter().availability(split: "release_v5", from: LCBFixtures.shared)
        #expect(found.items == 880)
        #expect(found.source?.contains("problems only") == true)
        // Other versions need the hub's files.
        #expect(throws: ProctorError.self) { _ = try LiveCodeBenchAdapter().load(split: "release_v6", from: LCBFixtures.shared) }
    }
}

/// The prompts equal what the official `format_prompt_generation` returns (Fixtures/official-prompts.json).
@Suite(.enabled(if: LCBFixtures.hasShared, "needs ../shared/data/livecodebench (the problems and few-shot files)"))
struct PromptTests {
    struct Golden: Decodable {
        struct Message: Decodable, Equatable {
            var role: String
            var content: String
        }
        var questionID: String
        var prompts: [String: [Message]]
        enum CodingKeys: String, CodingKey { case questionID = "question_id", prompts }
    }

    @Test(arguments: LCBPromptStyle.allCases)
    func promptsMatchTheOfficialBuilder(_ style: LCBPromptStyle) throws {
        let data = try Data(contentsOf: LCBFixtures.root.appendingPathComponent("official-prompts.json"))
        let goldens = try JSONDecoder().decode([Golden].self, from: data)
        #expect(goldens.count == 3)
        let items = Dictionary(uniqueKeysWithValues: try LiveCodeBenchAdapter(style: style).load(split: "release_v5", from: LCBFixtures.shared).map { ($0.id, $0) })
        for golden in goldens {
            let item = try #require(items[golden.questionID])
            let expected = try #require(golden.prompts[style.rawValue])
            let got = item.messages.map { Golden.Message(role: $0.role.rawValue, content: $0.text) }
            #expect(got == expected, "\(golden.questionID) \(style.rawValue)")
            #expect(item.promptTemplate == style.templateID)
        }
    }

    @Test func theVariantsAreTheDefinitionsPromptStyles() {
        #expect(LiveCodeBenchBenchmark.definition.promptStyles == ["official", "base", "oai-reason", "oai-reason-preview"])
    }
}
