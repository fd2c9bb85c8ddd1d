import Foundation
import Parquet
import ProctorCore

/// Helpers to compare what Proctor reads with what pyarrow read (the JSON files under Fixtures/).
enum JSONComparison {
    /// Loads a JSON file from Fixtures/.
    static func fixture(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: SharedData.fixtures.appendingPathComponent(name))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Whether two JSON values are equal, comparing numbers by value (1 == 1.0).
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int, .double), (.double, .int), (.double, .double):
            return a.doubleValue == b.doubleValue
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default:
            return a == b
        }
    }

    /// A row's value with bytes replaced by `bytes:<length>:fnv1a:<hex>` and strings longer than 40 characters
    /// by `sha256:<hex>`, as make_fixtures.py --real writes them.
    static func digest(_ value: ParquetValue) -> JSONValue {
        switch value {
        case .bytes(let data):
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            data.withUnsafeBytes { buffer in
                for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            }
            let hex = String(hash, radix: 16)
            return .string("bytes:\(data.count):fnv1a:" + String(repeating: "0", count: 16 - hex.count) + hex)
        case .string(let s) where s.count > 40: return .string("sha256:" + SHA256.hex(s))
        case .list(let l): return .array(l.map(digest))
        case .record(let r): return .object(r.mapValues(digest))
        default: return value.jsonValue
        }
    }
}
