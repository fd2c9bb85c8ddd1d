#!/bin/sh
# Builds the image fuzz target with libFuzzer + AddressSanitizer and runs it for SECONDS (default 300), starting
# from the committed corpus (benchmarks/fuzz/image-corpus, seeded with the ImageCodecTests fixtures), then
# minimises the corpus back into the repository. Crashes go to $FUZZ_BUILD (default /tmp/proctor-image-fuzz).
#
#   benchmarks/fuzz/run-images.sh 300
set -eu
seconds=${1:-300}
here=$(cd "$(dirname "$0")" && pwd)
out=${FUZZ_BUILD:-/tmp/proctor-image-fuzz}
"$here/../tools/build-modules.sh" "$out" image-fuzz "$here/ImageFuzz.swift" -sanitize=fuzzer,address -O -g >/dev/null
mkdir -p "$here/image-corpus" "$out/new"
if [ -z "$(ls -A "$here/image-corpus")" ]; then
    cp "$here/../../Tests/ImageCodecTests/Fixtures/"*.jpg "$here/../../Tests/ImageCodecTests/Fixtures/"*.png \
        "$here/image-corpus/"
fi
flags="-max_len=8192 -rss_limit_mb=2048 -timeout=10 -artifact_prefix=$out/"
# shellcheck disable=SC2086
"$out/image-fuzz" $flags -max_total_time="$seconds" -print_final_stats=1 "$out/new" "$here/image-corpus"
rm -rf "$out/merged" && mkdir -p "$out/merged"
# shellcheck disable=SC2086
"$out/image-fuzz" $flags -set_cover_merge=1 "$out/merged" "$here/image-corpus" "$out/new"
rm -rf "$here/image-corpus" && cp -r "$out/merged" "$here/image-corpus"
echo "corpus: $(ls "$here/image-corpus" | wc -l) files, $(du -sh "$here/image-corpus" | cut -f1)"
