#!/usr/bin/env bash
# Opt-in (not CI): Proctor's OpenAI-compatible backend against a real model server.
#
# Builds llama-cpp-python's server into a venv (~16 minutes on 2 cores the first time), serves the SmolLM2-135M
# GGUF on 127.0.0.1 with 2 threads, runs
#   proctor run --model openai:http://127.0.0.1:PORT/v1 --model-name smollm2 --benchmarks aime24 --limit 5 --data ../shared/data
# then the live backend tests (swift test --filter LiveServerTests) against it, and writes what happened to
# results/openai/.
#
# Environment: VENV (default benchmarks/.venv-lcp-server; reuse e.g. /work/venv-lcp-server), MODEL_FILE (default
# ~/.cache/proctor/models/SmolLM2-135M-Instruct.Q4_1.gguf), PORT (default 8089), DATA (default ../shared/data),
# BENCHMARKS (default aime24), LIMIT (default 5), MAX_TOKENS (default 1024), THREADS (default 2).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
VENV=${VENV:-$REPO/benchmarks/.venv-lcp-server}
MODEL_FILE=${MODEL_FILE:-$HOME/.cache/proctor/models/SmolLM2-135M-Instruct.Q4_1.gguf}
PORT=${PORT:-8089}
DATA=${DATA:-$REPO/../shared/data}
BENCHMARKS=${BENCHMARKS:-aime24}
LIMIT=${LIMIT:-5}
MAX_TOKENS=${MAX_TOKENS:-1024}
THREADS=${THREADS:-2}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR=$REPO/results/openai
OUT=$OUT_DIR/llama-cpp-server-$STAMP.md
DB=$OUT_DIR/llama-cpp-server-$STAMP.sqlite
LOG=$(mktemp -t lcp-server.XXXXXX.log)
mkdir -p "$OUT_DIR"

if [ ! -f "$MODEL_FILE" ]; then
    echo "error: $MODEL_FILE not found; run scripts/fetch-model first (or set MODEL_FILE)" >&2
    exit 1
fi

if ! "$VENV/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
    echo "== building llama-cpp-python[server] into $VENV (about 16 minutes on 2 cores)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install 'llama-cpp-python[server]'
fi
LCP_VERSION=$("$VENV/bin/python" -c 'import llama_cpp; print(llama_cpp.__version__)')

echo "== building proctor"
(cd "$REPO" && swift build --product proctor)
PROCTOR=$REPO/.build/debug/proctor

echo "== starting llama-cpp-python $LCP_VERSION on 127.0.0.1:$PORT (log: $LOG)"
"$VENV/bin/python" "$HERE/lcp_server.py" --model "$MODEL_FILE" --model_alias smollm2 \
    --host 127.0.0.1 --port "$PORT" --n_threads "$THREADS" --n_threads_batch "$THREADS" --n_ctx 4096 >"$LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT/v1
for _ in $(seq 1 120); do
    if curl -sf "$BASE/models" >/dev/null; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "error: the server exited; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; fi
    sleep 1
done
curl -sf "$BASE/models" >/dev/null || { echo "error: no answer from $BASE/models after 120 s; see $LOG" >&2; exit 1; }

{
    echo "# Proctor's OpenAI backend against llama-cpp-python's server"
    echo
    echo "- date: $STAMP; host: $(uname -srm), $(nproc) cores"
    echo "- server: llama-cpp-python $LCP_VERSION (\`python -m llama_cpp.server\`, use_extra_bufts=false), $THREADS threads, model \`$(basename "$MODEL_FILE")\` as \`smollm2\`"
    echo "- proctor: $(cd "$REPO" && git rev-parse --short HEAD)"
    echo "- \`GET $BASE/models\`: \`$(curl -sf "$BASE/models")\`"
    echo
} >"$OUT"

RUN=("$PROCTOR" run --model "openai:$BASE" --model-name smollm2 --benchmarks "$BENCHMARKS" --limit "$LIMIT"
     --max-tokens "$MAX_TOKENS" --data "$DATA" --db "$DB")
echo "== ${RUN[*]}"
{
    echo "## proctor run"
    echo
    echo "Command: \`${RUN[*]}\`"
    echo
} >>"$OUT"
if "$PROCTOR" run --help >/dev/null 2>&1; then
    set +e
    START=$(date +%s)
    RUN_OUTPUT=$("${RUN[@]}" 2>&1)
    RUN_STATUS=$?
    END=$(date +%s)
    set -e
    {
        echo "Exit status $RUN_STATUS after $((END - START)) s; results database \`${DB#"$REPO"/}\`."
        echo
        echo '```'
        echo "$RUN_OUTPUT" | tail -40
        echo '```'
    } >>"$OUT"
else
    echo "\`proctor run\` is not in this build yet (it comes with the backbone branch); only the live tests ran." >>"$OUT"
fi


echo "== live backend tests (PROCTOR_OPENAI_URL=$BASE)"
set +e
LIVE=$(cd "$REPO" && PROCTOR_OPENAI_URL=$BASE PROCTOR_OPENAI_MODEL=smollm2 swift test --filter LiveServerTests 2>&1)
LIVE_STATUS=$?
set -e
{
    echo
    echo "## Live backend tests (after the run)"
    echo
    echo "Command: \`PROCTOR_OPENAI_URL=$BASE PROCTOR_OPENAI_MODEL=smollm2 swift test --filter LiveServerTests\` (exit $LIVE_STATUS)"
    echo
    echo '```'
    echo "$LIVE" | grep -E '^(✔|✘)|recorded an issue' || true
    echo '```'
    echo
} >>"$OUT"

{
    echo "## Server-side timings (llama.cpp's own counters, every request of the run and the tests)"
    echo
    echo '```'
    grep -E "llama_perf_context_print: +(prompt eval|eval) time" "$LOG" | sed -E 's/^llama_perf_context_print: +//' || true
    echo '```'
} >>"$OUT"

echo "== wrote $OUT"
cat "$OUT"
