"""Render results/scoring-speed.md from the two JSON summaries and the per-pair verdicts."""
import json
import platform
import subprocess
import sys


def main(mv_json, pr_json, mv_verdicts, pr_verdicts, pairs_path, command):
    mv, pr = json.loads(mv_json), json.loads(pr_json)
    a = open(mv_verdicts).read().split()
    b = open(pr_verdicts).read().split()
    pairs = [json.loads(line) for line in open(pairs_path, encoding="utf-8")]
    disagree = [(p["gold"], p["output"].rsplit("$\\boxed{", 1)[-1][:40]) for p, x, y in zip(pairs, a, b) if x != y]
    try:
        cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
    except OSError:
        cpu = platform.processor()
    print("# Scoring speed: Proctor vs math-verify 0.9.0\n")
    load = open("/proc/loadavg").read().split()[:3] if platform.system() == "Linux" else ["?"]
    print(f"Command: `{command}` (pins both to one core with `taskset -c 0`). Machine: {cpu}, Python {platform.python_version()};")
    print(f"load average at the end of the run: {' '.join(load)} (a shared machine: tail latencies of both include preemption).\n")
    print(f"{mv['pairs']} generated (gold, output) pairs (22 answer kinds, ~70% equivalent forms, CoT bodies 0.3k-12k chars,")
    print("85% boxed, 80% with `<think>`; `benchmarks/scoring/generate_pairs.py`, seed 20260). End to end per pair: math-verify")
    print("`parse(gold)` + `parse(answer text)` + `verify`; Proctor `MathAnswerScorer` strict mode (think split, extraction,")
    print(f"normalisation, parsing, comparison; release build, {pr['repeats']} passes over the pairs).\n")
    print("| measurement | math-verify 0.9.0 | Proctor | ratio |")
    print("|---|---|---|---|")
    print(f"| pairs/s | {mv['pairs_per_second']:.0f} | {pr['pairs_per_second']:.0f} | {pr['pairs_per_second'] / mv['pairs_per_second']:.0f}x |")
    for key, label in [("mean_us", "mean latency"), ("p50_us", "median latency"), ("p90_us", "p90 latency"),
                       ("p99_us", "p99 latency"), ("max_us", "max latency")]:
        print(f"| {label} | {mv[key]:.1f} µs | {pr[key]:.1f} µs | {mv[key] / pr[key]:.0f}x |")
    print(f"| pairs judged equivalent | {mv['correct']} | {pr['correct']} | |")
    print(f"\nVerdicts agree on {len(a) - len(disagree)}/{len(a)} pairs.", end=" ")
    if disagree:
        kinds = sorted({g for g, _ in disagree})
        print("Golds of the disagreeing pairs: " + ", ".join(f"`{k}`" for k in kinds) + ".")
    else:
        print()


if __name__ == "__main__":
    main(*sys.argv[1:7])
