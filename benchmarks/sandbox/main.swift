// Programs per second through Proctor's sandbox (`SandboxPool`, as LiveCodeBench's scorer uses it).
// Usage: sandbox-bench WORKERS COUNT SOURCE_FILE — runs COUNT copies of the Python program in SOURCE_FILE, at most
// WORKERS at once, and prints one line: `programs=N seconds=S failures=F isolation=I python=V`.
import Foundation
import Sandbox

let arguments = CommandLine.arguments
guard arguments.count == 4, let workers = Int(arguments[1]), let count = Int(arguments[2]), workers > 0, count > 0 else {
    FileHandle.standardError.write(Data("usage: sandbox-bench WORKERS COUNT SOURCE_FILE\n".utf8))
    exit(2)
}
let source = try String(contentsOfFile: arguments[3], encoding: .utf8)
let pool = try SandboxPool(workers: workers)
let program = SandboxProgram.script(source, limits: SandboxLimits(wallSeconds: 30, cpuSeconds: 20))
let start = ContinuousClock.now
let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
    for _ in 0..<count { group.addTask { try await pool.run(program).failure != nil } }
    var failed = 0
    for try await failure in group where failure { failed += 1 }
    return failed
}
let elapsed = ContinuousClock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("programs=\(count) seconds=\(String(format: "%.3f", seconds)) failures=\(failures) isolation=\(pool.isolation.rawValue) python=\(pool.settings["python"] ?? "?")")
