// JSON parsing speed: the reference-output reader before (FastJSON, removed in the `hygiene` branch) and after
// (OrderedJSON's JSONTree converted to JSONValue). run.sh compiles this file with both parsers.
//
//   json-bench PASSES FILE...     parses every file PASSES times with each parser; prints MB/s per parser
import Foundation
import OrderedJSON
import ProctorCore

let arguments = CommandLine.arguments
guard arguments.count >= 3, let passes = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: json-bench PASSES FILE...\n".utf8))
    exit(2)
}
// JSON Lines files parse line by line, as ReferenceFiles.jsonLines does.
let documents: [[Data]] = arguments.dropFirst(2).map { path in
    let data = FileManager.default.contents(atPath: path) ?? Data()
    guard path.hasSuffix(".jsonl") else { return [data] }
    return data.split(separator: UInt8(ascii: "\n")).map { Data($0) }
}
let bytes = documents.joined().reduce(0) { $0 + $1.count }

func measure(_ name: String, _ parse: (Data) -> JSONValue?) -> (JSONValue?, Double) {
    var last: JSONValue?
    var best = Double.infinity
    for _ in 0..<passes {
        let start = DispatchTime.now().uptimeNanoseconds
        for lines in documents { for line in lines { last = parse(line) } }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let rate = Double(bytes) / best / 1e6
    print("\(name)\t\(String(format: "%.1f", rate)) MB/s\t(best of \(passes), \(bytes) bytes)")
    return (last, rate)
}

let (old, _) = measure("FastJSON (before)") { FastJSON.parse([UInt8]($0)) }
let (new, _) = measure("JSONTree → JSONValue (after)") { try? JSONValue.parse($0) }
print("same value: \(old == new)")
