import Foundation

/// The parts of `tokenizer.json` this library reads, decoded with `JSONDecoder` (which keeps every string
/// exactly, unlike `JSONSerialization`, which drops a leading U+FEFF).
struct HuggingFaceTokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String?
        var vocab: [String: Int]?
        var merges: Merges?
        var byteFallback: Bool?
        var unkToken: String?
        var ignoreMerges: Bool?

        enum CodingKeys: String, CodingKey {
            case type, vocab, merges, byteFallback = "byte_fallback", unkToken = "unk_token", ignoreMerges = "ignore_merges"
        }
    }

    /// The merges, all `"left right"` strings or all `["left", "right"]` pairs; the form is decided by the first
    /// entry so that decoding does not fail and retry on every entry.
    struct Merges: Decodable {
        var lines: [String]

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            var lines: [String] = []
            lines.reserveCapacity(container.count ?? 0)
            var pairs: Bool?
            while !container.isAtEnd {
                if pairs == nil {
                    if let line = try? container.decode(String.self) {
                        pairs = false
                        lines.append(line)
                        continue
                    }
                    pairs = true
                }
                if pairs == true {
                    let pair = try container.decode([String].self)
                    guard pair.count == 2 else {
                        throw DecodingError.dataCorruptedError(in: container, debugDescription: "merge \(lines.count) is not a pair")
                    }
                    lines.append(pair[0] + " " + pair[1])
                } else {
                    lines.append(try container.decode(String.self))
                }
            }
            self.lines = lines
        }
    }

    struct AddedToken: Decodable {
        var id: Int
        var content: String
        var special: Bool?
    }

    var model: Model
    var addedTokens: [AddedToken]?
    var normalizer: JSONNode?
    var preTokenizer: JSONNode?
    var postProcessor: JSONNode?

    enum CodingKeys: String, CodingKey {
        case model, addedTokens = "added_tokens", normalizer, preTokenizer = "pre_tokenizer", postProcessor = "post_processor"
    }
}

/// Any JSON value, for the small settings objects of `tokenizer.json`.
enum JSONNode: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONNode]), object([String: JSONNode])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONNode].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONNode].self)) }
    }

    /// The value as Foundation objects (`NSNull`, `Bool`, `NSNumber`, `String`, arrays, dictionaries).
    var foundation: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? NSNumber(value: Int(value)) : NSNumber(value: value)
        case .string(let value): value
        case .array(let items): items.map(\.foundation)
        case .object(let members): members.mapValues(\.foundation)
        }
    }
}
