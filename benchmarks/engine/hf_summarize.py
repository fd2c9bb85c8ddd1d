"""Turns hf-check.sh's raw lines into results/engine-hf.md (accuracy table, speed medians and ratios)."""
import json
import statistics
import sys

raw, command = sys.argv[1], sys.argv[2]
accuracy, speed, loads = [], {}, []
for line in open(raw):
    kind, name, rest = line.rstrip("\n").split(" ", 2)
    if kind == "acc":
        accuracy.append((name, [c for c in rest.split(";") if c]))
    else:
        load, payload = rest.split(" ", 1)
        loads.append(load)
        speed.setdefault(name, []).append(json.loads(payload))

print("# Hugging Face checkpoint folders on a real model: SmolLM2-135M-Instruct\n")
print(f"Command: `{command}`. The folder is the Q4_1 GGUF converted by transformers (`benchmarks/engine/hf_from_gguf.py`:")
print("weights dequantized to float32, q/k un-permuted to Hugging Face's layout, saved with `save_pretrained`), so the")
print("folder and the GGUF hold the same numbers and the numpy float32 reference of `../shared/engine-golden` applies to both.\n")
print("## Accuracy: teacher-forced on llama.cpp's 32 greedy ids, top-5 logits vs the numpy float32 reference\n")
print("| engine path | plain_capital | plain_code | chat_math |")
print("|---|---|---|---|")
for name, cases in accuracy:
    print(f"| {name} | " + " | ".join(c.split(": ", 1)[1].replace("|", "\\|") for c in cases) + " |")
print("\n(f32 paths use an f32 KV cache; the Q8_0 path quantizes weights at load and activations per 32-value block, with an f16 KV cache.)\n")
print(f"## Speed, {speed[next(iter(speed))][0]['threads']} threads (load average at each run: {', '.join(loads)}; the machine is shared, compare within a round)\n")
print("| variant | weights in memory | prefill tok/s | decode tok/s | batched decode tok/s | decode vs GGUF Q4_1 |")
print("|---|---|---|---|---|---|")
base = statistics.median(r["tg_median"] for r in speed["gguf-q4_1"])
for name, runs in speed.items():
    pp = statistics.median(r["pp_median"] for r in runs)
    tg = statistics.median(r["tg_median"] for r in runs)
    bt = statistics.median(r["batched_median"] for r in runs)
    mb = runs[0]["weight_bytes"] / 1e6
    print(f"| {name} | {mb:.0f} MB | {pp:.1f} | {tg:.1f} | {bt:.1f} | {tg / base:.2f}× |")
r0 = speed["gguf-q4_1"][0]
print(f"\nWorkload: {r0['prefill_tokens']}-token prefill, {r0['decode_tokens']} greedy decode steps, {r0['batch']} sequences decoded together; medians over rounds.")
