#!/usr/bin/env python3
"""Writes the image fixtures of ImageCodecTests with Pillow, and what Pillow decodes them to (expected.json).

Documentation of how the committed fixtures were made; the Swift tests never run Python.

    python3 -m venv /tmp/venv-pa && /tmp/venv-pa/bin/pip install pillow pyarrow
    /tmp/venv-pa/bin/python Tests/ImageCodecTests/Fixtures/make_fixtures.py ../shared/data

expected.json: {"fixtures": {file: {"width", "height", "sha256"}}, "real": {locator: {"width", "height",
"fnv1a64words"}}} where the digests are of Image.open(file).convert("RGB").tobytes(). Real images are named by their path under ../shared/data,
or "<parquet path>#<row>/<column>" for images inside MMMU parquet files.
"""
import hashlib
import io
import json
import os
import random
import struct
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def pattern(mode, size=(37, 23)):
    rng = random.Random(7)
    image = Image.new("RGB", size)
    image.putdata([((x * 7 + rng.randrange(40)) % 256, (y * 11) % 256, (x * y + rng.randrange(90)) % 256)
                   for y in range(size[1]) for x in range(size[0])])
    return image.convert(mode)


def write_fixtures():
    rgb = pattern("RGB")
    rgb.save(os.path.join(HERE, "rgb-420.jpg"), quality=90, subsampling=2)
    rgb.save(os.path.join(HERE, "rgb-422.jpg"), quality=85, subsampling=1)
    rgb.save(os.path.join(HERE, "rgb-444.jpg"), quality=95, subsampling=0)
    rgb.save(os.path.join(HERE, "progressive.jpg"), quality=80, progressive=True)
    pattern("L").save(os.path.join(HERE, "gray.jpg"), quality=90)
    pattern("CMYK").save(os.path.join(HERE, "cmyk.jpg"), quality=90)
    rgb.save(os.path.join(HERE, "rgb.png"))
    rgba = pattern("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(rgba.size))
    rgba.save(os.path.join(HERE, "rgba.png"))
    pattern("L").save(os.path.join(HERE, "gray.png"))
    pattern("LA").save(os.path.join(HERE, "gray-alpha.png"))
    pattern("1").save(os.path.join(HERE, "bilevel.png"))
    palette = rgb.convert("P", palette=Image.ADAPTIVE, colors=16)
    palette.save(os.path.join(HERE, "palette.png"))
    palette.save(os.path.join(HERE, "palette-transparent.png"), transparency=3)
    pattern("I;16").save(os.path.join(HERE, "gray16.png"))
    rgb.save(os.path.join(HERE, "unsupported.gif"))
    rgb.save(os.path.join(HERE, "unsupported.bmp"))
    with open(os.path.join(HERE, "rgb-420.jpg"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.jpg"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(HERE, "rgb.png"), "rb") as f:
        data = bytearray(f.read())
    data[len(data) // 2] ^= 0xFF  # breaks the IDAT CRC
    with open(os.path.join(HERE, "corrupt.png"), "wb") as f:
        f.write(data)


def digest(image):
    rgb = image.convert("RGB")
    return {"width": rgb.width, "height": rgb.height, "sha256": hashlib.sha256(rgb.tobytes()).hexdigest()}


def word_digest(image):
    """FNV-1a over little-endian 64-bit words (the last one zero-padded): cheap for the Swift debug-build tests."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    data += bytes(-len(data) % 8)
    h = 0xCBF29CE484222325
    for (word,) in struct.iter_unpack("<Q", data):
        h = ((h ^ word) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return {"width": rgb.width, "height": rgb.height, "fnv1a64words": f"{h:016x}"}


def real_images(root):
    import pyarrow.parquet as pq
    found = {}
    names = sorted(os.listdir(os.path.join(root, "mathvision/images")), key=lambda n: int(n.split(".")[0]))
    for name in names[::150]:
        found[f"mathvision/images/{name}"] = word_digest(Image.open(os.path.join(root, "mathvision/images", name)))
    for subject in ["Accounting", "Finance", "Manage"]:
        path = f"mmmu/{subject}/validation-00000-of-00001.parquet"
        rows = pq.read_table(os.path.join(root, path), columns=["image_1"]).to_pylist()
        for index in [0, 7, 19]:
            image = rows[index]["image_1"]
            found[f"{path}#{index}/image_1"] = word_digest(Image.open(io.BytesIO(image["bytes"])))
    return found


if __name__ == "__main__":
    write_fixtures()
    fixtures = {}
    for name in sorted(os.listdir(HERE)):
        if name.endswith((".jpg", ".png")) and name not in ("truncated.jpg", "corrupt.png"):
            fixtures[name] = digest(Image.open(os.path.join(HERE, name)))
    expected = {"fixtures": fixtures, "real": real_images(sys.argv[1]) if len(sys.argv) > 1 else {}}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
