import Foundation

/// How many threads the engine should use by default: one per physical core.
///
/// Hyper-threads share a core's floating-point units and caches, so the engine's matrix kernels gain nothing from
/// a second thread per core and lose to the extra synchronisation. Linux describes each logical CPU in
/// `/sys/devices/system/cpu/cpuN/topology` (`physical_package_id`, `core_id`); the physical cores are the distinct
/// (package, core) pairs among the online CPUs this process may run on.
public enum ProcessorTopology {
    /// The number of physical cores, or the logical processor count when the topology cannot be read.
    ///
    /// - Parameters:
    ///   - cpuFolder: The sysfs CPU folder (a parameter so that tests can describe a machine).
    ///   - logicalCount: The logical processors this process may use (the fallback, and an upper bound).
    /// - Returns: At least 1.
    public static func physicalCoreCount(
        cpuFolder: String = "/sys/devices/system/cpu",
        logicalCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Int {
        let logical = max(1, logicalCount)
        guard let online = try? String(contentsOfFile: cpuFolder + "/online", encoding: .utf8),
              let cpus = cpuList(online), !cpus.isEmpty else { return logical }
        var cores = Set<String>()
        for cpu in cpus {
            let topology = "\(cpuFolder)/cpu\(cpu)/topology/"
            guard let package = try? String(contentsOfFile: topology + "physical_package_id", encoding: .utf8),
                  let core = try? String(contentsOfFile: topology + "core_id", encoding: .utf8) else { return logical }
            cores.insert(package.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + core.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Fewer logical CPUs than cores (a CPU affinity mask or a container limit): that many threads at most.
        return max(1, min(cores.count, logical))
    }

    /// The CPUs of a sysfs list such as `0-3,8-11` or `5`.
    ///
    /// - Returns: The numbers, or nil when the text is not a CPU list.
    static func cpuList(_ text: String) -> [Int]? {
        var cpus: [Int] = []
        for part in text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0) }
            switch bounds.count {
            case 1:
                guard let value = bounds[0] else { return nil }
                cpus.append(value)
            case 2:
                guard let low = bounds[0], let high = bounds[1], low <= high else { return nil }
                cpus += Array(low...high)
            default:
                return nil
            }
        }
        return cpus
    }
}
