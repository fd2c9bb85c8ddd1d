import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorTestSupport
import Testing

struct RegistryTests {
    @Test func namesAreUniqueAndEveryDefaultSplitResolves() throws {
        let names = BenchmarkRegistry.definitions.map(\.name)
        #expect(Set(names).count == names.count, "a benchmark name appears twice: \(names)")
        for definition in BenchmarkRegistry.definitions {
            let resolved = try BenchmarkRegistry.resolve(definition.name)
            #expect(resolved.name.split == definition.defaultSplit)
            #expect(!definition.metrics.isEmpty)
            #expect(definition.promptStyles.first == PromptStyle.official)
        }
        let suiteNames = BenchmarkRegistry.suites.map(\.name)
        #expect(Set(suiteNames).isDisjoint(with: names), "a suite shares its name with a benchmark")
        for suite in BenchmarkRegistry.suites {
            for member in suite.members {
                #expect(throws: Never.self, "suite \(suite.name) names \(member)") { _ = try BenchmarkRegistry.resolve(member) }
            }
        }
    }

    @Test func unknownNamesAndSplitsListWhatIsKnown() {
        #expect {
            _ = try BenchmarkRegistry.resolve("aime23")
        } throws: { ($0 as? ProctorError)?.message.contains("aime24") == true }
        #expect {
            _ = try BenchmarkRegistry.resolve("math500:train")
        } throws: { ($0 as? ProctorError)?.message.contains("its splits: test") == true }
    }

    @Test func listsExpandSuitesAndDropRepeats() throws {
        let list = try BenchmarkRegistry.resolveList("aime24, math500,aime24:test")
        #expect(list.map(\.name.description) == ["aime24:test", "math500:test"])
    }

    @Test func presetsComeFromTheSharedListAndBenchmarksCanOverrideThem() throws {
        let benchmarks = try BenchmarkRegistry.resolveList("aime24")
        #expect(try BenchmarkRegistry.preset("r1", for: benchmarks).temperature == 0.6)
        #expect(throws: ProctorError.self) { try BenchmarkRegistry.preset("nope", for: benchmarks) }
        var own = benchmarks[0]
        own.definition.presets["r1"] = GenerationPreset(temperature: 1.0)
        #expect(try BenchmarkRegistry.preset("r1", for: [own]).temperature == 1.0)
        var other = own
        other.definition.presets["r1"] = GenerationPreset(temperature: 0.2)
        #expect(throws: ProctorError.self) { try BenchmarkRegistry.preset("r1", for: [own, other]) }
    }

    /// Each definition's local folder is where its adapter actually finds the shared copy: `fetch`/`list` and the
    /// adapter cannot drift apart.
    @Test(.enabled(if: Fixtures.hasSharedData, "needs ../shared/data (the benchmark files)"))
    func localFoldersAreWhereTheAdaptersRead() {
        let location = DataLocation(root: Fixtures.sharedData, hubCache: nil)
        for definition in BenchmarkRegistry.definitions where definition.unavailableReason == nil {
            let folder = Fixtures.sharedData.appendingPathComponent(definition.sources.localFolder)
            guard FileManager.default.fileExists(atPath: folder.path) else {
                Issue.record("\(definition.name): ../shared/data has no folder \(definition.sources.localFolder)")
                continue
            }
            let found = definition.adapter.availability(split: definition.defaultSplit, from: location)
            #expect(found.source?.contains("/\(definition.sources.localFolder)") == true, "\(definition.name) found \(found.source ?? "nothing")")
        }
    }

    @Test func everyHubSourceWantsSomeFileName() {
        for definition in BenchmarkRegistry.definitions {
            for hub in definition.sources.hub {
                #expect(hub.dataset.split(separator: "/").count == 2, "\(definition.name): \(hub.dataset)")
            }
        }
        let math = BenchmarkRegistry.definitions.first { $0.name == "math500" }?.sources.hub.first
        #expect(math?.wants("test.jsonl") == true)
        #expect(math?.wants("README.md") == false)
        #expect(BenchmarkRegistry.definitions.first { $0.name == "gpqa" }?.sources.hub.first?.gated == true)
    }
}
