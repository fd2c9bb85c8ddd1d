import Foundation
import InferenceEngine

/// Teacher-forced comparison with the golden files: max |Δ| of the top-5 logits per case.
enum Accuracy {
    struct Step: Decodable { var top5_ids: [Int]; var top5_logits: [Float] }
    struct Case: Decodable { var name: String; var prompt_ids: [Int]; var generated_ids: [Int]; var steps: [Step] }
    struct File: Decodable { var cases: [Case] }

    static func run(model path: String, golden: String, reference: Bool, halfCache: Bool, steps: Int) throws {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: golden)))
        let model = try LanguageModel(path: path, reference: reference)
        let generator = try Generator(model: model, threads: 2)
        generator.halfPrecisionCache = halfCache
        // FORCE_FROM=other-golden.json feeds that file's generated ids instead (the tests feed llama.cpp's tokens
        // to the float reference comparison, since the reference's own continuation differs after a near-tie).
        let forcedFrom = try ProcessInfo.processInfo.environment["FORCE_FROM"].map {
            try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        for c in file.cases {
            let id = try generator.add(prompt: c.prompt_ids, parameters: SamplingParameters(maxTokens: 64))
            var logits = generator.logits(id) ?? []
            let forced = forcedFrom?.cases.first { $0.name == c.name }?.generated_ids ?? c.generated_ids
            var worst: Float = 0, worstStep = 0, agree = 0
            for s in 0..<min(steps, c.steps.count) {
                let step = c.steps[s]
                for (t, v) in zip(step.top5_ids, step.top5_logits) where abs(logits[t] - v) > worst {
                    worst = abs(logits[t] - v); worstStep = s
                }
                if Sampler.argmax(logits) == step.top5_ids[0] { agree += 1 }
                if s + 1 < c.steps.count { logits = generator.force(id, token: forced[s]) ?? [] }
            }
            print("\(c.name): max |Δ| \(worst) at step \(worstStep), top-1 agree \(agree)/\(min(steps, c.steps.count))")
            generator.remove(id)
        }
    }
}
