"""Turns run.sh's raw lines ("lcp|swift LOAD JSON") into results/engine-speed.md."""
import json
import platform
import statistics
import sys

raw, model, prefill, decode, batch, threads, command = sys.argv[1:8]
lcp, swift, loads = {"pp": [], "tg": []}, {"pp": [], "tg": [], "bt": []}, []
simd = "?"
for line in open(raw):
    who, load, payload = line.split(" ", 2)
    loads.append(float(load))
    data = json.loads(payload)
    if who == "lcp":
        lcp["pp"] += data["pp_tok_s"]; lcp["tg"] += data["tg_tok_s"]
    else:
        swift["pp"] += data["pp_tok_s"]; swift["tg"] += data["tg_tok_s"]; swift["bt"] += data["batched_tok_s"]
        simd = data.get("simd", "?")
med = {k: statistics.median(v) for k, v in lcp.items()}
smed = {k: statistics.median(v) for k, v in swift.items()}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
fmt = lambda xs: ", ".join(f"{x:.1f}" for x in xs)
print(f"""# Embedded engine vs llama.cpp: SmolLM2-135M-Instruct Q4_1, {threads} thread(s)

Command: `{command}` on `{model}`.
CPU: {cpu} (Proctor kernels used the `{simd}` path). Load average (1 min) at each run: {fmt(loads)}
(the machine is shared with other builds; absolute numbers move with the load, compare the ratios).

| workload | llama.cpp tok/s (median; runs) | Proctor engine tok/s (median; runs) | ratio | target |
|---|---|---|---|---|
| prefill {prefill} tokens | {med['pp']:.1f} ({fmt(lcp['pp'])}) | {smed['pp']:.1f} ({fmt(swift['pp'])}) | {smed['pp']/med['pp']:.2f}× | ≥ 3× |
| decode {decode} tokens after it | {med['tg']:.1f} ({fmt(lcp['tg'])}) | {smed['tg']:.1f} ({fmt(swift['tg'])}) | {smed['tg']/med['tg']:.2f}× | ≥ 2× |
| {batch} sequences decoding together (total tok/s) vs llama.cpp single-stream decode | {med['tg']:.1f} | {smed['bt']:.1f} ({fmt(swift['bt'])}) | {smed['bt']/med['tg']:.2f}× | ≥ 5× |

Method: llama-cpp-python with `use_extra_bufts = false`, `n_ctx 2048`, `n_batch 512`, {threads} thread(s); both engines get the
same {prefill} prompt ids and decode greedily ignoring EOS; the engines alternate; each invocation does one warm-up
repetition first.
""")
