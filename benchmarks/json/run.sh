#!/bin/sh
# JSON parsing speed of the reference-output reader, before (FastJSON, taken from the commit before its removal)
# and after (OrderedJSON's JSONTree + conversion), on the largest published outputs. Prints a table; the numbers
# go to results/json-speed.md by hand.
#
#   benchmarks/json/run.sh [DATA_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$(cd "${1:-$root/../shared/data}" && pwd)
out=${BENCH_BUILD:-/tmp/proctor-json-bench}
mkdir -p "$out"
git -C "$root" show 541b443:Sources/ProctorScoringReference/FastJSON.swift > "$out/FastJSON.swift"
for module in ProctorCore OrderedJSON; do
    swiftc -O -parse-as-library -wmo -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
        -I "$root/Sources/CCrypto" -c -o "$out/$module.o" "$root/Sources/$module"/*.swift
done
swiftc -O -I "$out" -I "$root/Sources/CCrypto" "$here/main.swift" "$out/FastJSON.swift" \
    "$root/Sources/ProctorScoringReference/JSONValue+Tree.swift" "$out/ProctorCore.o" "$out/OrderedJSON.o" -lcrypto \
    -o "$out/json-bench"
"$out/json-bench" 5 "$data/mathvista/reference-outputs/bard/output_bard.json" \
    "$data/mathvista/reference-outputs/gpt4/output_gpt4.json" "$data/math/reference-outputs/math_cot_100.jsonl"
