#!/bin/sh
# Vision tower speed: seconds per 448-pixel tile per encoder layer of an InternViT-300M-sized tower (random weights,
# made from ../shared/engine-golden/tiny-internvl by make_vit_checkpoint.py), with 1 and 2 threads, ROUNDS rounds.
# Writes results/vision-speed.md with the command. No anchor: transformers on this machine needs torch (see
# ENGINE-NOTES for its text-model speed); the figure is for planning how long an image takes.
# Usage: benchmarks/engine/vision.sh   env: ROUNDS=3 PYTHON=python3 (with numpy)
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
for t in 1 2; do
    times=""
    for i in $(seq "$rounds"); do
        times="$times $("$bench" vision "$dir" "$t" 2 | python3 -c 'import json,sys; print("%.2f" % json.load(sys.stdin)["seconds_per_layer"])')"
    done
    median=$(echo $times | tr ' ' '\n' | sort -n | sed -n "$(( (rounds + 1) / 2 ))p")
    rows="$rows| $t | $median ($(echo $times | sed 's/ /, /g')) | $(python3 -c "print('%.0f' % (24 * $median))") |
"
done
mkdir -p "$root/results"
cat > "$root/results/vision-speed.md" <<MD
# Vision tower speed (InternViT-300M widths, one 448-pixel tile)

Command: \`ROUNDS=$rounds benchmarks/engine/vision.sh\` ($(date +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')).
A random-weight tower with InternViT-300M's widths (hidden 1024, MLP 4096, 16 heads, 1025 positions per tile) and 2
layers; the time per layer is the median of $rounds runs of both layers (patch embedding included), and a 24-layer
tower (InternVL2-1B/2B, InternVL2.5-1B…8B) takes about 24 times that per tile. A typical image is 7–13 tiles with the
thumbnail (max_dynamic_patch 6–12).

| threads | seconds per layer (median; runs) | ≈ seconds per tile, 24 layers |
|---|---|---|
$rows
MD
cat "$root/results/vision-speed.md"
