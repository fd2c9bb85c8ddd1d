#!/usr/bin/env bash
# Store speed: `proctor score` of 2,000 math predictions as a whole process vs math-verify 0.9.0 scoring the same
# (gold, output) pairs, and `proctor rescore` of a 100,000-sample database. Both sides pinned to one core.
# Writes results/store-speed.md. Usage: benchmarks/store/run.sh [PAIRS] [RESCORE_SAMPLES] (defaults 2000 100000).
# Needs the sqlite3 command (Debian package sqlite3) to count the stored rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAIRS="${1:-2000}"
RESCORE="${2:-100000}"
REPEATS="${REPEATS:-3}"
VENV="${VENV:-/tmp/proctor-mathverify-venv}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "math-verify==0.9.0"
swift build -c release --product proctor
proctor=.build/release/proctor
mkdir -p "$WORK/no-data"   # the items travel with the lines (their "answer"): nothing is read from a local copy

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$1" "$2"; }
# CPU seconds (user + system) of the last process run under `timed`: the load-independent measure on a shared machine.
timed() { /usr/bin/time -o "$WORK/cpu" -f "%U %S" "$@"; }
cpu() { awk '{printf "%.3f", $1 + $2}' "$WORK/cpu"; }
# measure PREPARE COMMAND...: $REPEATS times, runs PREPARE (untimed, with eval) then COMMAND; sets walls and cpus.
measure() {
    local prepare=$1 start
    shift
    walls=()
    cpus=()
    for _ in $(seq "$REPEATS"); do
        eval "$prepare"
        start=$(date +%s.%N)
        timed "$@" > "$WORK/last-output"
        walls+=("$(seconds "$start" "$(date +%s.%N)")")
        cpus+=("$(cpu)")
    done
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# 1. The same pairs as benchmarks/scoring/run.sh (seed 20260), as `proctor score` lines.
python3 benchmarks/scoring/generate_pairs.py "$PAIRS" 20260 "$WORK/pairs.jsonl"
python3 benchmarks/store/make_predictions.py "$WORK/pairs.jsonl" "$WORK/predictions.jsonl"

# 2. math-verify as a whole process (interpreter start, import, parse + verify of every pair).
start=$(date +%s.%N)
MV="$(timed taskset -c 0 "$VENV/bin/python" benchmarks/scoring/mathverify_bench.py "$WORK/pairs.jsonl" "$WORK/mathverify.txt")"
mv_wall=$(seconds "$start" "$(date +%s.%N)")
mv_cpu=$(cpu)
echo "math-verify: $mv_wall s ($MV)" >&2

# 3. proctor score as a whole process: read the file, resolve items, score both modes, store everything.
measure "rm -f '$WORK/score.sqlite'*" taskset -c 0 "$proctor" score --benchmark math500 --predictions "$WORK/predictions.jsonl" \
    --data "$WORK/no-data" --db "$WORK/score.sqlite" --mode strict --json
score_times=("${walls[@]}")
score_cpus=("${cpus[@]}")
score_wall=$(median "${score_times[@]}")
score_cpu=$(median "${score_cpus[@]}")
echo "proctor score: ${score_times[*]} s, cpu ${score_cpus[*]} s" >&2
# The same on every core (score scores each batch on one task per processor).
measure "rm -f '$WORK/score-all.sqlite'*" "$proctor" score --benchmark math500 --predictions "$WORK/predictions.jsonl" \
    --data "$WORK/no-data" --db "$WORK/score-all.sqlite" --mode strict --json
score_all_times=("${walls[@]}")
score_all_cpus=("${cpus[@]}")
echo "proctor score, all $(nproc) cores: ${score_all_times[*]} s, cpu ${score_all_cpus[*]} s" >&2
# The fixed cost of a whole process: start-up, a new database and its schema, one line scored and stored, the summary.
head -n 1 "$WORK/predictions.jsonl" > "$WORK/one.jsonl"
measure "rm -f '$WORK/one.sqlite'*" taskset -c 0 "$proctor" score --benchmark math500 --predictions "$WORK/one.jsonl" \
    --data "$WORK/no-data" --db "$WORK/one.sqlite" --mode strict --json
one_wall=$(median "${walls[@]}")
one_cpu=$(median "${cpus[@]}")
echo "proctor score, one line: ${walls[*]} s, cpu ${cpus[*]} s" >&2
stored=$(sqlite3 "$WORK/score.sqlite" "SELECT COUNT(*) FROM samples"),$(sqlite3 "$WORK/score.sqlite" "SELECT COUNT(*) FROM scores")
agree=$(sqlite3 "$WORK/score.sqlite" "SELECT correct FROM scores WHERE mode = 'strict' ORDER BY CAST(substr(item_id, 6) AS INTEGER)" \
    | paste -d' ' - "$WORK/mathverify.txt" | awk '$1 == $2' | wc -l)

# 4. A database of RESCORE samples (RESCORE/50 items x 50 samples, answer text only), written by `proctor score`,
#    then rescored.
python3 benchmarks/scoring/generate_pairs.py "$RESCORE" 20261 /dev/stdout \
    | python3 benchmarks/store/make_predictions.py - "$WORK/large.jsonl" 50 --short
start=$(date +%s.%N)
timed taskset -c 0 "$proctor" score --benchmark math500 --predictions "$WORK/large.jsonl" --data "$WORK/no-data" --db "$WORK/large.sqlite" \
    --json > /dev/null
large_score=$(seconds "$start" "$(date +%s.%N)")
large_score_cpu=$(cpu)
echo "proctor score, $RESCORE short predictions: $large_score s" >&2
measure ":" taskset -c 0 "$proctor" rescore --data "$WORK/no-data" --db "$WORK/large.sqlite"
rescore_times=("${walls[@]}")
rescore_cpus=("${cpus[@]}")
rescore_wall=$(median "${rescore_times[@]}")
rescore_cpu=$(median "${rescore_cpus[@]}")
echo "proctor rescore: ${rescore_times[*]} s, cpu ${rescore_cpus[*]} s" >&2
# The same on every core (rescore scores a batch on one task per processor).
measure ":" "$proctor" rescore --data "$WORK/no-data" --db "$WORK/large.sqlite"
rescore_all_times=("${walls[@]}")
rescore_all_cpus=("${cpus[@]}")
echo "proctor rescore, all $(nproc) cores: ${rescore_all_times[*]} s, cpu ${rescore_all_cpus[*]} s" >&2
large_samples=$(sqlite3 "$WORK/large.sqlite" "SELECT COUNT(*) FROM samples")
large_scores=$(sqlite3 "$WORK/large.sqlite" "SELECT COUNT(*) FROM scores")
db_size=$(du -m "$WORK/large.sqlite" | cut -f1)

mv_loop=$(python3 -c "import json, sys; d = json.loads(sys.argv[1]); print('%.3f' % (d['pairs'] / d['pairs_per_second']))" "$MV")
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.1f}")' "$1" "$2"; }
{
    echo "# Store speed: \`proctor score\` and \`proctor rescore\` as whole processes"
    echo
    echo "Command: \`benchmarks/store/run.sh $PAIRS $RESCORE\` (release build; every process pinned to one core with"
    echo "\`taskset -c 0\`; $REPEATS runs of each Proctor command, median shown). Machine: $(nproc) cores shared with other work;"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "$PAIRS generated (gold, output) pairs (\`benchmarks/scoring/generate_pairs.py\`, seed 20260: CoT bodies of 0.3k-12k"
    echo "characters, $(du -h "$WORK/predictions.jsonl" | cut -f1) of predictions). math-verify 0.9.0 parses and verifies each pair"
    echo "(\`benchmarks/scoring/mathverify_bench.py\`); \`proctor score --benchmark math500\` reads the same pairs as lines"
    echo "\`{id, response, answer}\`, hashes the file, scores every line in both modes (official and strict) and stores the run,"
    echo "its items, samples and verdicts (batches of 500 samples per transaction, WAL)."
    echo
    echo "| measurement | math-verify 0.9.0 | proctor score | ratio |"
    echo "|---|---|---|---|"
    echo "| whole process, wall clock, $PAIRS pairs | ${mv_wall} s | ${score_wall} s (runs: ${score_times[*]}) | $(ratio "$mv_wall" "$score_wall")x |"
    echo "| whole process, CPU time (user + system) | ${mv_cpu} s | ${score_cpu} s (runs: ${score_cpus[*]}) | $(ratio "$mv_cpu" "$score_cpu")x |"
    echo "| math-verify's scoring loop alone vs the whole Proctor process (wall) | ${mv_loop} s | ${score_wall} s | $(ratio "$mv_loop" "$score_wall")x |"
    echo "| whole process, all $(nproc) cores (not pinned), wall clock | ${mv_wall} s | $(median "${score_all_times[@]}") s (runs: ${score_all_times[*]}) | $(ratio "$mv_wall" "$(median "${score_all_times[@]}")")x |"
    echo "| whole process, all $(nproc) cores (not pinned), CPU time | ${mv_cpu} s | $(median "${score_all_cpus[@]}") s (runs: ${score_all_cpus[*]}) | $(ratio "$mv_cpu" "$(median "${score_all_cpus[@]}")")x |"
    echo
    echo "Fixed cost of one Proctor process (start-up, a new database, one line scored and stored, the summary; pinned):"
    echo "${one_wall} s wall clock, ${one_cpu} s CPU."
    echo
    echo "Stored (samples, verdicts): $stored. Proctor's strict verdicts agree with math-verify's on $agree/$PAIRS pairs."
    echo
    echo "## Rescore"
    echo
    echo "A database of $large_samples samples ($((RESCORE / 50)) items x 50 samples, the answer text of generated pairs,"
    echo "seed 20261; $large_scores verdicts, ${db_size} MB), written by \`proctor score\` in ${large_score} s, then"
    echo "\`proctor rescore --db\`: read every sample and item, re-score both modes (a batch's samples on one task per"
    echo "processor), replace the verdicts (batches of 2,000 samples per transaction)."
    echo
    echo "| measurement | wall clock | CPU time |"
    echo "|---|---|---|"
    echo "| \`proctor score\`, $large_samples short predictions | ${large_score} s | ${large_score_cpu} s |"
    echo "| \`proctor rescore\`, $large_samples samples, one core | ${rescore_wall} s (runs: ${rescore_times[*]}) | ${rescore_cpu} s (runs: ${rescore_cpus[*]}) |"
    echo "| \`proctor rescore\`, $large_samples samples, all $(nproc) cores (not pinned) | $(median "${rescore_all_times[@]}") s (runs: ${rescore_all_times[*]}) | $(median "${rescore_all_cpus[@]}") s (runs: ${rescore_all_cpus[*]}) |"
} > results/store-speed.md
cat results/store-speed.md
