"""InternVL preprocessing goldens from Pillow + torchvision-equivalent float32 math, written to
preprocess-golden.safetensors next to this script. Mirrors `dynamic_preprocess` / `build_transform` of the
InternVL and Skywork-R1V repositories (Pillow's default BICUBIC resize, crop row-major, thumbnail, ToTensor,
ImageNet Normalize), at a small tile size so the fixture stays small.
Run: /tmp/venv/bin/pip install pillow numpy safetensors && /tmp/venv/bin/python make_preprocess_golden.py"""
import os
import numpy as np
from PIL import Image
from safetensors.numpy import save_file

here = os.path.dirname(os.path.abspath(__file__))
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def closest(aspect, ratios, width, height, size):
    best_diff, best = float("inf"), (1, 1)
    area = width * height
    for r in ratios:
        diff = abs(aspect - r[0] / r[1])
        if diff < best_diff:
            best_diff, best = diff, r
        elif diff == best_diff and area > 0.5 * size * size * r[0] * r[1]:
            best = r
    return best


def ratios(min_num, max_num):
    s = set((i, j) for n in range(min_num, max_num + 1) for i in range(1, n + 1) for j in range(1, n + 1)
            if min_num <= i * j <= max_num)
    return sorted(s, key=lambda x: x[0] * x[1])


def dynamic_preprocess(image, size, max_num):
    w, h = image.size
    cols, rows = closest(w / h, ratios(1, max_num), w, h, size)
    resized = image.resize((size * cols, size * rows))
    tiles = [resized.crop(((i % cols) * size, (i // cols) * size, (i % cols + 1) * size, (i // cols + 1) * size))
             for i in range(cols * rows)]
    if len(tiles) != 1:
        tiles.append(image.resize((size, size)))
    return (cols, rows), tiles


def normalize(tile):
    x = np.asarray(tile, dtype=np.uint8).astype(np.float32) / np.float32(255)
    return np.ascontiguousarray(((x - MEAN) / STD).transpose(2, 0, 1))


rng = np.random.default_rng(7)
tensors = {}
for name, (w, h) in {"wide": (75, 41), "tall": (23, 58), "square": (20, 20)}.items():
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 255 // max(w - 1, 1), y * 255 // max(h - 1, 1), (x * y) % 256], axis=-1)
    noise = rng.integers(0, 64, size=(h, w, 3))
    pixels = np.clip(base + noise - 32, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, "RGB")
    grid, tiles = dynamic_preprocess(image, 16, 6)
    tensors[name + ".image"] = pixels
    tensors[name + ".grid"] = np.array(grid, dtype=np.int64)
    tensors[name + ".tiles"] = np.stack([np.asarray(t, dtype=np.uint8) for t in tiles])
    tensors[name + ".pixel_values"] = np.ascontiguousarray(np.stack([normalize(t) for t in tiles]), dtype=np.float32)
    for (tw, th) in ((110, 47), (13, 29), (75, 7)):
        tensors[f"{name}.resize_{tw}x{th}"] = np.asarray(image.resize((tw, th)), dtype=np.uint8)

# The grid choice at the real tile size over many image sizes, against the Python rule (CPython set order).
rows = []
for w in list(range(40, 4000, 233)) + [448, 896, 1344, 1000]:
    for h in list(range(40, 4000, 271)) + [448, 896, 500]:
        for max_num in (6, 12):
            rows.append((w, h, max_num) + closest(w / h, ratios(1, max_num), w, h, 448))
tensors["grid_table"] = np.array(rows, dtype=np.int32)
save_file(tensors, os.path.join(here, "preprocess-golden.safetensors"))
print(len(rows), "grid rows;", os.path.getsize(os.path.join(here, "preprocess-golden.safetensors")), "bytes")
