// Reads Parquet files with Proctor's reader and prints the time of each pass as JSON, for compare.py.
//
//   parquet-bench MODE ITERATIONS FILE...
//   MODE: columns (every leaf column of every row group, the equivalent of pyarrow.parquet.read_table)
//         rows    (every row as ParquetRow values, image bytes copied into Data)
import Foundation
import Parquet

let arguments = CommandLine.arguments
guard arguments.count >= 4, let iterations = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: parquet-bench columns|rows ITERATIONS FILE...\n".utf8))
    exit(2)
}
let mode = arguments[1]
let files = Array(arguments[3...])

/// Reads every file once; returns a checksum so that the work cannot be optimised away.
func pass() throws -> Int {
    var checksum = 0
    for path in files {
        let file = try ParquetFile(path: path)
        if mode == "rows" {
            checksum &+= try file.readRows().count
            continue
        }
        for group in 0..<file.rowGroupCount {
            for column in file.schema.columns {
                let chunk = try file.readColumn(column.dottedPath, rowGroup: group)
                checksum &+= chunk.values.count &+ chunk.definitionLevels.count
                if case .byteArrays(let arrays) = chunk.values { checksum &+= arrays.byteCount }
            }
        }
    }
    return checksum
}

/// CPU time used by the process so far (all threads), in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

do {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var checksum = 0
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        checksum &+= try pass()
        cpuTimes.append(cpuSeconds() - cpuStart)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let json = times.map { String(format: "%.6f", $0) }.joined(separator: ",")
    let cpuJSON = cpuTimes.map { String(format: "%.6f", $0) }.joined(separator: ",")
    print("{\"mode\":\"\(mode)\",\"checksum\":\(checksum),\"seconds\":[\(json)],\"cpu_seconds\":[\(cpuJSON)]}")
} catch {
    FileHandle.standardError.write(Data("parquet-bench: \(error)\n".utf8))
    exit(1)
}
