#!/usr/bin/env python3
"""Times pyarrow and Proctor's Parquet reader on the same files, alternating, and writes results/parquet-speed.md.

    benchmarks/parquet/run.sh          # builds the Swift driver in release mode, makes the venv, runs this

Each round runs pyarrow (in this process) and the Swift driver (a subprocess that times itself in-process) for
the same number of passes over all files; a pass reads every file completely. Startup costs are excluded on both
sides. The table reports medians over all passes.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import pyarrow
import pyarrow.parquet as pq

ROUNDS, PASSES = 7, 5


def pyarrow_pass(files, threads, rows):
    total = 0
    for path in files:
        table = pq.read_table(path, use_threads=threads)
        total += len(table.to_pylist()) if rows else table.num_rows
    return total


def time_pyarrow(files, threads, rows=False):
    """Wall-clock and process CPU seconds (all threads) of each pass."""
    times, cpu = [], []
    for _ in range(PASSES):
        start, cpu_start = time.perf_counter(), time.process_time()
        pyarrow_pass(files, threads, rows)
        cpu.append(time.process_time() - cpu_start)
        times.append(time.perf_counter() - start)
    return times, cpu


def time_swift(binary, mode, files):
    out = json.loads(subprocess.run([binary, mode, str(PASSES), *files], check=True, capture_output=True,
                                    text=True).stdout)
    return out["seconds"], out["cpu_seconds"]


def main():
    binary, output, command = sys.argv[1], sys.argv[2], sys.argv[3]
    files = sys.argv[4:]
    size = sum(os.path.getsize(f) for f in files)
    keys = ["swift-columns", "pyarrow-threads", "pyarrow-1thread", "swift-rows", "pyarrow-pylist"]
    samples = {k: [] for k in keys}
    cpu = {k: [] for k in keys}

    def record(key, result):
        samples[key] += result[0]
        cpu[key] += result[1]

    for _ in range(ROUNDS):
        record("pyarrow-threads", time_pyarrow(files, True))
        record("swift-columns", time_swift(binary, "columns", files))
        record("pyarrow-1thread", time_pyarrow(files, False))
        record("swift-rows", time_swift(binary, "rows", files))
        record("pyarrow-pylist", time_pyarrow(files, True, rows=True))
    med = {k: statistics.median(v) for k, v in samples.items()}
    cmed = {k: statistics.median(v) for k, v in cpu.items()}
    cms = lambda k: f"{cmed[k] * 1000:.2f} ms"
    load = os.getloadavg()[0]
    ms = lambda k: f"{med[k] * 1000:.2f} ms"
    mbps = lambda k: f"{size / med[k] / 1e6:.0f} MB/s"
    lines = [
        "# Parquet reading speed: Proctor vs pyarrow",
        "",
        f"Files: {len(files)} MMMU validation parquet files ({size / 1e6:.1f} MB, snappy, dictionary-encoded, "
        "mostly PNG bytes), every column read completely, including the image bytes.",
        f"pyarrow {pyarrow.__version__}; Proctor's reader built with `swiftc -O`. {ROUNDS} rounds x {PASSES} passes, "
        "alternating; medians of the time of one pass over all files (process startup excluded on both sides).",
        "",
        "| task | Proctor | pyarrow | Proctor speed / pyarrow speed |",
        "|---|---|---|---|",
        f"| columnar read of all columns (`readColumn` per leaf vs `read_table`, 2 threads) | {ms('swift-columns')} "
        f"({mbps('swift-columns')}) | {ms('pyarrow-threads')} | {med['pyarrow-threads'] / med['swift-columns']:.2f}x |",
        f"| same, pyarrow single-threaded (`use_threads=False`) | {ms('swift-columns')} | {ms('pyarrow-1thread')} | "
        f"{med['pyarrow-1thread'] / med['swift-columns']:.2f}x |",
        f"| row objects (`readRows()` vs `read_table(...).to_pylist()`) | {ms('swift-rows')} | "
        f"{ms('pyarrow-pylist')} | {med['pyarrow-pylist'] / med['swift-rows']:.2f}x |",
        "",
        "A ratio above 1 means Proctor is faster.",
        "",
        f"CPU time per pass (process CPU time, all threads; robust when the machine is busy — the 1-minute load "
        f"average was {load:.1f} on {os.cpu_count()} cores at the end of this run):",
        "",
        "| task | Proctor CPU | pyarrow CPU | ratio |",
        "|---|---|---|---|",
        f"| columnar, pyarrow 2 threads | {cms('swift-columns')} | {cms('pyarrow-threads')} | "
        f"{cmed['pyarrow-threads'] / cmed['swift-columns']:.2f}x |",
        f"| columnar, pyarrow 1 thread | {cms('swift-columns')} | {cms('pyarrow-1thread')} | "
        f"{cmed['pyarrow-1thread'] / cmed['swift-columns']:.2f}x |",
        f"| row objects | {cms('swift-rows')} | {cms('pyarrow-pylist')} | "
        f"{cmed['pyarrow-pylist'] / cmed['swift-rows']:.2f}x |",
        "",
        "Command:",
        "",
        "```",
        command,
        "```",
        "",
    ]
    with open(output, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
