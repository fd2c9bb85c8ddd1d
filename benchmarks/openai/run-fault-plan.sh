#!/usr/bin/env bash
# Opt-in: `proctor run` against `proctor serve --echo` with a fault plan, then the same command again (resume).
#
# Shows that a failing, stalling or dropping server gives error rows and a clean exit, and that running the same
# command again retries only the failed samples. The echo backend is not a language model, so accuracy is 0; the
# point is the error handling. Writes results/openai/fault-plan-<date>.md.
#
# Environment: FAULTS (default "2:500,4-5:stall,7:drop,8:reset,9:429=1,10-11:503"), LIMIT (default 10),
# DATA (default ../shared/data), PORT (default 18791).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
FAULTS=${FAULTS:-2:500,4-5:stall,7:drop,8:reset,9:429=1,10-11:503}
LIMIT=${LIMIT:-10}
DATA=${DATA:-$REPO/../shared/data}
PORT=${PORT:-18791}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR=$REPO/results/openai
OUT=$OUT_DIR/fault-plan-$STAMP.md
DB=$(mktemp -d)/fault-plan.sqlite
mkdir -p "$OUT_DIR"

(cd "$REPO" && swift build --product proctor)
PROCTOR=$REPO/.build/debug/proctor
SERVER_LOG=$(mktemp -t proctor-serve.XXXXXX.log)
"$PROCTOR" serve --echo --host 127.0.0.1 --port "$PORT" --faults "$FAULTS" >"$SERVER_LOG.out" 2>"$SERVER_LOG" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q "listening on" "$SERVER_LOG.out" 2>/dev/null && break; sleep 0.2; done

RUN=("$PROCTOR" run --model "openai:http://127.0.0.1:$PORT/v1" --benchmarks aime24 --limit "$LIMIT" --data "$DATA"
     --db "$DB" --request-timeout 1 --max-retries 1 --concurrency 2)
{
    echo "# proctor run against a faulty server"
    echo
    echo "- date: $STAMP; proctor $(cd "$REPO" && git rev-parse --short HEAD); server: \`proctor serve --echo --faults \"$FAULTS\"\`"
    echo "  (the built-in echo backend, not a language model: accuracy is 0 by construction)"
    echo "- command (run twice): \`${RUN[*]}\`"
    for pass in 1 2; do
        set +e
        START=$(date +%s%N)
        OUTPUT=$("${RUN[@]}" 2>&1)
        STATUS=$?
        END=$(date +%s%N)
        set -e
        echo
        echo "## Pass $pass: exit status $STATUS, $(( (END - START) / 1000000 )) ms"
        echo
        echo '```'
        echo "$OUTPUT" | grep -vE '^\[' | grep -vE '^\s*$' | head -40
        echo '```'
    done
    echo
    echo "## Server log"
    echo
    echo '```'
    sed -E 's/^[0-9T:+-]+ //' "$SERVER_LOG"
    echo '```'
} >"$OUT"
echo "wrote $OUT"
cat "$OUT"
