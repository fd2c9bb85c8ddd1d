"""Turns run.sh's raw lines ("lcp|swift-SET LOAD JSON") into results/engine-speed.md: one row per workload and
Proctor kernel set, each against llama.cpp's median of the same rounds."""
import json
import platform
import statistics
import sys

raw, model, prefill, decode, batch, threads, command = sys.argv[1:8]
lcp, swift, loads = {"pp": [], "tg": []}, {}, []
for line in open(raw):
    who, load, payload = line.split(" ", 2)
    loads.append(float(load))
    data = json.loads(payload)
    if who == "lcp":
        lcp["pp"] += data["pp_tok_s"]; lcp["tg"] += data["tg_tok_s"]
    else:
        name = data.get("kernels", who.split("-", 1)[-1])
        s = swift.setdefault(name, {"pp": [], "tg": [], "bt": []})
        s["pp"] += data["pp_tok_s"]; s["tg"] += data["tg_tok_s"]; s["bt"] += data["batched_tok_s"]
med = {k: statistics.median(v) for k, v in lcp.items()}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
fmt = lambda xs: ", ".join(f"{x:.1f}" for x in xs)
rows = []
for name, s in swift.items():
    m = {k: statistics.median(v) for k, v in s.items()}
    rows.append(f"| prefill {prefill} tokens | `{name}` | {med['pp']:.1f} ({fmt(lcp['pp'])}) | {m['pp']:.1f} ({fmt(s['pp'])}) | {m['pp']/med['pp']:.2f}× |")
    rows.append(f"| decode {decode} tokens after it | `{name}` | {med['tg']:.1f} ({fmt(lcp['tg'])}) | {m['tg']:.1f} ({fmt(s['tg'])}) | {m['tg']/med['tg']:.2f}× |")
    rows.append(f"| {batch} sequences decoding together (total tok/s) vs llama.cpp single-stream decode | `{name}` | {med['tg']:.1f} | {m['bt']:.1f} ({fmt(s['bt'])}) | {m['bt']/med['tg']:.2f}× |")
table = "\n".join(rows)
print(f"""# Embedded engine vs llama.cpp: SmolLM2-135M-Instruct Q4_1, {threads} thread(s)

Command: `{command}` on `{model}`.
CPU: {cpu}. Load average (1 min) at each run: {fmt(loads)}
(the machine is shared with other builds; absolute numbers move with the load, compare the ratios).

| workload | Proctor kernel set | llama.cpp tok/s (median; runs) | Proctor engine tok/s (median; runs) | ratio |
|---|---|---|---|---|
{table}

Method: llama-cpp-python with `use_extra_bufts = false`, `n_ctx 2048`, `n_batch 512`, {threads} thread(s); both engines get the
same {prefill} prompt ids and decode greedily ignoring EOS; the engines (and Proctor's kernel sets, forced with
`PROCTOR_KERNELS`) alternate within each round; each invocation does one warm-up repetition first.
""")
