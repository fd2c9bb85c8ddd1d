import Foundation
import IFEvalBenchmark
import ProctorReport
import ProctorTestSupport
import Testing

/// Proctor's checker against the official checker's published verdicts, item by item.
///
/// With `IFEVAL_AGREEMENT_OUT=PATH` set, the per-instruction table is also written to PATH (the command in
/// results/ifeval-agreement.md).
@Suite(.enabled(if: ReferenceOutputs.available, "needs ../shared/data/ifeval/reference-outputs (the published checker outputs)"))
struct IFEvalAgreementTests {
    @Test func instructionAndPromptVerdictsAgreeWithThePublishedOnes() async throws {
        let reference = try await ReferenceOutputs.load()
        #expect(reference.prompts.count == reference.strictRows.count, "every published row matched an input and was scored")
        let instructions = reference.instructions
        #expect(instructions.count == reference.strictRows.reduce(0) { $0 + $1.followed.count })
        let strictAgree = instructions.count { $0.strict == $0.referenceStrict }
        let looseAgree = instructions.count { $0.loose == $0.referenceLoose }
        let promptStrictAgree = reference.prompts.count { $0.strict == $0.referenceStrict }
        let promptLooseAgree = reference.prompts.count { $0.loose == $0.referenceLoose }
        for miss in instructions where miss.strict != miss.referenceStrict || miss.loose != miss.referenceLoose {
            print("ifeval disagreement: row \(miss.row) key \(miss.itemID) \(miss.id): strict \(miss.strict) (published \(miss.referenceStrict)), loose \(miss.loose) (published \(miss.referenceLoose))")
        }
        #expect(Double(strictAgree) >= 0.99 * Double(instructions.count), "strict instruction agreement \(strictAgree)/\(instructions.count)")
        #expect(Double(looseAgree) >= 0.99 * Double(instructions.count), "loose instruction agreement \(looseAgree)/\(instructions.count)")
        #expect(Double(promptStrictAgree) >= 0.995 * Double(reference.prompts.count), "strict prompt agreement \(promptStrictAgree)/\(reference.prompts.count)")
        #expect(Double(promptLooseAgree) >= 0.99 * Double(reference.prompts.count), "loose prompt agreement \(promptLooseAgree)/\(reference.prompts.count)")

        // The four aggregates: the published files' against the definition's own metrics over Proctor's verdicts
        // (the numbers `report` shows), within 0.3 points on all rows and on the rows whose official verdicts are
        // reproducible. On the rows where the official checker draws a letter at random, the metrics count the
        // probability that its draw passes.
        let reproducible = reference.filtered { !$0.officialRandom }
        #expect(reproducible.prompts.count < reference.prompts.count, "the published rows include randomly drawn official verdicts")
        for rows in [reference, reproducible] {
            let ours = AgreementTable.aggregates(rows, published: false), published = AgreementTable.aggregates(rows, published: true)
            #expect(Set(ours.keys) == Set(AgreementTable.metricNames))
            for (name, value) in ours {
                let expected = try #require(published[name])
                #expect(abs(value - expected) <= 0.3, "\(name) on \(rows.prompts.count) rows: \(value) vs the checker's \(expected)")
            }
        }
        if let path = ProcessInfo.processInfo.environment["IFEVAL_AGREEMENT_OUT"] {
            try AgreementTable.markdown(reference).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}

/// The agreement table as markdown.
enum AgreementTable {
    static let metricNames = ["prompt_level_strict", "inst_level_strict", "prompt_level_loose", "inst_level_loose"]

    /// The four metrics in percent: counted from the published verdicts, or Proctor's as the definition's metrics
    /// compute them from its verdicts (expected official results included).
    static func aggregates(_ reference: ReferenceOutputs, published: Bool) -> [String: Double] {
        guard published else {
            let results = reference.verdicts.mapValues { ItemResult(itemID: "", verdicts: [$0], failed: 0, hitLength: 0) }
            var values: [String: Double] = [:]
            for metric in IFEvalBenchmark.officialMetrics { values[metric.name] = metric.value(results: results, items: [:]) }
            return values
        }
        let prompts = reference.prompts, instructions = reference.instructions
        func percent(_ count: Int, _ total: Int) -> Double { total == 0 ? 0 : 100 * Double(count) / Double(total) }
        return [
            "prompt_level_strict": percent(prompts.count(where: \.referenceStrict), prompts.count),
            "inst_level_strict": percent(instructions.count(where: \.referenceStrict), instructions.count),
            "prompt_level_loose": percent(prompts.count(where: \.referenceLoose), prompts.count),
            "inst_level_loose": percent(instructions.count(where: \.referenceLoose), instructions.count),
        ]
    }

    static func markdown(_ reference: ReferenceOutputs) -> String {
        let instructions = reference.instructions
        var lines = [
            "# IFEval: Proctor's checker vs the official checker's published verdicts", "",
            "Rows: the \(reference.prompts.count) rows of `../shared/data/ifeval/reference-outputs/eval_results_{strict,loose}.jsonl` "
                + "(GPT-4's responses from the IFEval paper, run through google-research's checker), read with `proctor score`'s "
                + "`input_response_data` format and scored by `IFEvalScorer` in official mode.", "",
            "Produced by: `IFEVAL_AGREEMENT_OUT=$PWD/results/ifeval-agreement.md swift test --filter IFEvalAgreementTests`", "",
            "## Aggregates (percent)", "",
            "Proctor's figures are the definition's own metrics (what `report` shows). On the rows where the official checker draws a "
                + "random letter, they count the share of the 26 equally likely letters whose check passes.", "",
            "| metric | official checker | Proctor | difference |", "|---|---:|---:|---:|",
        ]
        let reproducible = reference.filtered { !$0.officialRandom }
        for (title, rows) in [("all \(reference.prompts.count) rows", reference), ("the \(reproducible.prompts.count) rows without a random official verdict", reproducible)] {
            let ours = aggregates(rows, published: false), published = aggregates(rows, published: true)
            for name in metricNames {
                let a = published[name] ?? 0, b = ours[name] ?? 0
                lines.append("| \(name), \(title) | \(format(a)) | \(format(b)) | \(format(b - a)) |")
            }
        }
        let strictAgree = instructions.count { $0.strict == $0.referenceStrict }, looseAgree = instructions.count { $0.loose == $0.referenceLoose }
        let promptStrict = reference.prompts.count { $0.strict == $0.referenceStrict }, promptLoose = reference.prompts.count { $0.loose == $0.referenceLoose }
        lines += [
            "", "## Agreement", "",
            "| level | strict | loose |", "|---|---:|---:|",
            "| instructions | \(strictAgree)/\(instructions.count) (\(format(100 * Double(strictAgree) / Double(max(1, instructions.count))))%) | \(looseAgree)/\(instructions.count) (\(format(100 * Double(looseAgree) / Double(max(1, instructions.count))))%) |",
            "| prompts | \(promptStrict)/\(reference.prompts.count) (\(format(100 * Double(promptStrict) / Double(max(1, reference.prompts.count))))%) | \(promptLoose)/\(reference.prompts.count) (\(format(100 * Double(promptLoose) / Double(max(1, reference.prompts.count))))%) |",
            "", "## Per instruction id", "",
            "| instruction id | n | strict agree | loose agree | followed strict (checker / Proctor) | followed loose (checker / Proctor) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for id in Set(instructions.map(\.id)).sorted() {
            let rows = instructions.filter { $0.id == id }
            let s = rows.count { $0.strict == $0.referenceStrict }, l = rows.count { $0.loose == $0.referenceLoose }
            lines.append("| `\(id)` | \(rows.count) | \(s) | \(l) | \(rows.count(where: \.referenceStrict)) / \(rows.count(where: \.strict)) | \(rows.count(where: \.referenceLoose)) / \(rows.count(where: \.loose)) |")
        }
        lines += [
            "", "## Disagreements", "", "| row | key | instruction | strict (checker → Proctor) | loose (checker → Proctor) | why |",
            "|---:|---:|---|---|---|---|",
        ]
        for miss in instructions where miss.strict != miss.referenceStrict || miss.loose != miss.referenceLoose {
            let why = miss.officialRandom
                ? "the official checker replaces this argument (not a letter a–z) by a random letter, unseeded, drawn anew for the strict and the loose run; Proctor's verdict counts the character the prompt names, and its metrics count the share of the 26 letters that pass"
                : "not explained"
            lines.append("| \(miss.row) | \(miss.itemID) | `\(miss.id)` | \(miss.referenceStrict) → \(miss.strict) | \(miss.referenceLoose) → \(miss.loose) | \(why) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", (value * 100).rounded() / 100 + 0) }
}
