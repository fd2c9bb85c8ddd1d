// A libFuzzer target for Proctor's Parquet reader: every input is parsed as a whole file, then every row group
// is read as rows and every leaf column through the column API. Any crash, hang, sanitizer report or
// out-of-memory is a bug; thrown errors are the expected outcome for malformed input.
//
//   benchmarks/fuzz/run.sh [seconds]
import Foundation
import Parquet

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let file = try? ParquetFile(bytes: bytes, name: "fuzz-input") else { return 0 }
    for group in 0..<min(file.rowGroupCount, 8) {
        _ = try? file.readRows(rowGroup: group)
        for column in file.schema.columns.prefix(32) {
            _ = try? file.readColumn(column.dottedPath, rowGroup: group).rowValues()
        }
    }
    return 0
}
