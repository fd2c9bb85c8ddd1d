import Foundation
import ProctorCore

// What `proctor list benchmarks` shows for the text-only math benchmarks: the folder their files came from.

extension AIME2024Adapter {
    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        TextAvailability.of(self, split: split, folder: "aime2024", hubRepos: ["HuggingFaceH4/aime_2024"], in: location)
    }
}

extension AIME2025Adapter {
    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        TextAvailability.of(self, split: split, folder: "aime2025", hubRepos: ["math-ai/aime25"], in: location)
    }
}

extension MATH500Adapter {
    public func availability(split: String, from location: DataLocation) -> DataAvailability {
        TextAvailability.of(self, split: split, folder: "math500", hubRepos: ["HuggingFaceH4/MATH-500"], in: location)
    }
}

/// Availability of small text-only benchmarks: load them (they are tiny) and name the first copy found.
enum TextAvailability {
    static func of(
        _ adapter: some BenchmarkAdapter, split: String, folder: String, hubRepos: [String], in location: DataLocation
    ) -> DataAvailability {
        guard let root = DataRoot.find(folder: folder, hubRepos: hubRepos, in: location).first,
            let items = try? adapter.load(split: split, from: location)
        else { return DataAvailability(source: nil, items: 0, images: 0) }
        return DataAvailability(source: root.description, items: items.count, images: 0)
    }
}
