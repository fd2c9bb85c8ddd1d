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

/// Python's non-finite literals, and conversion into another JSON-shaped type through `JSONTreeConvertible`.
struct JSONTreeConversionTests {
    /// A minimal conformer: the cases witness the requirements, objects keep their members as written.
    enum Shape: JSONTreeConvertible, Equatable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([Shape]), object([String])
        init(jsonObject members: [(key: String, value: Shape)]) { self = .object(members.map(\.key)) }
    }

    @Test func nonFiniteNumbersAsPythonWritesThem() throws {
        let tree = try JSONTree.parse(Data(#"[NaN, Infinity, -Infinity, -1]"#.utf8))
        guard case .array(let items) = tree, items.count == 4 else { Issue.record("not an array of 4: \(tree)"); return }
        if case .number(let nan) = items[0] { #expect(nan.isNaN) } else { Issue.record("NaN: \(items[0])") }
        if case .number(let infinity) = items[1] { #expect(infinity == .infinity) } else { Issue.record("Infinity: \(items[1])") }
        if case .number(let negative) = items[2] { #expect(negative == -.infinity) } else { Issue.record("-Infinity: \(items[2])") }
        #expect(items[3].int == -1)
        #expect(throws: JSONTreeError.self) { try JSONTree.parse(Data("[-Inf]".utf8)) }
    }

    @Test func conversionKeepsEveryShapeAndMemberOrder() throws {
        let tree = try JSONTree.parse(Data(#"{"b": [1, 2.5, "x", true, null], "a": {}, "b": 0}"#.utf8))
        #expect(Shape(tree) == .object(["b", "a", "b"]))
        let array = try JSONTree.parse(Data(#"[1, 2.5, "x", true, null, {"k": 1}]"#.utf8))
        #expect(Shape(array) == .array([.int(1), .double(2.5), .string("x"), .bool(true), .null, .object(["k"])]))
    }
}
