"""The anchor of benchmarks/sandbox/run.sh: COUNT copies of a Python program run with plain `subprocess`, at most
WORKERS at once (no isolation, no limits), as a harness without a sandbox would run them.

Usage: subprocess_bench.py WORKERS COUNT SOURCE_FILE — prints `programs=N seconds=S failures=F`.
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time


def main() -> None:
    workers, count, source_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    python = shutil.which("python3")
    with open(source_file, encoding="utf-8") as handle:
        source = handle.read()

    def run_one(_: int) -> bool:
        # Each program gets its own temporary directory with its file, as the sandbox's job folder does.
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "main.py")
            with open(path, "w", encoding="utf-8") as script:
                script.write(source)
            done = subprocess.run([python, path], cwd=folder, capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
            return done.returncode != 0

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        failures = sum(pool.map(run_one, range(count)))
    seconds = time.perf_counter() - start
    print(f"programs={count} seconds={seconds:.3f} failures={failures}")


if __name__ == "__main__":
    main()
