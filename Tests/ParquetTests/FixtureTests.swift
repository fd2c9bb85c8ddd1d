import Foundation
import Parquet
import ProctorCore
import Testing

/// Files written by pyarrow with every codec, page version and encoding (see Fixtures/make_fixtures.py), each
/// holding the same 45-row table in 3 row groups with small pages; Proctor must read back what pyarrow reads.
@Suite struct FixtureTests {
    static let files = [
        "codec-none-v1", "codec-none-v2", "codec-snappy-v1", "codec-snappy-v2", "codec-zstd-v1", "codec-zstd-v2",
        "codec-gzip-v1", "codec-gzip-v2", "legacy-format-1.0", "plain-v1", "plain-v2", "delta-v1", "delta-v2",
    ]

    @Test(arguments: files)
    func readsWhatPyarrowWrote(name: String) throws {
        let expected = try #require(JSONComparison.fixture("expected.json")["rows"]?.arrayValue)
        let file = try ParquetFile(path: SharedData.fixtures.appendingPathComponent("\(name).parquet").path)
        #expect(file.rowGroupCount == 3)
        let rows = try file.readRows()
        #expect(rows.count == expected.count)
        for (index, (row, want)) in zip(rows, expected).enumerated() {
            #expect(JSONComparison.equal(row.jsonValue, want), "row \(index): \(row.jsonValue) != \(want)")
        }
    }

    @Test func theGeneratorListsEveryFixture() throws {
        let listed = try #require(JSONComparison.fixture("expected.json")["files"]?.arrayValue)
        #expect(Set(listed.compactMap(\.stringValue)) == Set(Self.files.map { "\($0).parquet" }))
    }

    @Test func rowGroupsAndProjection() throws {
        let file = try ParquetFile(path: SharedData.fixtures.appendingPathComponent("codec-zstd-v2.parquet").path)
        #expect((0..<3).map { file.rowCount(rowGroup: $0) } == [20, 20, 5])
        let rows = try file.readRows(rowGroup: 2, columns: ["i32", "tags"])
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.fieldNames == ["i32", "tags"] && $0["name"] == nil })
        let column = try file.readColumn("tags.list.element", rowGroup: 0)
        #expect(column.descriptor.maxRepetitionLevel == 1)
        #expect(column.descriptor.maxDefinitionLevel == 3)
        #expect(column.repetitionLevels.count == column.definitionLevels.count)
    }

    @Test func emptyFile() throws {
        let file = try ParquetFile(path: SharedData.fixtures.appendingPathComponent("empty.parquet").path)
        #expect(file.rowCount == 0)
        #expect(try file.readRows().isEmpty)
        #expect(try file.readColumnValues("i32").isEmpty)
        #expect(file.schema.fields.count == 11)
    }

    @Test func unknownNamesAreClearErrors() throws {
        let file = try ParquetFile(path: SharedData.fixtures.appendingPathComponent("plain-v1.parquet").path)
        #expect { try file.readRows(columns: ["nope"]) } throws: { error in
            (error as? ProctorError)?.message.contains("no field 'nope'") == true
        }
        #expect { try file.readRows(columns: []) } throws: { error in
            (error as? ProctorError)?.code == .invalidArgument
        }
        #expect { try file.readColumn("i32", rowGroup: 7) } throws: { error in
            (error as? ProctorError)?.code == .invalidArgument
        }
        #expect { try ParquetFile(path: "/nonexistent/x.parquet") } throws: { error in
            (error as? ProctorError)?.code == .notFound
        }
    }
}
