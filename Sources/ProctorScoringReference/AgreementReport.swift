import Foundation

/// Renders the agreement tables of `results/scoring-agreement.md`.
public enum AgreementReport {
    /// Every reference check, benchmark by benchmark; a benchmark whose files are absent is listed as skipped.
    ///
    /// - Parameter dataRoot: The shared data folder.
    /// - Returns: Rows and the names of skipped benchmarks with the reason.
    public static func collect(dataRoot: URL) -> (rows: [ReferenceAgreement], skipped: [String]) {
        var rows: [ReferenceAgreement] = []
        var skipped: [String] = []
        let checks: [(String, (URL) throws -> [ReferenceAgreement])] = [
            ("math", MathReference.agreement), ("mathvista", { try MathVistaReference.agreement(dataRoot: $0) }),
            ("mathvision", MathVisionReference.agreement), ("mmmu", MMMUReference.mmmu), ("mmmu_pro", MMMUReference.mmmuPro),
            ("olympiadbench", OlympiadBenchReference.agreement),
        ]
        for (name, check) in checks {
            do { rows += try check(dataRoot) } catch { skipped.append("\(name): \(error)") }
        }
        return (rows, skipped)
    }

    /// The Markdown document.
    ///
    /// - Parameters:
    ///   - rows: The agreement rows.
    ///   - skipped: Benchmarks that could not be checked.
    ///   - command: The command that produced the file.
    public static func markdown(rows: [ReferenceAgreement], skipped: [String], command: String) -> String {
        var out = """
            # Scoring agreement with published official verdicts

            Produced by `\(command)` from the published model outputs in `../shared/data/*/reference-outputs`
            (see `../shared/data/REFERENCE-OUTPUTS.md`). Each row scores every item of one model's outputs with
            Proctor's `official` mode and compares the verdict item by item with the verdict the benchmark's own
            scorer published. "Proctor correct" / "published correct" are the two correct counts; "stated" is the
            aggregate the reference files state.

            | benchmark | model / file | comparison | agree | agreement | Proctor correct | published correct | stated | first disagreements |
            |---|---|---|---|---|---|---|---|---|

            """
        for r in rows {
            let rate = String(format: "%.2f%%", r.rate)
            let ids = r.disagreements.prefix(6).joined(separator: ", ")
            out += "| \(r.benchmark) | \(r.model) | \(r.comparison) | \(r.agreeing)/\(r.total) | \(rate) | \(r.proctorCorrect) | \(r.publishedCorrect) | \(r.publishedScore) | \(ids) |\n"
        }
        if !skipped.isEmpty {
            out += "\nSkipped (reference files absent or unreadable):\n\n" + skipped.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
