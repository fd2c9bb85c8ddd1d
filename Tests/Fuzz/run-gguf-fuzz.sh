#!/bin/sh
# Fuzzes the GGUF reader with libFuzzer + AddressSanitizer for SECONDS (default 180).
# Usage: Tests/Fuzz/run-gguf-fuzz.sh [SECONDS]   (run from anywhere; new corpus entries land in Tests/Fuzz/corpus)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${TMPDIR:-/tmp}/proctor-gguf-fuzz
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name GGUFFuzz \
    "$root"/Sources/ModelFormats/*.swift "$here/GGUFFuzz.swift" -o "$out"
"$out" -max_total_time="${1:-180}" -max_len=4096 -rss_limit_mb=2048 "$here/corpus"
