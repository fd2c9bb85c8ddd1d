#!/usr/bin/env python3
"""Checks Proctor's image decoding against Pillow on every benchmark image, then times both; writes
results/image-decode.md.

    benchmarks/images/run.sh

1. Agreement: every MathVision JPEG and every MMMU PNG (inside the parquet files) is decoded by both, and the
   SHA-256 of the RGB bytes (Pillow: Image.open(f).convert("RGB").tobytes()) must be equal.
2. Speed: a sample of the images is decoded repeatedly by both, alternating rounds; medians per pass.
"""
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import time

import PIL
import pyarrow.parquet as pq
from PIL import Image

ROUNDS, PASSES = 5, 3


def image_bytes(locator, cache):
    if "#" not in locator:
        with open(locator, "rb") as f:
            return f.read()
    path, address = locator.split("#")
    row, column = address.split("/")
    if path not in cache:
        cache[path] = pq.read_table(path).to_pylist()
    return cache[path][int(row)][column]["bytes"]


def pil_pass(blobs):
    for blob in blobs:
        Image.open(io.BytesIO(blob)).convert("RGB")


def main():
    binary, data, output, command = sys.argv[1:5]
    locators = sorted(os.path.join(data, "mathvision/images", n) for n in os.listdir(os.path.join(data, "mathvision/images")))
    for path in sorted(os.path.join(data, "mmmu", s, "validation-00000-of-00001.parquet")
                       for s in os.listdir(os.path.join(data, "mmmu")) if os.path.isdir(os.path.join(data, "mmmu", s))
                       and s != "reference-outputs"):
        rows = pq.read_table(path).to_pylist()
        locators += [f"{path}#{i}/image_{k}" for i, r in enumerate(rows) for k in range(1, 8) if r[f"image_{k}"]
                     and r[f"image_{k}"]["bytes"]]
    listing = "/tmp/proctor-image-list.txt"
    with open(listing, "w") as f:
        f.write("\n".join(locators) + "\n")
    digests = subprocess.run([binary, "digest", listing], check=True, capture_output=True, text=True).stdout
    ours = {line.split("\t")[0]: line.split("\t")[1:] for line in digests.splitlines()}
    cache, mismatches = {}, []
    for locator in locators:
        rgb = Image.open(io.BytesIO(image_bytes(locator, cache))).convert("RGB")
        want = [str(rgb.width), str(rgb.height), hashlib.sha256(rgb.tobytes()).hexdigest()]
        if ours.get(locator) != want:
            mismatches.append(locator)
    jpegs = [l for l in locators if "#" not in l][::20]
    pngs = [l for l in locators if "#" in l][::5]
    results = {}
    for label, sample in [("JPEG", jpegs), ("PNG", pngs)]:
        with open(listing, "w") as f:
            f.write("\n".join(sample) + "\n")
        blobs = [image_bytes(l, cache) for l in sample]
        pil, swift = [], []
        for _ in range(ROUNDS):
            for _ in range(PASSES):
                start = time.perf_counter()
                pil_pass(blobs)
                pil.append(time.perf_counter() - start)
            out = subprocess.run([binary, "time", str(PASSES), listing], check=True, capture_output=True, text=True)
            swift += json.loads(out.stdout)["seconds"]
        pixels = sum(Image.open(io.BytesIO(b)).size[0] * Image.open(io.BytesIO(b)).size[1] for b in blobs)
        results[label] = (len(sample), pixels, statistics.median(swift), statistics.median(pil))
    lines = ["# Image decoding: Proctor (libjpeg-turbo, libpng) vs Pillow", "",
             f"Pillow {PIL.__version__}. Agreement: {len(locators) - len(mismatches)} of {len(locators)} images "
             f"(every MathVision JPEG and every MMMU PNG) decode to exactly Pillow's `convert(\"RGB\")` bytes.", ""]
    if mismatches:
        lines += ["Mismatches: " + ", ".join(mismatches[:20]), ""]
    lines += ["| images | count | megapixels | Proctor | Pillow | Proctor speed / Pillow speed |", "|---|---|---|---|---|---|"]
    for label, (count, pixels, swift, pil) in results.items():
        lines.append(f"| {label} | {count} | {pixels / 1e6:.1f} | {swift * 1000:.1f} ms | {pil * 1000:.1f} ms | "
                     f"{pil / swift:.2f}x |")
    lines += ["", f"Speed: {ROUNDS} alternating rounds x {PASSES} passes over the sample (every 20th MathVision JPEG, "
              "every 5th MMMU PNG), decoding from bytes in memory to RGB; medians of one pass. Above 1 means Proctor "
              "is faster.", "", "Command:", "", "```", command, "```", ""]
    with open(output, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
