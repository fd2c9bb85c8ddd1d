import ProctorCore

extension MetricSpec {
    /// The metric's value over one run's results on one benchmark (in percent when `percent`), nil when no item
    /// it covers was scored.
    ///
    /// - Parameters:
    ///   - results: Per item id, its samples.
    ///   - items: The stored items (for dates and categories).
    /// - Returns: The value.
    public func value(results: [String: ItemResult], items: [String: BenchmarkItem]) -> Double? {
        let scored = results.values.filter { !$0.verdicts.isEmpty }
        let scale = percent ? 100.0 : 1.0
        switch aggregate {
        case .itemMean:
            return Self.mean(scored.compactMap(\.meanScore)).map { $0 * scale }
        case .allSubResults(let kind, let value):
            let perItem = scored.compactMap { result -> Double? in
                // The probability that every part passes (parts independent): for 0/1 results, whether all pass.
                let passes = result.verdicts.map { verdict -> Double in
                    let parts = verdict.subResults.filter { $0.kind == kind }
                    return parts.isEmpty ? 0 : parts.reduce(1) { $0 * min(max($1.expectedResult(value) ?? 0, 0), 1) }
                }
                return Self.mean(passes)
            }
            return Self.mean(perItem).map { $0 * scale }
        case .subResultMicroAverage(let kind, let value):
            var sum = 0.0, count = 0
            for result in scored {
                for verdict in result.verdicts {
                    for part in verdict.subResults where part.kind == kind {
                        sum += part.expectedResult(value) ?? 0
                        count += 1
                    }
                }
            }
            return count == 0 ? nil : sum / Double(count) * scale
        case .dateWindow(let field, let from, let to):
            let inWindow = scored.filter { result in
                guard let date = items[result.itemID].flatMap({ Self.text(field, of: $0) }) else { return false }
                return DateWindow(from: from, to: to).contains(date)
            }
            return Self.mean(inWindow.compactMap(\.meanScore)).map { $0 * scale }
        case .meanOfCategoryMeans(let category):
            var groups: [String: [Double]] = [:]
            for result in scored {
                guard let score = result.meanScore, let value = items[result.itemID].flatMap({ Self.text(category, of: $0) }) else { continue }
                groups[value, default: []].append(score)
            }
            return Self.mean(groups.values.compactMap { Self.mean($0) }).map { $0 * scale }
        case .meanOf(let metrics):
            let values = metrics.map { $0.value(results: results, items: items) }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
            return Self.mean(values.compactMap { $0 })
        }
    }

    /// An item's category or field value as text.
    static func text(_ name: String, of item: BenchmarkItem) -> String? {
        item.categories[name] ?? item.fields[name]?.stringValue
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}

extension SuiteDefinition {
    /// The suite's value and the scored items beneath it, from one run's per-benchmark metrics.
    ///
    /// - Parameter benchmarks: The run's metrics by stored benchmark (`name:split`).
    /// - Returns: The root's value (percent) and item count (a required member not scored counts its entries), nil
    ///   when no member was scored.
    public func value(in benchmarks: [String: BenchmarkMetrics]) -> (value: Double, items: Int)? {
        guard members.contains(where: { Self.scored($0, benchmarks) }) else { return nil }
        return Self.evaluate(root, benchmarks)
    }

    /// The required members (`Node.required`) the run did not score, which count as 0 in the suite's value.
    ///
    /// - Parameter benchmarks: The run's metrics by stored benchmark (`name:split`).
    /// - Returns: Their names in the tree's order; empty when every required member was scored or none was.
    public func missingMembers(in benchmarks: [String: BenchmarkMetrics]) -> [String] {
        guard members.contains(where: { Self.scored($0, benchmarks) }) else { return [] }
        func collect(_ node: Node) -> [String] {
            switch node {
            case .benchmark: []
            case .required(let name, _, _): Self.scored(name, benchmarks) ? [] : [name]
            case .mean(_, let children), .itemWeightedMean(_, let children), .weightedMean(_, let children, _):
                children.flatMap(collect)
            }
        }
        return collect(root)
    }

    static func scored(_ name: String, _ benchmarks: [String: BenchmarkMetrics]) -> Bool {
        (lookup(name, benchmarks)?.items ?? 0) > 0
    }

    static func evaluate(_ node: Node, _ benchmarks: [String: BenchmarkMetrics]) -> (value: Double, items: Int)? {
        switch node {
        case .benchmark(let name, let metric):
            guard let m = lookup(name, benchmarks), m.items > 0 else { return nil }
            let value = metric.map { $0 == MetricSpec.pass1.name ? m.pass1 : m.metrics[$0] } ?? m.headline
            return value.map { ($0, m.items) }
        case .required(let name, let metric, let entries):
            return evaluate(.benchmark(name, metric: metric), benchmarks) ?? (0, entries)
        case .mean(_, let children):
            let values = children.compactMap { evaluate($0, benchmarks) }
            guard !values.isEmpty else { return nil }
            return (values.reduce(0) { $0 + $1.value } / Double(values.count), values.reduce(0) { $0 + $1.items })
        case .itemWeightedMean(_, let children):
            let values = children.compactMap { evaluate($0, benchmarks) }
            let items = values.reduce(0) { $0 + $1.items }
            guard items > 0 else { return nil }
            return (values.reduce(0) { $0 + $1.value * Double($1.items) } / Double(items), items)
        case .weightedMean(_, let children, let weights):
            var sum = 0.0, weight = 0.0, items = 0
            for (child, w) in zip(children, weights) {
                guard let value = evaluate(child, benchmarks) else { continue }
                sum += value.value * w
                weight += w
                items += value.items
            }
            return weight > 0 ? (sum / weight, items) : nil
        }
    }

    /// A member by `name:split`, or by `name` when the run has exactly one split of it.
    static func lookup(_ name: String, _ benchmarks: [String: BenchmarkMetrics]) -> BenchmarkMetrics? {
        if let exact = benchmarks[name] { return exact }
        guard !name.contains(":") else { return nil }
        let matches = benchmarks.filter { BenchmarkName(parsing: $0.key).name == name }
        return matches.count == 1 ? matches.first?.value : nil
    }
}
