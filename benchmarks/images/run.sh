#!/bin/sh
# Image decoding: Proctor vs Pillow on the benchmark images (agreement on all, speed on a sample);
# writes results/image-decode.md.
#
#   benchmarks/images/run.sh [DATA_DIR]     (DATA_DIR defaults to ../shared/data next to the repository)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$(cd "${1:-$root/../shared/data}" && pwd)
venv=${VENV:-/tmp/venv-proctor-bench}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q pyarrow pillow; }
(cd "$root/benchmarks" && swift build -c release --product image-bench >&2)
bench="$root/benchmarks/.build/release/image-bench"
mkdir -p "$root/results"
"$venv/bin/python" "$here/compare.py" "$bench" "$data" "$root/results/image-decode.md" \
    "benchmarks/images/run.sh $data"
