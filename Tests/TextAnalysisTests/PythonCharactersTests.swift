import Foundation
import PythonCompat
import Testing
@testable import TextAnalysis

/// `PythonCharacters` against Python's own classes (`re`'s `\w` and `\d`, `str.isspace`, `isupper`, `islower`) over
/// every code point that Python's Unicode database (14.0 in Python 3.11) assigns. Swift's newer Unicode data may
/// differ on characters whose properties changed since; the test lists how many and bounds them.
@Suite struct PythonCharactersTests {
    struct Classes: Decodable {
        var source: String
        var classes: [Entry]
        struct Entry: Decodable {
            var `class`: String
            var ranges: [[UInt32]]
        }
    }

    static let classes = Result { try IFEvalFixtures.load(Classes.self, "python-unicode.json") }

    static func members(_ name: String) throws -> Set<UInt32> {
        guard let entry = try classes.get().classes.first(where: { $0.class == name }) else {
            throw FixtureError("python-unicode.json has no class \(name); regenerate it with scripts/make-text-analysis-data-fixtures")
        }
        var set = Set<UInt32>()
        for range in entry.ranges where range.count == 2 { for c in range[0]...range[1] { set.insert(c) } }
        return set
    }

    @Test(arguments: ["word", "decimal", "space", "upper", "lower"])
    func classAgreesWithPython(name: String) throws {
        let predicate: (UInt32) -> Bool = switch name {
        case "word": PythonCharacters.isWord
        case "decimal": PythonCharacters.isDecimal
        case "space": PythonCharacters.isSpace
        case "upper": PythonCharacters.isUpper
        default: PythonCharacters.isLower
        }
        let assigned = try Self.members("assigned")
        let python = try Self.members(name)
        var differing: [UInt32] = []
        for c in assigned.sorted() where predicate(c) != python.contains(c) { differing.append(c) }
        print("\(name): \(assigned.count - differing.count)/\(assigned.count) assigned code points agree with \(try Self.classes.get().source)")
        // Every ASCII and Latin-1 character must agree; elsewhere allow Unicode-version drift of at most 0.1%.
        #expect(!differing.contains { $0 < 0x100 }, "differs below U+0100: \(differing.filter { $0 < 0x100 })")
        #expect(differing.count * 1000 <= assigned.count,
                "\(differing.count) differ, first \(differing.prefix(12).map { String($0, radix: 16) })")
    }
}
