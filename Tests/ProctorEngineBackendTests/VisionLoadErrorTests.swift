import Foundation
import ProctorCore
import ProctorEngineBackend
import Testing

/// An InternVL folder whose config and tokenizer disagree about the image tokens is refused at load, naming the file
/// and the setting.
@Suite("Engine backend: inconsistent InternVL folders", .enabled(if: TinyInternVLCheckpoint.available, TinyInternVLCheckpoint.skipReason))
struct VisionLoadErrorTests {
    /// A change to config.json or tokenizer_config.json, and a piece of the error it must cause.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var key: String
        var value: any Sendable
        var message: String
        var testDescription: String { "\(file): \(key) = \(value)" }
    }

    static let cases = [
        Case(file: "config.json", key: "image_token_id", value: 5, message: "image_token_id 5 is not the tokenizer's <IMG_CONTEXT> (299)"),
        Case(file: "config.json", key: "image_seq_length", value: 16, message: "image_seq_length 16 disagrees with the vision tower's 4 tokens per tile"),
        Case(file: "config.json", key: "ps_version", value: "v1", message: "ps_version v1 is not supported"),
        Case(file: "tokenizer_config.json", key: "start_image_token", value: "<image_start>", message: "the tokenizer has no <image_start> token"),
    ]

    @Test("refused at load with a message naming the setting", arguments: cases)
    func refused(change: Case) throws {
        let folder = try TinyInternVLCheckpoint.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(change.file)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object[change.key] = change.value
        try FileManager.default.removeItem(at: url)  // the symlink, not the shared file
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        do {
            _ = try EngineBackend(path: folder.path, threads: 1)
            Issue.record("loaded with \(change.testDescription)")
        } catch let error as ProctorError {
            #expect(error.message.contains(change.message), "\(error.message)")
            #expect(error.message.contains(folder.path), "\(error.message)")
        }
    }
}
