import CZlib
import Foundation
import ProctorCore

/// One test of a problem, as the dataset writes it (`input`, `output`, `testtype`).
public struct LCBTestCase: Sendable, Codable, Hashable {
    /// stdin text, or the call's arguments as JSON values one per line.
    public var input: String
    /// Expected stdout, or the expected return value as JSON.
    public var output: String
    /// `stdin` or `functional`.
    public var testtype: String

    /// Creates a test.
    public init(input: String, output: String, testtype: String) {
        self.input = input
        self.output = output
        self.testtype = testtype
    }
}

/// Decoding of the dataset's test-case columns.
///
/// `public_test_cases` is a JSON string holding a list of tests. `private_test_cases` is the same JSON either as
/// it is (older rows) or base64 → zlib → a pickled Python `str` holding the JSON (the official loader tries
/// `json.loads` first and falls back to that chain). The pickle is read natively: only the opcodes a pickled `str`
/// uses (protocol header, frame, the three unicode string opcodes, memo stores, stop) are accepted, anything else is
/// rejected with an error naming the problem.
public enum LCBTestCaseDecoding {
    /// Decodes a JSON list of tests.
    ///
    /// - Parameters:
    ///   - json: The JSON text.
    ///   - what: Names the column and problem in errors.
    /// - Returns: The tests.
    /// - Throws: `ProctorError` (`.invalidInput`).
    public static func tests(json: String, what: String) throws -> [LCBTestCase] {
        do {
            return try JSONDecoder().decode([LCBTestCase].self, from: Data(json.utf8))
        } catch {
            throw ProctorError(.invalidInput, "\(what): not a JSON list of {input, output, testtype} (\(JSONLines.describe(error)))")
        }
    }

    /// Decodes `private_test_cases` in either encoding.
    ///
    /// - Parameters:
    ///   - text: The column's text.
    ///   - what: Names the problem in errors.
    /// - Returns: The tests.
    /// - Throws: `ProctorError` (`.invalidInput`) naming the step that failed.
    public static func privateTests(_ text: String, what: String) throws -> [LCBTestCase] {
        if let plain = try? JSONDecoder().decode([LCBTestCase].self, from: Data(text.utf8)) { return plain }
        guard let compressed = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw ProctorError(.invalidInput, "\(what): private_test_cases is neither JSON nor base64; the file may be damaged, download it again")
        }
        let pickled = try inflate(compressed, what: what)
        let json = try PickledString.decode(pickled, what: what)
        return try tests(json: json, what: "\(what) (decoded private_test_cases)")
    }

    /// zlib-decompresses (a zlib header, as Python's `zlib.compress` writes).
    static func inflate(_ data: Data, what: String) throws -> Data {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ProctorError(.invalidInput, "\(what): zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let result = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let r = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(outBuffer.baseAddress!, count: outBuffer.count - Int(stream.avail_out))
                    return r
                }
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && stream.avail_out != 0 { return Z_DATA_ERROR }
            }
        }
        guard status == Z_STREAM_END else {
            throw ProctorError(.invalidInput, "\(what): private_test_cases is not valid zlib data (status \(status)); download the file again")
        }
        return output
    }
}

/// The subset of Python's pickle format that a pickled `str` uses.
enum PickledString {
    static func decode(_ data: Data, what: String) throws -> String {
        let bytes = [UInt8](data)
        var i = 0
        var result: String?
        func need(_ n: Int) throws {
            guard i + n <= bytes.count else { throw ProctorError(.invalidInput, "\(what): the pickled test cases end early") }
        }
        func little(_ n: Int) throws -> Int {
            try need(n)
            var v = 0
            for k in 0..<n { v |= Int(bytes[i + k]) << (8 * k) }
            i += n
            return v
        }
        func text(_ n: Int) throws -> String {
            try need(n)
            guard let s = String(validating: bytes[i..<(i + n)], as: UTF8.self) else {
                throw ProctorError(.invalidInput, "\(what): the pickled test cases are not UTF-8")
            }
            i += n
            return s
        }
        while i < bytes.count {
            let op = bytes[i]
            i += 1
            switch op {
            case 0x80: _ = try little(1)  // PROTO
            case 0x95: _ = try little(8)  // FRAME
            case 0x8C: result = try text(try little(1))  // SHORT_BINUNICODE
            case 0x58: result = try text(try little(4))  // BINUNICODE
            case 0x8D: result = try text(try little(8))  // BINUNICODE8
            case 0x94: break  // MEMOIZE
            case 0x71: _ = try little(1)  // BINPUT
            case 0x72: _ = try little(4)  // LONG_BINPUT
            case 0x2E:  // STOP
                guard let result else { throw ProctorError(.invalidInput, "\(what): the pickle holds no string") }
                return result
            default:
                throw ProctorError(
                    .invalidInput,
                    "\(what): the pickled test cases use opcode 0x\(String(op, radix: 16)) at byte \(i - 1), which a pickled str never does; Proctor reads only pickled strings (the official format)")
            }
        }
        throw ProctorError(.invalidInput, "\(what): the pickle has no STOP opcode")
    }
}
