import EngineThreads
import Foundation
import Testing

/// The default thread count: physical cores from a described sysfs tree, the logical count when it is unreadable.
struct ProcessorTopologyTests {
    /// Writes a sysfs-like CPU folder: `cores[i]` is the (package, core) of logical CPU i.
    static func machine(online: String, cores: [(Int, Int)]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-cpus-\(UUID().uuidString)").path
        for (cpu, (package, core)) in cores.enumerated() {
            let topology = "\(folder)/cpu\(cpu)/topology"
            try FileManager.default.createDirectory(atPath: topology, withIntermediateDirectories: true)
            try "\(package)\n".write(toFile: topology + "/physical_package_id", atomically: true, encoding: .utf8)
            try "\(core)\n".write(toFile: topology + "/core_id", atomically: true, encoding: .utf8)
        }
        try (online + "\n").write(toFile: folder + "/online", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func hyperThreadsCountOncePerCore() throws {
        // Two packages of two cores, two threads each: 8 logical CPUs, 4 physical cores.
        let folder = try Self.machine(online: "0-7", cores: [(0, 0), (0, 1), (1, 0), (1, 1), (0, 0), (0, 1), (1, 0), (1, 1)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ProcessorTopology.physicalCoreCount(cpuFolder: folder, logicalCount: 8) == 4)
        // An affinity mask of 3 CPUs caps it.
        #expect(ProcessorTopology.physicalCoreCount(cpuFolder: folder, logicalCount: 3) == 3)
    }

    @Test func onlyOnlineCPUsCount() throws {
        let folder = try Self.machine(online: "0,2", cores: [(0, 0), (0, 1), (0, 2), (0, 3)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ProcessorTopology.physicalCoreCount(cpuFolder: folder, logicalCount: 4) == 2)
    }

    @Test func unreadableTopologyFallsBackToLogicalProcessors() throws {
        #expect(ProcessorTopology.physicalCoreCount(cpuFolder: "/nonexistent/cpu", logicalCount: 6) == 6)
        // A listed CPU without topology files: the logical count, not a guess.
        let folder = try Self.machine(online: "0-2", cores: [(0, 0), (0, 1)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ProcessorTopology.physicalCoreCount(cpuFolder: folder, logicalCount: 3) == 3)
    }

    @Test func thisMachineHasAtLeastOneCoreAndNoMoreThanItsProcessors() {
        let count = ProcessorTopology.physicalCoreCount()
        #expect(count >= 1 && count <= ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test func poolSharesCoverTheRangeOnce() throws {
        let pool = try ThreadPool(threads: 3)
        #expect(pool.threads == 3)
        let ranges = (0..<3).map { ThreadPool.share(100, $0, 3, granule: 8) }
        #expect(ranges.flatMap { Array($0) } == Array(0..<100))
    }
}
