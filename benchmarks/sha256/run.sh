#!/bin/sh
# SHA-256 speed: ProctorCore's SHA256 before (hand-written Swift, commit 541b443) and after (libcrypto), next to
# coreutils' sha256sum, on one file (default: the SmolLM2 model in Proctor's cache; it is read into the page cache
# first, so "file" measures hashing plus read(2), not the disk). Writes results/sha256-speed.md.
#
#   benchmarks/sha256/run.sh [FILE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${PROCTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/proctor}
file=${1:-$cache/models/SmolLM2-135M-Instruct.Q4_1.gguf}
out=${BENCH_BUILD:-/tmp/proctor-sha256-bench}
passes=3
rm -rf "$out" && mkdir -p "$out/before" "$out/after"
git -C "$root" archive 541b443 Sources/ProctorCore | tar -x -C "$out/before"
mkdir -p "$out/after/Sources" && cp -R "$root/Sources/ProctorCore" "$out/after/Sources/"
for version in before after; do
    swiftc -O -parse-as-library -wmo -module-name ProctorCore -emit-module -emit-module-path "$out/$version/ProctorCore.swiftmodule" \
        -I "$root/Sources/CCrypto" -c -o "$out/$version/ProctorCore.o" "$out/$version/Sources/ProctorCore"/*.swift
    swiftc -O -I "$out/$version" -I "$root/Sources/CCrypto" "$here/main.swift" "$out/$version/ProctorCore.o" -lcrypto \
        -o "$out/$version/sha256-bench"
done
cat "$file" > /dev/null
before=$("$out/before/sha256-bench" $passes "$file")
after=$("$out/after/sha256-bench" $passes "$file")
start=$(date +%s.%N); sum=$(sha256sum "$file" | cut -d' ' -f1); end=$(date +%s.%N)
bytes=$(stat -c %s "$file")
coreutils=$(echo "$bytes / ($end - $start) / 1000000" | bc -l | xargs printf '%.0f')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
flags=$(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -e sha_ni -e avx2 | tr '\n' ' ')
mkdir -p "$root/results"
cat > "$root/results/sha256-speed.md" <<MD
# SHA-256 speed

\`benchmarks/sha256/run.sh\` on $(basename "$file") ($bytes bytes), best of $passes passes, one thread, on a
shared 2-core machine ($cpu; flags: ${flags:-none of sha_ni/avx2}) while other builds ran. "memory" hashes the
bytes already in memory; "file" is \`SHA256.hex(fileAt:)\` reading the (page-cached) file.

| implementation | memory | file | digest |
|---|---|---|---|
| before: hand-written Swift (541b443) | $(echo "$before" | cut -f1 | sed 's/memory //') | $(echo "$before" | cut -f2 | sed 's/file //') | \`$(echo "$before" | cut -f3 | cut -c1-16)…\` |
| after: libcrypto (OpenSSL $(pkg-config --modversion libcrypto)) | $(echo "$after" | cut -f1 | sed 's/memory //') | $(echo "$after" | cut -f2 | sed 's/file //') | \`$(echo "$after" | cut -f3 | cut -c1-16)…\` |
| coreutils \`sha256sum\` (reference) | — | $coreutils MB/s | \`$(echo "$sum" | cut -c1-16)…\` |

At the "after" file rate a 77 GB checkpoint hashes in about $(echo "77000 / $(echo "$after" | cut -f2 | sed 's/file //; s/ MB\/s//') / 60" | bc -l | xargs printf '%.1f') minutes (once: the result is cached in
Proctor's cache folder, keyed by path, size and modification time).
MD
cat "$root/results/sha256-speed.md"
