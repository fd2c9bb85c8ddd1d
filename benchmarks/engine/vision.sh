#!/bin/sh
# Vision tower speed: seconds per 448-pixel tile per encoder layer of an InternViT-300M-sized tower (random weights,
# made from ../shared/engine-golden/tiny-internvl by make_vit_checkpoint.py), with 1 and 2 threads, ROUNDS rounds.
# Writes results/vision-speed.md with the command. No anchor: transformers on this machine needs torch (see
# ENGINE-NOTES for its text-model speed); the figure is for planning how long an image takes.
# Usage: benchmarks/engine/vision.sh   env: ROUNDS=3 KERNELS="avx512 avx2" PYTHON=python3 (with numpy)
# (the kernel sets alternate within each round, forced with PROCTOR_KERNELS)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${ROUNDS:-3}
tiny="$root/../shared/engine-golden/tiny-internvl"
[ -d "$tiny" ] || { echo "needs $tiny" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"${PYTHON:-python3}" "$here/make_vit_checkpoint.py" "$tiny" "$dir"
(cd "$here/.." && swift build -c release --product engine-bench >&2)
bench="$here/../.build/release/engine-bench"
rows=""
kernels=${KERNELS:-avx512 avx2}
for t in 1 2; do
    for set in $kernels; do eval "times_$set=''"; done
    for i in $(seq "$rounds"); do
        for set in $kernels; do
            value=$(PROCTOR_KERNELS=$set "$bench" vision "$dir" "$t" 2 | python3 -c 'import json,sys; print("%.2f" % json.load(sys.stdin)["seconds_per_layer"])')
            eval "times_$set=\"\$times_$set $value\""
        done
    done
    for set in $kernels; do
        times=$(eval "echo \$times_$set")
        median=$(echo $times | tr ' ' '\n' | sort -n | sed -n "$(( (rounds + 1) / 2 ))p")
        rows="$rows| $t | $set | $median ($(echo $times | sed 's/ /, /g')) | $(python3 -c "print('%.0f' % (24 * $median))") |
"
    done
done
mkdir -p "$root/results"
cat > "$root/results/vision-speed.md" <<MD
# Vision tower speed (InternViT-300M widths, one 448-pixel tile)

Command: \`ROUNDS=$rounds KERNELS="$kernels" benchmarks/engine/vision.sh\` ($(date +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)).
A random-weight tower with InternViT-300M's widths (hidden 1024, MLP 4096, 16 heads, 1025 positions per tile) and 2
layers; the time per layer is the median of $rounds runs of both layers (patch embedding included), and a 24-layer
tower (InternVL2-1B/2B, InternVL2.5-1B…8B) takes about 24 times that per tile. A typical image is 7–13 tiles with the
thumbnail (max_dynamic_patch 6–12).

| threads | kernel set | seconds per layer (median; runs) | ≈ seconds per tile, 24 layers |
|---|---|---|---|
$rows
MD
cat "$root/results/vision-speed.md"
