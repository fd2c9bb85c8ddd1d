import Foundation
import OrderedJSON
import ProctorCore

/// Finding and reading BFCL's files: a category's questions and possible answers, in whichever layout the data
/// root holds.
enum BFCLFiles {
    /// The folders looked in, in order: `ROOT/bfcl/`, `ROOT/bfcl/v3/`, and `ROOT` itself (a copy of the v1 files such
    /// as `../shared/data/bfcl/reference-outputs/v1-data`).
    static func folders(_ location: DataLocation) -> [URL] {
        guard let root = location.root else { return [] }
        let bfcl = root.appendingPathComponent("bfcl")
        return [bfcl, bfcl.appendingPathComponent("v3"), root]
    }

    /// The category and folder for a split: the first folder holding a file of one of the name's layouts.
    static func locate(_ name: String, multiTurn: Bool, in location: DataLocation) -> (BFCLCategory, URL)? {
        let candidates = BFCLCategory.candidates(named: name, multiTurn: multiTurn)
        for folder in folders(location) {
            for category in candidates where FileManager.default.fileExists(atPath: folder.appendingPathComponent(category.fileName).path) {
                return (category, folder)
            }
        }
        return nil
    }

    /// One line of a BFCL JSON Lines file: its number, raw text and parsed tree.
    struct Line {
        var number: Int
        var text: String
        var tree: JSONTree
    }

    /// Reads a JSON Lines file (BFCL's `.json` files hold one object per line).
    ///
    /// - Throws: `ProctorError` naming the file and line of a malformed line.
    static func lines(_ url: URL) throws -> [Line] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProctorError(.notFound, "cannot read \(url.path): check the path")
        }
        var out: [Line] = []
        for (index, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                out.append(Line(number: index + 1, text: String(decoding: raw, as: UTF8.self), tree: try JSONTree.parse(Data(raw))))
            } catch {
                throw ProctorError(.invalidInput, "\(url.path):\(index + 1): not a valid JSON line (\(error)); fix or remove that line", underlying: nil)
            }
        }
        return out
    }
}
