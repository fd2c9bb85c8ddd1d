import Foundation
import OrderedJSON

/// The parts of `tokenizer.json` this library reads, taken from a `JSONTree` so that every token string
/// survives exactly (a `Dictionary` keyed by `String`, or `JSONSerialization`, would lose some).
struct HuggingFaceTokenizerFile {
    struct AddedToken {
        var id: Int
        var content: String
        var special: Bool
    }

    /// `model.type`.
    var modelType: String?
    /// `model.vocab` as (token, id) pairs in file order.
    var vocab: [(text: String, id: Int)]?
    /// `model.merges` as `"left right"` lines (pairs joined by a space).
    var merges: [String]
    var byteFallback: Bool?
    var unkToken: String?
    var ignoreMerges: Bool?
    var addedTokens: [AddedToken]
    /// The small settings objects as Foundation values.
    var normalizer: Any?
    var preTokenizer: Any?
    var postProcessor: Any?

    /// Reads the parts from the bytes of `tokenizer.json`.
    ///
    /// - Throws: ``TokenizerError`` naming the file and the malformed entry.
    init(data: Data, file: String) throws {
        let root: JSONTree
        do {
            root = try JSONTree.parse(data)
        } catch {
            throw TokenizerError(.invalidInput, "\(file): \(error); re-download the tokenizer file", underlying: error)
        }
        guard let model = root["model"], case .object = model else {
            throw TokenizerError(.invalidInput, "\(file) has no \"model\" object; is it a Hugging Face tokenizers file?")
        }
        modelType = model["type"]?.string
        byteFallback = model["byte_fallback"]?.bool
        unkToken = model["unk_token"]?.string
        ignoreMerges = model["ignore_merges"]?.bool
        if case .object(let members)? = model["vocab"] {
            vocab = try members.map { member in
                guard let id = member.value.int else {
                    throw TokenizerError(.invalidInput, "\(file): model.vocab entry \"\(member.key)\" has no integer id")
                }
                return (member.key, id)
            }
        }
        var lines: [String] = []
        if case .array(let items)? = model["merges"] {
            lines.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                switch item {
                case .string(let line): lines.append(line)
                case .array(let pair) where pair.count == 2 && pair[0].string != nil && pair[1].string != nil:
                    lines.append((pair[0].string ?? "") + " " + (pair[1].string ?? ""))
                default:
                    throw TokenizerError(.invalidInput, "\(file): model.merges[\(index)] is neither \"left right\" nor a pair of strings")
                }
            }
        }
        merges = lines
        var added: [AddedToken] = []
        if case .array(let items)? = root["added_tokens"] {
            for (index, item) in items.enumerated() {
                guard let id = item["id"]?.int, let content = item["content"]?.string else {
                    throw TokenizerError(.invalidInput, "\(file): added_tokens[\(index)] lacks an id or content")
                }
                added.append(AddedToken(id: id, content: content, special: item["special"]?.bool ?? false))
            }
        }
        addedTokens = added
        normalizer = root["normalizer"]?.foundation
        preTokenizer = root["pre_tokenizer"]?.foundation
        postProcessor = root["post_processor"]?.foundation
    }
}
