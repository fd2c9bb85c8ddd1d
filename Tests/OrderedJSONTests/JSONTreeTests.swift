import Foundation
import OrderedJSON
import Testing

struct JSONTreeTests {
    @Test func keepsEveryMemberExactly() throws {
        let json = #"{"\uf978": 1, "\u5169": 2, "\ufeffx": 3, "a\"b\\c\n": [true, null, -1.5e2, "\ud83d\ude42"]}"#
        let value = try JSONTree.parse(Data(json.utf8))
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map { $0.key.unicodeScalars.map(\.value) } == [[0xF978], [0x5169], [0xFEFF, 0x78], [0x61, 0x22, 0x62, 0x5C, 0x63, 0x0A]])
        #expect(members[1].value.int == 2)
        #expect(value["\u{5169}"]?.int == 2)
        #expect(value["\u{F978}"]?.int == 1)
        guard case .array(let items)? = value["a\"b\\c\n"] else { Issue.record("no array"); return }
        #expect(items.count == 4)
        #expect(items[0].bool == true)
        #expect(items[3].string == "🙂")
    }

    @Test(arguments: [#"{"a": [1, 2}"#, #"{"a" 1}"#, #"["x"#, "tru", #"{"a": 1} x"#, ""])
    func malformedInputIsAnError(_ text: String) {
        #expect(throws: JSONTreeError.self) { try JSONTree.parse(Data(text.utf8)) }
    }
}
