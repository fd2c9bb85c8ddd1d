#!/bin/sh
# Parquet speed: Proctor's reader vs pyarrow on the MMMU parquet files; writes results/parquet-speed.md.
#
#   benchmarks/parquet/run.sh [DATA_DIR]     (DATA_DIR defaults to ../shared/data next to the repository)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${1:-$root/../shared/data}
venv=${VENV:-/tmp/venv-proctor-bench}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q pyarrow pillow; }
(cd "$root/benchmarks" && swift build -c release --product parquet-bench >&2)
bench="$root/benchmarks/.build/release/parquet-bench"
mkdir -p "$root/results"
# shellcheck disable=SC2046
"$venv/bin/python" "$here/compare.py" "$bench" "$root/results/parquet-speed.md" \
    "benchmarks/parquet/run.sh $data" $(ls "$data"/mmmu/*/validation-00000-of-00001.parquet)
