#!/bin/sh
# The decode bandwidth bound: GB/s of the int8 matmul kernels (one activation vector, as in a decode step) over
# SmolLM2-sized sets of repacked weights, next to a plain read of the same bytes, with 1 and 2 threads.
# Writes results/engine-stream.md with the command. Usage: benchmarks/engine/stream.sh   env: KERNELS="avx512 avx2"
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
k="$root/Sources/CKernels"
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
cc=${CC:-$(command -v clang || echo cc)}
"$cc" -O2 -I"$k/include" -I"$k" "$here/stream/stream.c" "$k/matmul.c" "$k/matmul_vnni.c" "$k/matmul_f32.c" "$k/attention.c" "$k/dispatch.c" "$k/repack.c" "$k/dequant.c" "$k/ops.c" -lm -lpthread -o "$bin"
{
    echo "# Int8 kernels vs plain reads: GB/s of weights streamed in a decode-shaped matmul"
    echo
    echo "Command: \`benchmarks/engine/stream.sh\` ($(date +%Y-%m-%d), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg))."
    echo "A decode step of SmolLM2 reads 66 MB of Q4_1 (q4x8) and 30 MB of Q8_0 (q8x8) weights plus the KV cache; at the"
    echo "kernels' rate that bounds the decode speed whatever else the engine does."
    echo
    echo "| weights | kernel set | threads | kernel GB/s | plain read GB/s | kernel / read |"
    echo "|---|---|---|---|---|---|"
    for threads in 1 2; do
        for set in ${KERNELS:-avx512 avx2}; do "$bin" "$threads" "$set"; done
    done
} > "$root/results/engine-stream.md"
cat "$root/results/engine-stream.md"
