#!/bin/sh
# Compiles Proctor's ProctorCore, Parquet and ImageCodec modules (and the CJPEG helper) with swiftc/clang into
# OUTDIR, with extra compiler flags, then links MAIN.swift against them into OUTDIR/NAME.
#
# Only the fuzz drivers (benchmarks/fuzz) are built this way: libFuzzer and AddressSanitizer must instrument the
# modules under test. Every other benchmark driver is a target of benchmarks/Package.swift, which depends on the
# root package's library products.
#
#   benchmarks/tools/build-modules.sh OUTDIR NAME MAIN.swift [swiftc flags...]
#   MODULES="ProctorCore Parquet" limits the modules built (default: all three).
#   e.g. benchmarks/tools/build-modules.sh /tmp/pq-bench parquet-bench benchmarks/parquet/main.swift -O
set -eu
out=$1; name=$2; main=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
modules=${MODULES:-ProctorCore Parquet ImageCodec}
mkdir -p "$out/CJPEG"
printf 'module CJPEG {\n    header "%s"\n    export *\n}\n' "$root/Sources/CJPEG/include/proctor_jpeg.h" \
    > "$out/CJPEG/module.modulemap"
includes="-I $root/Sources/CSnappy -I $root/Sources/CZstd -I $root/Sources/CZlib -I $root/Sources/CPNG -I $out/CJPEG"
clang_flags=""
main_flags=""
# libFuzzer brings its own main(): the driver is then a library file.
case " $* " in *sanitize=fuzzer*) clang_flags="-fsanitize=fuzzer-no-link,address"; main_flags="-parse-as-library";; esac
# shellcheck disable=SC2086
clang -O2 -c $clang_flags -I "$root/Sources/CJPEG/include" "$root/Sources/CJPEG/proctor_jpeg.c" -o "$out/proctor_jpeg.o"
objects=""
for module in $modules; do
    # shellcheck disable=SC2086
    swiftc "$@" -parse-as-library -wmo -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
        -c -o "$out/$module.o" -I "$out" $includes "$root/Sources/$module"/*.swift
    objects="$objects $out/$module.o"
done
# shellcheck disable=SC2086
swiftc "$@" $main_flags -use-ld=lld -I "$out" $includes "$main" $objects "$out/proctor_jpeg.o" -lsnappy -lzstd -lz -lpng16 -ljpeg -o "$out/$name"
echo "$out/$name"
