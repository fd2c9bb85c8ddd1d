#!/usr/bin/env bash
# Scoring speed: Proctor's strict math scorer vs math-verify 0.9.0 on the same 2,000 (gold, output) pairs,
# end to end (extraction + comparison), one core, both given the same think-split answer text.
# Writes results/scoring-speed.md. Usage: benchmarks/scoring/run.sh [PAIRS] (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
PAIRS="${1:-2000}"
VENV="${VENV:-/tmp/proctor-mathverify-venv}"
WORK="$(mktemp -d)"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "math-verify==0.9.0"
python3 benchmarks/scoring/generate_pairs.py "$PAIRS" 20260 "$WORK/pairs.jsonl"
swift build -c release --product proctor-scoring
MV="$(taskset -c 0 "$VENV/bin/python" benchmarks/scoring/mathverify_bench.py "$WORK/pairs.jsonl" "$WORK/mathverify.txt")"
PR="$(taskset -c 0 .build/release/proctor-scoring speed --pairs "$WORK/pairs.jsonl" --verdicts "$WORK/proctor.txt" --repeats 3)"
python3 benchmarks/scoring/write_report.py "$MV" "$PR" "$WORK/mathverify.txt" "$WORK/proctor.txt" "$WORK/pairs.jsonl" \
    "benchmarks/scoring/run.sh $PAIRS" > results/scoring-speed.md
cat results/scoring-speed.md
