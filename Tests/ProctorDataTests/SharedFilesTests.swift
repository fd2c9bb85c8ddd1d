import Foundation
import Parquet
import ProctorCore
import ProctorData
import Testing

/// The shared files no adapter reads as its source, checked against the items the adapters build.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data"))
struct SharedFilesTests {
    /// The `reward_model.ground_truth` answers of a verl-format Parquet file (SkyworkAI/Skywork-OR1 or1_data/eval).
    func verlAnswers(_ path: String) throws -> [String] {
        var answers: [String] = []
        try HubParquet.forEachRow([SharedData.file(path)], columns: ["reward_model"]) { _, row in
            answers.append(row["reward_model"]?["ground_truth"]?.stringValue ?? "")
        }
        return answers
    }

    func normalized(_ answer: String) -> String {
        String(Int(answer) ?? -1)
    }

    // Skywork-OR1's verl copies hold the same 30 answers as the JSONL copies the adapters read (in another order);
    // PROVENANCE.md notes one difference: II-5 of 2025 written `336^\circ`.
    @Test func verlParquetAnswersAgreeWithTheAdapters() throws {
        let aime24 = try AIME2024Adapter().load(split: "test", from: SharedData.location).map { normalized($0.answer) }
        #expect(try verlAnswers("aime2024/aime24.parquet").map(normalized).sorted() == aime24.sorted())
        let aime25 = try AIME2025Adapter().load(split: "test", from: SharedData.location).map { normalized($0.answer) }
        let verl25 = try verlAnswers("aime2025/aime25.parquet")
        #expect(verl25.filter { Int($0) == nil } == ["336^\\circ"])
        #expect(verl25.map { normalized($0.replacingOccurrences(of: "^\\circ", with: "")) }.sorted() == aime25.sorted())
    }

    @Test func aime2025CopiesAgree() throws {
        let exams = try AIME2025Adapter().load(split: "test", from: SharedData.location)
        #expect(exams.map(\.id).prefix(2) == ["I-1", "I-2"])
        let dump = try JSONLines.decode([String: JSONValue].self, from: SharedData.file("aime2025/test.jsonl"))
        #expect(dump.map { normalized($0.value["answer"]?.stringValue ?? "") } == exams.map { normalized($0.answer) })
    }

    @Test func mathVistaAnnotationsCoverTestmini() throws {
        let testmini = try JSONFile.object(SharedData.file("mathvista/testmini.json"))
        // Python's json wrote NaN for some missing values; JSON has no NaN, so read them as null.
        let text = try String(contentsOf: SharedData.file("mathvista/annot_testmini.json"), encoding: .utf8)
        let annotations = try #require(try JSONDecoder().decode(
            JSONValue.self, from: Data(text.replacingOccurrences(of: ": NaN", with: ": null").utf8)).objectValue)
        #expect(Set(annotations.keys) == Set(testmini.keys))
        let sources = try JSONFile.object(SharedData.file("mathvista/source.json"))
        #expect(sources.count == 31)
        let used = Set(testmini.values.compactMap { $0["metadata"]?["source"]?.stringValue })
        #expect(used.isSubset(of: Set(sources.keys)))
    }
}
