import EngineThreads
import Foundation
import InferenceEngine

/// Prefill and decode throughput on the same workload as the llama.cpp anchor (greedy, EOS ignored).
enum Speed {
    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    static func run(model path: String, prefill: Int, decode: Int, runs: Int, batch: Int, threads: Int, reference: Bool = false) throws {
        let loadStart = Date()
        let model = try LanguageModel(path: path, reference: reference)
        let load = Date().timeIntervalSince(loadStart)
        // PROCTOR_KERNELS forces a kernel set (avx512, avx2, scalar), as in `proctor run`.
        let kernels = try KernelSet.fromEnvironment(ProcessInfo.processInfo.environment)
        let generator = try Generator(model: model, threads: threads, kernels: kernels)
        generator.prefillChunk = 512
        // A deterministic pseudo-text prompt of `prefill` ids (ordinary tokens of the vocabulary).
        let prompt = (0..<prefill).map { 1000 + ($0 * 7919) % 30000 }
        let greedy = SamplingParameters(maxTokens: decode + 1, stopTokens: [])
        var pp: [Double] = [], tg: [Double] = [], bt: [Double] = []
        for run in 0...runs {
            let t0 = Date()
            let id = try generator.add(prompt: prompt, parameters: greedy)
            let t1 = Date()
            for _ in 0..<decode { generator.step() }
            let t2 = Date()
            generator.remove(id)
            // `batch` sequences with short distinct prompts, decoded together.
            let ids = try (0..<batch).map { try generator.add(prompt: Array(prompt.prefix(16 + $0)), parameters: greedy) }
            let t3 = Date()
            for _ in 0..<decode { generator.step() }
            let t4 = Date()
            ids.forEach(generator.remove)
            if run == 0 { continue }  // warm-up
            pp.append(Double(prefill) / t1.timeIntervalSince(t0))
            tg.append(Double(decode) / t2.timeIntervalSince(t1))
            bt.append(Double(decode * batch) / t4.timeIntervalSince(t3))
        }
        let json: [String: Any] = [
            "engine": "proctor", "reference": reference, "weight_bytes": model.weightBytes, "kernels": kernels.name, "threads": threads, "load_seconds": load,
            "prefill_tokens": prefill, "decode_tokens": decode, "batch": batch,
            "pp_tok_s": pp, "tg_tok_s": tg, "batched_tok_s": bt,
            "pp_median": median(pp), "tg_median": median(tg), "batched_median": median(bt),
        ]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
