#!/bin/sh
# Engine speed benchmark: the Swift engine (release build) and llama.cpp (llama-cpp-python) on the same GGUF,
# 2 threads, alternating, ROUNDS rounds; each round = 1 warm-up + 1 timed run per engine of a PREFILL-token
# prefill and DECODE greedy decode steps, plus the Swift engine decoding BATCH sequences together.
# Writes results/engine-speed.md (medians, ratios, load averages, the command).
# KERNELS lists the Proctor kernel sets to run side by side in each round (PROCTOR_KERNELS forced per run).
# Usage: benchmarks/engine/run.sh [MODEL]   env: ROUNDS=3 PREFILL=512 DECODE=256 BATCH=16 THREADS=2 KERNELS="avx512 avx2"
#        VENV=benchmarks/.venv-lcp
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
model=${1:-${PROCTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/proctor}/models/SmolLM2-135M-Instruct.Q4_1.gguf}
rounds=${ROUNDS:-3}; prefill=${PREFILL:-512}; decode=${DECODE:-256}; batch=${BATCH:-16}; threads=${THREADS:-2}
kernels=${KERNELS:-avx512 avx2}
venv=${VENV:-$root/benchmarks/.venv-lcp}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import llama_cpp" 2>/dev/null; then
    echo "building llama-cpp-python in $venv (about 16 minutes on 2 cores)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install llama-cpp-python numpy
fi
(cd "$here/.." && swift build -c release --product engine-bench >&2)
bench="$here/../.build/release/engine-bench"
raw=$(mktemp)
for i in $(seq "$rounds"); do
    echo "round $i: llama.cpp" >&2
    printf 'lcp %s %s\n' "$(cat /proc/loadavg | cut -d' ' -f1)" "$(NT=$threads "$venv/bin/python" "$here/bench_lcp.py" "$model" "$prefill" "$decode" 1)" >> "$raw"
    for set in $kernels; do
        echo "round $i: proctor engine, $set kernels" >&2
        printf 'swift-%s %s %s\n' "$set" "$(cat /proc/loadavg | cut -d' ' -f1)" \
            "$(PROCTOR_KERNELS=$set "$bench" speed "$model" "$prefill" "$decode" 1 "$batch" "$threads")" >> "$raw"
    done
done
mkdir -p "$root/results"
python3 "$here/summarize.py" "$raw" "$model" "$prefill" "$decode" "$batch" \
    "$threads" "THREADS=$threads ROUNDS=$rounds PREFILL=$prefill DECODE=$decode BATCH=$batch KERNELS=\"$kernels\" benchmarks/engine/run.sh" > "$root/results/engine-speed${THREADS:+-t$threads}.md"
cat "$root/results/engine-speed${THREADS:+-t$threads}.md"
