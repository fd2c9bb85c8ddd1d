import Foundation
import InferenceEngine

// engine-bench accuracy MODEL GOLDEN [ref] [f32kv] [steps]
// engine-bench speed MODEL [prefill=512] [decode=256] [runs=3] [batch=16] [threads=2] [ref]
// engine-bench vision FOLDER [threads=2] [layers]: seconds per 448-pixel tile through an InternVL vision tower
// MODEL is a .gguf file or a Hugging Face checkpoint folder (ref: f32 weights; otherwise Q8_0 for folders).
let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: engine-bench accuracy MODEL GOLDEN [ref] [f32kv] | speed MODEL [prefill] [decode] [runs] [batch]")
    exit(2)
}
do {
    switch args[1] {
    case "accuracy":
        try Accuracy.run(model: args[2], golden: args[3], reference: args.contains("ref"), halfCache: !args.contains("f32kv"),
                         steps: Int(args.last ?? "") ?? 32)
    case "speed":
        let rest = args.dropFirst(3).compactMap { Int($0) }
        try Speed.run(model: args[2], prefill: rest.count > 0 ? rest[0] : 512, decode: rest.count > 1 ? rest[1] : 256,
                      runs: rest.count > 2 ? rest[2] : 3, batch: rest.count > 3 ? rest[3] : 16,
                      threads: rest.count > 4 ? rest[4] : 2, reference: args.contains("ref"))
    case "vision":
        try VisionSpeed.run(folder: args[2], threads: args.count > 3 ? Int(args[3]) ?? 2 : 2,
                            layers: args.count > 4 ? Int(args[4]) : nil)
    default:
        print("unknown mode \(args[1])")
        exit(2)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
