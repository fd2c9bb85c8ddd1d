// SHA-256 speed of ProctorCore's `SHA256`: run.sh builds this file against ProctorCore before (hand-written
// Swift, commit 541b443) and after (system libcrypto).
//
//   sha256-bench PASSES FILE     hashes FILE from memory and from disk PASSES times; prints MB/s and the digest
import Foundation
import ProctorCore

let arguments = CommandLine.arguments
guard arguments.count == 3, let passes = Int(arguments[1]), let data = FileManager.default.contents(atPath: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: sha256-bench PASSES FILE\n".utf8))
    exit(2)
}

func best(_ body: () throws -> String) rethrows -> (String, Double) {
    var digest = ""
    var seconds = Double.infinity
    for _ in 0..<passes {
        let start = DispatchTime.now().uptimeNanoseconds
        digest = try body()
        seconds = min(seconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (digest, Double(data.count) / seconds / 1e6)
}

let (memoryDigest, memoryRate) = best { SHA256.hex(data) }
let (fileDigest, fileRate) = try best { try SHA256.hex(fileAt: URL(fileURLWithPath: arguments[2])) }
print(String(format: "memory %.0f MB/s\tfile %.0f MB/s\t%@", memoryRate, fileRate, memoryDigest))
if memoryDigest != fileDigest { print("DIGESTS DIFFER"); exit(1) }
