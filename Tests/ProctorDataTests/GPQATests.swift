import Foundation
import ProctorCore
import ProctorData
import Testing

@Suite struct GPQATests {
    @Test func csvFollowsRFC4180() throws {
        let table = try CSVTable("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n", name: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0] == ["a": "1", "b": "x, y", "c": "say \"hi\""])
        #expect(table.rows[1] == ["a": "2", "b": "two\nlines", "c": ""])
        let error = #expect(throws: ProctorError.self) { try CSVTable("a,b\n1,2,3\n", name: "t.csv") }
        #expect(error?.message.contains("t.csv: record 1 has 3 fields") == true)
        #expect(throws: ProctorError.self) { try CSVTable("a\n\"open", name: "t.csv") }
    }

    // The questions stay out of this file: the GPQA authors ask that examples not be published in plain text.
    @Test(.enabled(if: SharedData.available, "needs ../shared/data (gpqa_diamond.zip)"))
    func loadsTheEncryptedZipWithSimpleEvalsOptionOrder() throws {
        let items = try GPQAAdapter().load(split: "diamond", from: SharedData.location)
        #expect(items.count == 198)
        #expect(items.first?.id == "rec06pnAkLOr2t2mp")
        #expect(items.last?.id == "reczkBiPPNrNN49Hp")
        #expect(Dictionary(grouping: items, by: { $0.categories["domain"] ?? "" }).mapValues(\.count)
            == ["Chemistry": 93, "Physics": 86, "Biology": 19])
        #expect(items.prefix(6).map { $0.fields["permutation"] } == [
            [3, 1, 0, 2], [3, 1, 2, 0], [2, 3, 0, 1], [2, 0, 3, 1], [1, 3, 0, 2], [2, 1, 0, 3],
        ].map { JSONValue.array($0.map(JSONValue.int)) })
        // Permutation [3, 1, 0, 2] puts the correct answer (index 0) third.
        #expect(items.prefix(6).map(\.answer) == ["C", "D", "C", "B", "C", "C"])
        for item in items {
            let correct = try #require(item.fields["Correct Answer"]?.stringValue)
            let index = try #require(Choices.index(of: item.answer))
            #expect(item.choices[index] == correct)
            let text = item.messages[0].text
            #expect(text.hasPrefix("Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n"))
            #expect(text.hasSuffix("\n\nA) \(item.choices[0])\nB) \(item.choices[1])\nC) \(item.choices[2])\nD) \(item.choices[3])"))
        }
        #expect(GPQAAdapter().availability(split: "diamond", from: SharedData.location).items == 198)
    }
}
