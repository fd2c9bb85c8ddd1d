#!/bin/sh
# Peak memory of the Swift engine and of llama.cpp (llama-cpp-python) doing the same single-stream work: load the
# GGUF, prefill PREFILL tokens, decode DECODE greedy tokens, 2 threads. Peak = the process's maximum resident set
# size (GNU time's %M). The Python interpreter with numpy and llama_cpp imported but no model loaded is measured
# too, so llama.cpp's own share can be read off. Writes results/engine-memory.md with the command.
# Usage: benchmarks/engine/memory.sh [MODEL]   env: PREFILL=512 DECODE=256 THREADS=2 VENV=benchmarks/.venv-lcp
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
model=${1:-${PROCTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/proctor}/models/SmolLM2-135M-Instruct.Q4_1.gguf}
prefill=${PREFILL:-512}; decode=${DECODE:-256}; threads=${THREADS:-2}
venv=${VENV:-$root/benchmarks/.venv-lcp}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import llama_cpp" 2>/dev/null; then
    echo "building llama-cpp-python in $venv (about 16 minutes on 2 cores)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install llama-cpp-python numpy
fi
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
(cd "$here/.." && swift build -c release --product engine-bench >&2)
bench="$here/../.build/release/engine-bench"
peak() { out=$(mktemp); /usr/bin/time -f '%M' -o "$out" "$@" > /dev/null; tail -n 1 "$out"; rm -f "$out"; }
lcp=$(NT=$threads peak "$venv/bin/python" "$here/bench_lcp.py" "$model" "$prefill" "$decode" 1)
base=$(peak "$venv/bin/python" -c "import numpy, llama_cpp")
swift=$(peak "$bench" speed "$model" "$prefill" "$decode" 1 1 "$threads")
mkdir -p "$root/results"
{
    echo "# Engine peak memory vs llama.cpp"
    echo
    echo "Command: \`PREFILL=$prefill DECODE=$decode THREADS=$threads benchmarks/engine/memory.sh\` ($(date -u +%Y-%m-%d), $(basename "$model"))."
    echo "Each side loads the model, prefills $prefill tokens and decodes $decode greedy tokens in one sequence with $threads threads;"
    echo "peak = maximum resident set size of the process (GNU time %M). llama.cpp runs with n_ctx 2048 (its KV cache is"
    echo "sized for that); the Swift engine sizes its cache for the sequence it runs."
    echo
    echo "| process | peak RSS (MiB) |"
    echo "|---|---|"
    awk -v k="$lcp" 'BEGIN { printf "| llama.cpp via llama-cpp-python (whole process) | %.1f |\n", k / 1024 }'
    awk -v k="$base" 'BEGIN { printf "| python with numpy + llama_cpp imported, no model | %.1f |\n", k / 1024 }'
    awk -v k="$lcp" -v b="$base" 'BEGIN { printf "| llama.cpp share (difference) | %.1f |\n", (k - b) / 1024 }'
    awk -v k="$swift" 'BEGIN { printf "| Proctor engine (engine-bench, whole process) | %.1f |\n", k / 1024 }'
    echo
    awk -v s="$swift" -v k="$lcp" -v b="$base" 'BEGIN { printf "Ratio to llama.cpp: %.2f of the whole process, %.2f of llama.cpp'"'"'s share (target: at most 1.20).\n", s / k, s / (k - b) }'
} > "$root/results/engine-memory.md"
cat "$root/results/engine-memory.md"
