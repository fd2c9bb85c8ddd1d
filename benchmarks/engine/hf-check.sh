#!/bin/sh
# Hugging Face checkpoint path on a real model: SmolLM2-135M-Instruct converted from its GGUF to a checkpoint
# folder by transformers (dequantized to f32, q/k un-permuted), then
#   1. accuracy: the engine's f32 and Q8_0 folder paths and its GGUF f32 reference path, teacher-forced on
#      llama.cpp's 32 greedy ids, against the numpy float32 reference of ../shared/engine-golden;
#   2. speed: the GGUF Q4_1 file, the folder in f32 and the folder in Q8_0, alternating, ROUNDS rounds.
# Writes results/engine-hf.md. Usage: benchmarks/engine/hf-check.sh   env: ROUNDS=3 PREFILL=256 DECODE=128
# BATCH=8 THREADS=2 VENV=/tmp/venv-hf FOLDER=/tmp/smollm2-hf-f32 (the folder is made once, 540 MB).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gguf=${PROCTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/proctor}/models/SmolLM2-135M-Instruct.Q4_1.gguf
golden=$root/../shared/engine-golden
rounds=${ROUNDS:-3}; prefill=${PREFILL:-256}; decode=${DECODE:-128}; batch=${BATCH:-8}; threads=${THREADS:-2}
venv=${VENV:-/tmp/venv-hf}; folder=${FOLDER:-/tmp/smollm2-hf-f32}
if [ ! -f "$folder/model.safetensors" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install torch transformers safetensors gguf accelerate >&2
    "$venv/bin/python" "$here/hf_from_gguf.py" "$gguf" "$folder" float32 >&2
fi
(cd "$here/.." && swift build -c release --product engine-bench >&2)
bench="$here/../.build/release/engine-bench"
forced=$(mktemp)
python3 - "$golden" "$forced" <<'PY'
import json, sys
g, out = sys.argv[1], sys.argv[2]
ref = json.load(open(g + "/smollm2-q4_1-numpy-f32-reference.json"))
lcp = json.load(open(g + "/smollm2-q4_1-llamacpp-golden.json"))
for r, l in zip(ref["cases"], lcp["cases"]):
    r["generated_ids"] = l["generated_ids"]  # the numpy steps were teacher-forced on llama.cpp's ids
json.dump(ref, open(out, "w"))
PY
raw=$(mktemp)
{
    echo "acc folder-f32 $("$bench" accuracy "$folder" "$forced" ref f32kv 32 | tr '\n' ';')"
    echo "acc gguf-f32-reference $("$bench" accuracy "$gguf" "$forced" ref f32kv 32 | tr '\n' ';')"
    echo "acc folder-q8_0 $("$bench" accuracy "$folder" "$forced" 32 | tr '\n' ';')"
} >> "$raw"
for i in $(seq "$rounds"); do
    for variant in gguf-q4_1 folder-f32 folder-q8_0; do
        echo "round $i: $variant" >&2
        case $variant in
            gguf-q4_1) out=$("$bench" speed "$gguf" "$prefill" "$decode" 1 "$batch" "$threads") ;;
            folder-f32) out=$("$bench" speed "$folder" "$prefill" "$decode" 1 "$batch" "$threads" ref) ;;
            folder-q8_0) out=$("$bench" speed "$folder" "$prefill" "$decode" 1 "$batch" "$threads") ;;
        esac
        echo "speed $variant $(cut -d' ' -f1 /proc/loadavg) $out" >> "$raw"
    done
done
mkdir -p "$root/results"
python3 "$here/hf_summarize.py" "$raw" \
    "ROUNDS=$rounds PREFILL=$prefill DECODE=$decode BATCH=$batch THREADS=$threads benchmarks/engine/hf-check.sh" > "$root/results/engine-hf.md"
cat "$root/results/engine-hf.md"
