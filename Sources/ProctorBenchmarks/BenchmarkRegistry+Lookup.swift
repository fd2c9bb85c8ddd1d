import Foundation
import ProctorCore

/// A benchmark as named on the command line: its definition and the split (the default filled in).
public struct ResolvedBenchmark: Sendable {
    /// The definition.
    public var definition: BenchmarkDefinition
    /// `name:split`.
    public var name: BenchmarkName
}

extension BenchmarkRegistry {
    /// The definition of a benchmark name (`aime24`; case-insensitive).
    ///
    /// - Parameter name: The benchmark's name without a split.
    /// - Returns: The definition.
    /// - Throws: `ProctorError` listing the known benchmarks when the name is unknown.
    public static func definition(named name: String) throws -> BenchmarkDefinition {
        guard let definition = definitions.first(where: { $0.name == name.lowercased() }) else {
            let known = definitions.map(\.name).joined(separator: ", ")
            throw ProctorError(.invalidArgument, "unknown benchmark \"\(name)\"; known: \(known) (see `proctor list benchmarks`)")
        }
        return definition
    }

    /// Resolves `NAME[:SPLIT]` to its definition and full name.
    ///
    /// - Parameter text: What the user typed.
    /// - Returns: The benchmark.
    /// - Throws: `ProctorError` when the name or split is unknown, or the benchmark cannot be run here.
    public static func resolve(_ text: String) throws -> ResolvedBenchmark {
        var name = BenchmarkName(parsing: text.trimmingCharacters(in: .whitespaces))
        let definition = try definition(named: name.name)
        name.name = definition.name
        if name.split.isEmpty { name.split = definition.defaultSplit }
        guard definition.splits.contains(name.split) else {
            throw ProctorError(
                .invalidArgument, "\(definition.name) has no split \"\(name.split)\"; its splits: \(definition.splits.joined(separator: ", "))")
        }
        return ResolvedBenchmark(definition: definition, name: name)
    }

    /// Resolves a comma-separated list of benchmarks, expanding suite names into their members.
    ///
    /// - Parameter list: `aime24,math500:test,livebench`.
    /// - Returns: The benchmarks, without repeats, in the order given.
    /// - Throws: `ProctorError` for an unknown name or split.
    public static func resolveList(_ list: String) throws -> [ResolvedBenchmark] {
        var result: [ResolvedBenchmark] = []
        for part in list.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let names = suites.first(where: { $0.name == part.lowercased() })?.members ?? [part]
            for name in names {
                let resolved = try resolve(name)
                if !result.contains(where: { $0.name == resolved.name }) { result.append(resolved) }
            }
        }
        return result
    }

    /// The definition a stored benchmark (`name:split`) belongs to, or nil when this build does not know it.
    ///
    /// - Parameter stored: The benchmark as stored with samples.
    /// - Returns: The definition, or nil.
    public static func definition(stored: String) -> BenchmarkDefinition? {
        let name = BenchmarkName(parsing: stored).name
        return definitions.first { $0.name == name }
    }

    /// The metrics of every known benchmark, by name (for reports over stored runs).
    public static var metricsByBenchmark: [String: [MetricSpec]] {
        Dictionary(definitions.map { ($0.name, $0.metrics) }, uniquingKeysWith: { a, _ in a })
    }

    /// A preset by name for a set of benchmarks: a benchmark's own preset of that name, else the shared one.
    ///
    /// - Parameters:
    ///   - name: The preset's name.
    ///   - benchmarks: The run's benchmarks.
    /// - Returns: The preset.
    /// - Throws: `ProctorError` when no benchmark nor the shared list has it, or the benchmarks disagree on it.
    public static func preset(_ name: String, for benchmarks: [ResolvedBenchmark]) throws -> GenerationPreset {
        let own = benchmarks.compactMap { $0.definition.presets[name] }
        if let first = own.first {
            guard own.allSatisfy({ $0 == first }) else {
                throw ProctorError(
                    .invalidArgument,
                    "the benchmarks of this run define different \"\(name)\" presets; run them separately or give the settings explicitly")
            }
            return first
        }
        guard let shared = presets[name] else {
            let known = Set(presets.keys).union(benchmarks.flatMap { $0.definition.presets.keys }).sorted()
            throw ProctorError(.invalidArgument, "unknown preset \"\(name)\"; known: \(known.joined(separator: ", "))")
        }
        return shared
    }
}
