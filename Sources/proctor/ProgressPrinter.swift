import Foundation
import ProctorRunner
import Synchronization

/// Prints run progress on standard error: one redrawn line on a terminal, plain lines every few seconds otherwise.
final class ProgressPrinter: Sendable {
    private let state = Mutex<(lastPrint: Double, lastDone: Int)>((-1e9, -1))
    private let terminal = Console.stderrIsTerminal
    private let label: String

    init(label: String) {
        self.label = label
    }

    /// Shows a snapshot.
    func show(_ p: RunProgress) {
        let finished = p.done == p.total
        let shouldPrint = state.withLock { s -> Bool in
            let interval = terminal ? 0.2 : 10
            guard finished || p.elapsed - s.lastPrint >= interval || s.lastDone < 0, s.lastDone != p.done else { return false }
            s = (p.elapsed, p.done)
            return true
        }
        guard shouldPrint else { return }
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let remaining = rate > 0 ? Double(p.total - p.done) / rate : 0
        let tokens = p.elapsed > 0 ? Double(p.completionTokens) / p.elapsed : 0
        let scored = p.done - p.failed
        let accuracy = scored > 0 ? String(format: "%.1f%%", Double(p.correct) / Double(scored) * 100) : "—"
        var line = String(
            format: "%@ %d/%d samples (%d resumed) | %.2f/s | ETA %@ | %.1f tok/s | acc %@", label, p.done, p.total, p.resumed, rate,
            Self.duration(remaining), tokens, accuracy)
        if p.failed > 0 { line += " | \(p.failed) failed" }
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (finished ? "\n" : "")).utf8))
        } else {
            Console.error(line)
        }
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0s" }
        let s = Int(seconds)
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
