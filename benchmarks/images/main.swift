// Decodes images with Proctor's ImageCodec, for compare.py.
//
//   image-bench time ITERATIONS LIST     decode every file in LIST (one path per line) ITERATIONS times; prints the
//                                        seconds of each pass as JSON
//   image-bench digest LIST              prints "path<TAB>width<TAB>height<TAB>sha256 of the RGB bytes" per file
//
// MMMU images live inside parquet files: a LIST line "file.parquet#row/column" names one of them.
import Foundation
import ImageCodec
import Parquet
import ProctorCore

func load(_ listPath: String) throws -> [(String, Data)] {
    let lines = try String(contentsOfFile: listPath, encoding: .utf8).split(separator: "\n").map(String.init)
    var rowsByFile: [String: [ParquetRow]] = [:]
    return try lines.map { line in
        let parts = line.split(separator: "#").map(String.init)
        guard parts.count == 2 else { return (line, try Data(contentsOf: URL(fileURLWithPath: line))) }
        let address = parts[1].split(separator: "/").map(String.init)
        let rows = try rowsByFile[parts[0]] ?? ParquetFile(path: parts[0]).readRows()
        rowsByFile[parts[0]] = rows
        guard address.count == 2, let row = Int(address[0]), rows.indices.contains(row),
              let bytes = rows[row][address[1]]?["bytes"]?.bytesValue
        else { throw ProctorError(.invalidArgument, "no image at \(line)") }
        return (line, bytes)
    }
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (4, "time"):
        guard let iterations = Int(arguments[2]) else { throw ProctorError(.invalidArgument, "bad ITERATIONS") }
        let images = try load(arguments[3])
        var times: [Double] = []
        var checksum = 0
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            for (name, bytes) in images { checksum &+= try ImageDecoder.decode(bytes, name: name).pixels.count }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let json = times.map { String(format: "%.6f", $0) }.joined(separator: ",")
        print("{\"checksum\":\(checksum),\"seconds\":[\(json)]}")
    case (3, "digest"):
        for (name, bytes) in try load(arguments[2]) {
            let image = try ImageDecoder.decode(bytes, name: name)
            print("\(name)\t\(image.width)\t\(image.height)\t\(SHA256.hex(Data(image.pixels)))")
        }
    default:
        FileHandle.standardError.write(Data("usage: image-bench time ITERATIONS LIST | digest LIST\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("image-bench: \(error)\n".utf8))
    exit(1)
}
