#!/usr/bin/env bash
# Sandbox throughput: programs per second through Proctor's sandbox (SandboxPool, as LiveCodeBench grades with it:
# namespaces, chroot, unprivileged uid and rlimits when run as root) against the same programs run with plain
# `subprocess` from Python, side by side in one run: a trivial program and a 1-second CPU program.
# Writes results/sandbox-speed.md. Usage: benchmarks/sandbox/run.sh [WORKERS] [TRIVIAL_COUNT] [CPU_COUNT]
# (defaults 2 200 8). Needs python3 on PATH; run as root to measure the full isolation.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS="${1:-2}"
TRIVIAL="${2:-200}"
CPU="${3:-8}"
ROUNDS="${ROUNDS:-3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf 'print(sum(range(10)))\n' > "$WORK/trivial.py"
printf 'import time\nstart = time.process_time()\nwhile time.process_time() - start < 1.0:\n    pass\nprint("done")\n' > "$WORK/cpu.py"
swift build -c release --package-path benchmarks --product sandbox-bench >&2
bench="benchmarks/.build/release/sandbox-bench"

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rows=()
for kind in trivial cpu; do
    count=$TRIVIAL
    [ "$kind" = cpu ] && count=$CPU
    sandbox_secs=()
    plain_secs=()
    # Alternate the two sides, ROUNDS times each, so that a change in the machine's load hits both.
    for _ in $(seq "$ROUNDS"); do
        line=$("$bench" "$WORKERS" "$count" "$WORK/$kind.py")
        echo "sandbox $kind: $line" >&2
        [ "$(echo "$line" | field failures)" = 0 ] || { echo "sandboxed $kind programs failed: $line" >&2; exit 1; }
        sandbox_secs+=("$(echo "$line" | field seconds)")
        isolation=$(echo "$line" | field isolation)
        python=$(echo "$line" | field python)
        line=$(python3 benchmarks/sandbox/subprocess_bench.py "$WORKERS" "$count" "$WORK/$kind.py")
        echo "subprocess $kind: $line" >&2
        [ "$(echo "$line" | field failures)" = 0 ] || { echo "subprocess $kind programs failed: $line" >&2; exit 1; }
        plain_secs+=("$(echo "$line" | field seconds)")
    done
    s=$(median "${sandbox_secs[@]}")
    p=$(median "${plain_secs[@]}")
    rows+=("$(python3 -c 'import sys; k, n, s, p = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]); print(f"| {k} | {n} | {n / s:.1f} | {n / p:.1f} | {p / s:.2f} |")' "$kind" "$count" "$s" "$p")")
done

{
    echo "# Sandbox throughput: Proctor's sandbox vs plain subprocess"
    echo
    echo "Produced by \`benchmarks/sandbox/run.sh $WORKERS $TRIVIAL $CPU\` (ROUNDS=$ROUNDS, medians of alternated rounds) on $(date -u +%Y-%m-%d),"
    echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end,"
    echo "python $python. Both sides run at most $WORKERS programs at once; each program is one Python file in a fresh folder."
    echo "Sandbox isolation: \`$isolation\` (as root: own network, mount, PID, IPC and UTS namespaces, chroot, per-slot uid, rlimits)."
    echo "The subprocess side has no isolation and no limits: the ratio is what the isolation costs."
    echo
    echo "| program | programs | sandbox programs/s | subprocess programs/s | sandbox / subprocess |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "trivial: \`print(sum(range(10)))\`; cpu: a loop until 1 s of process CPU time has passed."
    if [ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" = 1 ]; then
        echo
        echo "Read the cpu row with the load in mind: the kernel's autogroup scheduling is on, and each sandboxed program"
        echo "runs in a session of its own (setsid), which gets a CPU share of its own beside the machine's other sessions,"
        echo "while the subprocess side's programs share the benchmark's session. On an idle machine both sides take about"
        echo "$CPU/$WORKERS s for the cpu row."
    fi
} > results/sandbox-speed.md
cat results/sandbox-speed.md
