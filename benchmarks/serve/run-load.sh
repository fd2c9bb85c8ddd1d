#!/usr/bin/env bash
# Opt-in (not CI): 32 concurrent streamed chat completions for 60 s from a second process (load.py, the official
# openai package) against `proctor serve --model smollm2`, then against llama-cpp-python's server on the same GGUF
# with the same threads, in one run; writes tokens per second and time-to-first-token percentiles side by side,
# with their ratio, to results/serve/load-<date>.md. llama-cpp-python's server answers one request at a time; it runs
# with --interrupt_requests False, so that a new request waits instead of cutting off the stream in progress (its
# default, which would fail nearly every request of a concurrent load).
#
# Environment: VENV (a venv with llama-cpp-python[server] and openai; default /work/venv-lcp), MODEL_FILE (default
# ~/.cache/proctor/models/SmolLM2-135M-Instruct.Q4_1.gguf), THREADS (default 2), CONCURRENCY (default 32),
# DURATION (default 60), MAX_TOKENS (default 64), CONFIG (debug or release; default release).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
VENV=${VENV:-/work/venv-lcp}
MODEL_FILE=${MODEL_FILE:-$HOME/.cache/proctor/models/SmolLM2-135M-Instruct.Q4_1.gguf}
THREADS=${THREADS:-2}
CONCURRENCY=${CONCURRENCY:-32}
DURATION=${DURATION:-60}
MAX_TOKENS=${MAX_TOKENS:-64}
CONFIG=${CONFIG:-release}
PROCTOR_PORT=${PROCTOR_PORT:-18801}
LCP_PORT=${LCP_PORT:-18802}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR=$REPO/results/serve
OUT=$OUT_DIR/load-$STAMP.md
mkdir -p "$OUT_DIR"

(cd "$REPO" && swift build -c "$CONFIG" --product proctor)
PROCTOR=$REPO/.build/$CONFIG/proctor
LOGS=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

wait_for() {  # URL
    for _ in $(seq 1 600); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
    echo "run-load: $1 did not answer within 300 s" >&2; return 1
}

"$PROCTOR" serve --model "$MODEL_FILE" --served-model-name smollm2 --threads "$THREADS" --host 127.0.0.1 --port "$PROCTOR_PORT" \
    >"$LOGS/proctor.out" 2>"$LOGS/proctor.err" &
PIDS+=($!)
wait_for "http://127.0.0.1:$PROCTOR_PORT/v1/models"
PROCTOR_CMD="$VENV/bin/python benchmarks/serve/load.py http://127.0.0.1:$PROCTOR_PORT/v1 smollm2 $CONCURRENCY $DURATION $MAX_TOKENS"
proctor_json=$(cd "$REPO" && $PROCTOR_CMD)
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true

"$VENV/bin/python" "$REPO/benchmarks/openai/lcp_server.py" --model "$MODEL_FILE" --model_alias smollm2 --n_threads "$THREADS" --n_threads_batch "$THREADS" \
    --n_ctx 8192 --interrupt_requests False --host 127.0.0.1 --port "$LCP_PORT" >"$LOGS/lcp.out" 2>"$LOGS/lcp.err" &
PIDS+=($!)
wait_for "http://127.0.0.1:$LCP_PORT/v1/models"
LCP_CMD="$VENV/bin/python benchmarks/serve/load.py http://127.0.0.1:$LCP_PORT/v1 smollm2 $CONCURRENCY $DURATION $MAX_TOKENS"
lcp_json=$(cd "$REPO" && $LCP_CMD)

"$VENV/bin/python" - "$proctor_json" "$lcp_json" >"$OUT" <<PY
import json, sys
p, l = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def f(v, unit=""):
    return "–" if v is None else (f"{v:.3f}{unit}" if isinstance(v, float) else f"{v}{unit}")
def ratio(a, b):
    return "–" if not a or not b else f"{a / b:.2f}"
print("# proctor serve under load, next to llama-cpp-python's server")
print()
print("- date: $STAMP; proctor $(cd "$REPO" && git rev-parse --short HEAD) ($CONFIG build); model: SmolLM2-135M-Instruct Q4_1 GGUF;")
print("  both servers with $THREADS threads on this 2-core machine (shared with other builds: $(cut -d' ' -f1-3 /proc/loadavg) load average at the end)")
print("- command: \`CONFIG=$CONFIG THREADS=$THREADS CONCURRENCY=$CONCURRENCY DURATION=$DURATION MAX_TOKENS=$MAX_TOKENS benchmarks/serve/run-load.sh\`")
print("  - proctor: \`$PROCTOR serve --model MODEL --served-model-name smollm2 --threads $THREADS\`, load: \`$PROCTOR_CMD\`")
print("  - llama-cpp-python: \`python benchmarks/openai/lcp_server.py --model MODEL --n_threads $THREADS --n_threads_batch $THREADS --n_ctx 8192 --interrupt_requests False\`, load: \`$LCP_CMD\`")
print()
print("| | proctor serve | llama-cpp-python | proctor / llama-cpp-python |")
print("|---|---|---|---|")
for key, label in [("requests", "requests completed"), ("failed", "requests failed"), ("completion_tokens", "tokens generated"),
                   ("tokens_per_s", "tokens per second"), ("ttft_p50_s", "time to first token p50 (s)"),
                   ("ttft_p90_s", "time to first token p90 (s)"), ("ttft_p99_s", "time to first token p99 (s)"),
                   ("latency_p50_s", "request latency p50 (s)"), ("latency_p99_s", "request latency p99 (s)")]:
    print(f"| {label} | {f(p[key])} | {f(l[key])} | {ratio(p[key], l[key]) if key not in ('failed',) else ''} |")
print()
print("Failures (first five each): proctor", p["failures"], "; llama-cpp-python", l["failures"])
PY
cat "$OUT"
