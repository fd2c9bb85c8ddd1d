#!/bin/sh
# Builds the Parquet fuzz target with libFuzzer + AddressSanitizer and runs it for SECONDS (default 300), starting
# from the committed corpus (benchmarks/fuzz/corpus) and the seeds (benchmarks/fuzz/seeds, tiny files written by
# make_seeds.py with pyarrow). Afterwards the corpus is minimised (-set_cover_merge=1) back into benchmarks/fuzz/corpus.
# Crashes, leaks, timeouts and out-of-memory inputs are written to $FUZZ_BUILD (default /tmp/proctor-fuzz).
#
#   benchmarks/fuzz/run.sh 600
set -eu
seconds=${1:-300}
here=$(cd "$(dirname "$0")" && pwd)
out=${FUZZ_BUILD:-/tmp/proctor-fuzz}
MODULES="ProctorCore Parquet" "$here/../tools/build-modules.sh" "$out" parquet-fuzz "$here/ParquetFuzz.swift" \
    -sanitize=fuzzer,address -O -g >/dev/null
mkdir -p "$here/corpus" "$out/new"
flags="-max_len=4096 -rss_limit_mb=2048 -timeout=10 -artifact_prefix=$out/"
# shellcheck disable=SC2086
"$out/parquet-fuzz" $flags -max_total_time="$seconds" -print_final_stats=1 "$out/new" "$here/corpus" "$here/seeds"
rm -rf "$out/merged" && mkdir -p "$out/merged"
# shellcheck disable=SC2086
"$out/parquet-fuzz" $flags -set_cover_merge=1 "$out/merged" "$here/corpus" "$here/seeds" "$out/new"
rm -rf "$here/corpus" && cp -r "$out/merged" "$here/corpus"
echo "corpus: $(ls "$here/corpus" | wc -l) files, $(du -sh "$here/corpus" | cut -f1)"
