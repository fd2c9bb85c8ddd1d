import Foundation
import ProctorCore

/// Finds a problem's tests by `question_id` in the hub's increment files, reading only the row it needs.
///
/// The files are memory-mapped and indexed once (question id → line), on the first request; a row's tests are
/// decoded when asked for (the last few are kept).
public actor LCBTestStore {
    private let location: DataLocation
    private var files: [(url: URL, data: Data)] = []
    private var index: [String: (file: Int, range: Range<Int>)]?
    private var recent: [(id: String, suite: LCBTestSuite)] = []

    /// A store reading the increment files found under a data location.
    ///
    /// - Parameter location: Where the data is.
    public init(location: DataLocation) {
        self.location = location
    }

    /// The tests of a problem.
    ///
    /// - Parameter questionID: The problem's `question_id`.
    /// - Returns: Its suite, or nil when no data file holds its tests.
    /// - Throws: `ProctorError` naming the file and line when the row's tests do not decode.
    public func suite(for questionID: String) throws -> LCBTestSuite? {
        if let hit = recent.first(where: { $0.id == questionID }) { return hit.suite }
        let index = try buildIndex()
        guard let entry = index[questionID] else { return nil }
        let file = files[entry.file]
        let line = file.data[entry.range]
        let what = "\(file.url.path) (question_id \(questionID))"
        let row: LCBTestRow
        do {
            row = try JSONDecoder().decode(LCBTestRow.self, from: line)
        } catch {
            throw ProctorError(.invalidInput, "\(what): the row's test columns do not decode (\(JSONLines.describe(error)))")
        }
        let suite = try row.testSuite(what: what)
        recent.append((questionID, suite))
        if recent.count > 16 { recent.removeFirst() }
        return suite
    }

    private struct IDOnly: Decodable {
        var questionID: String
        enum CodingKeys: String, CodingKey { case questionID = "question_id" }
    }

    private func buildIndex() throws -> [String: (file: Int, range: Range<Int>)] {
        if let index { return index }
        var built: [String: (file: Int, range: Range<Int>)] = [:]
        let urls = LCBDataFiles.allIncrementFiles(in: location)
        for url in urls {
            let data: Data
            do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
                throw ProctorError(.notFound, "cannot read \(url.path) (\(error)); check the file's permissions")
            }
            files.append((url, data))
            var start = data.startIndex
            var number = 0
            while start < data.endIndex {
                let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
                number += 1
                let range = start..<end
                if data[range].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                    guard let row = try? JSONDecoder().decode(IDOnly.self, from: data[range]) else {
                        throw ProctorError(.invalidInput, "\(url.path):\(number): not a JSON object with a question_id; download the file again")
                    }
                    if built[row.questionID] == nil { built[row.questionID] = (files.count - 1, range) }
                }
                start = end < data.endIndex ? data.index(after: end) : end
            }
        }
        index = built
        return built
    }
}
