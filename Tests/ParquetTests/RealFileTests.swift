import Foundation
import Parquet
import ProctorCore
import Testing

/// The real hub files in ../shared/data (skipped with a message when the shared data is absent).
@Suite struct RealFileTests {
    static let subjects = ["Accounting", "Economics", "Finance", "Manage", "Marketing"]

    @Test(.enabled(if: SharedData.exists("mmmu"), "../shared/data/mmmu is absent"), arguments: subjects)
    func mmmuValidation(subject: String) throws {
        let file = try ParquetFile(path: SharedData.path("mmmu/\(subject)/validation-00000-of-00001.parquet"))
        #expect(file.rowCount == 30)
        let rows = try file.readRows()
        #expect(rows.count == 30)
        for (index, row) in rows.enumerated() {
            #expect(row["id"]?.stringValue == "validation_\(subject)_\(index + 1)")
            #expect(row["question"]?.stringValue?.isEmpty == false)
            #expect(row["options"]?.stringValue?.hasPrefix("[") == true)
            let png = try #require(row["image_1"]?["bytes"]?.bytesValue)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(row["image_1"]?["path"] != nil)
            #expect(row["image_7"] == .null)
        }
    }

    @Test(.enabled(if: SharedData.exists("mmmu"), "../shared/data/mmmu is absent"), arguments: subjects)
    func mmmuColumnAPIAgreesWithRows(subject: String) throws {
        let file = try ParquetFile(path: SharedData.path("mmmu/\(subject)/validation-00000-of-00001.parquet"))
        let ids = try file.readColumnValues("id")
        let bytes = try file.readColumnValues("image_1.bytes")
        let rows = try file.readRows(columns: ["id", "image_1"])
        #expect(ids == rows.map { $0["id"] })
        #expect(bytes == rows.map { $0["image_1"]?["bytes"] })
    }

    @Test(.enabled(if: SharedData.exists("aime2024"), "../shared/data/aime2024 is absent"),
          arguments: ["aime2024/aime24.parquet", "aime2025/aime25.parquet"])
    func aimeVerl(path: String) throws {
        let file = try ParquetFile(path: SharedData.path(path))
        let rows = try file.readRows()
        #expect(rows.count == 30)
        for row in rows {
            let prompt = try #require(row["prompt"]?.listValue)
            #expect(prompt.count == 1)
            #expect(prompt.first?["role"]?.stringValue == "user")
            #expect(prompt.first?["content"]?.stringValue?.isEmpty == false)
            #expect(row["reward_model"]?["ground_truth"]?.stringValue?.isEmpty == false)
        }
    }

    /// Every value of every row agrees with what pyarrow read (Fixtures/real-files.json holds digests).
    @Test(.enabled(if: SharedData.exists("mmmu"), "../shared/data is absent"))
    func agreesWithPyarrow() throws {
        let expected = try #require(JSONComparison.fixture("real-files.json").objectValue)
        #expect(expected.count == 7)
        for (path, rows) in expected.sorted(by: { $0.key < $1.key }) where SharedData.exists(path) {
            let wanted = try #require(rows.arrayValue)
            let got = try ParquetFile(path: SharedData.path(path)).readRows()
            #expect(got.count == wanted.count, "\(path)")
            for (index, (row, want)) in zip(got, wanted).enumerated() {
                let digest = JSONValue.object(row.values.mapValues(JSONComparison.digest))
                #expect(JSONComparison.equal(digest, want), "\(path) row \(index)")
            }
        }
    }
}
