#!/usr/bin/env python3
"""Writes the Parquet fixtures of ParquetTests with pyarrow, and the values pyarrow reads back (expected.json).

Documentation of how the committed fixtures were made; the Swift tests never run Python.

    python3 -m venv /tmp/venv-pa && /tmp/venv-pa/bin/pip install pyarrow
    /tmp/venv-pa/bin/python Tests/ParquetTests/Fixtures/make_fixtures.py            # fixtures + expected.json
    /tmp/venv-pa/bin/python Tests/ParquetTests/Fixtures/make_fixtures.py --real ../shared/data   # real-files.json

Each fixture holds the same table (several row groups, several pages per column) written with one codec, page
version or encoding. expected.json maps file name -> rows as JSON, with bytes as base64 and MAP values as lists
of {"key", "value"} records (how Proctor's ParquetRow.jsonValue renders them). real-files.json records, for the
real hub files, each row with binary values replaced by their length and FNV-1a hash and strings longer than 40
characters by their SHA-256.
"""
import base64
import hashlib
import json
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 45


def table():
    rows = range(ROWS)
    image = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
    inner = pa.struct([("a", pa.int64()), ("b", pa.list_(pa.int32()))])
    return pa.table({
        "i32": pa.array([(i * 7919) % 1000 - 500 for i in rows], pa.int32()),
        "i64": pa.array([None if i % 11 == 3 else i * 1_000_000_007 - 2**40 for i in rows], pa.int64()),
        "f32": pa.array([i * 0.25 - 3.5 for i in rows], pa.float32()),
        "f64": pa.array([None if i % 9 == 4 else i / 8 + 0.125 for i in rows], pa.float64()),
        "flag": pa.array([None if i % 13 == 5 else (i % 3 == 0) for i in rows], pa.bool_()),
        "name": pa.array([None if i % 7 == 2 else f"item-{i % 10}-{'é' * (i % 4)}" for i in rows], pa.string()),
        "blob": pa.array([bytes(range(i % 17)) for i in rows], pa.binary()),
        "tags": pa.array([None if i % 10 == 6 else [f"t{j}" if j != 2 else None for j in range(i % 4)]
                          for i in rows], pa.list_(pa.string())),
        "image": pa.array([None if i % 8 == 1 else {"bytes": bytes([i, 255 - i, 7]) * (i % 5),
                                                    "path": None if i % 3 == 0 else f"img/{i}.png"}
                           for i in rows], image),
        "nested": pa.array([[{"a": i * 10 + k, "b": [k] * (k % 3)} for k in range(i % 3)] for i in rows],
                           pa.list_(inner)),
        "attrs": pa.array([[(f"k{j}", i + j) for j in range(i % 3)] for i in rows],
                          pa.map_(pa.string(), pa.int32())),
    })


def variants():
    base = dict(row_group_size=20, data_page_size=128, write_statistics=False)
    plain = dict(use_dictionary=False)
    yield "codec-none-v1", dict(base, compression="none", data_page_version="1.0")
    for codec in ["none", "snappy", "zstd", "gzip"]:
        yield f"codec-{codec}-v2", dict(base, compression=codec, data_page_version="2.0")
    for codec in ["snappy", "zstd", "gzip"]:
        yield f"codec-{codec}-v1", dict(base, compression=codec, data_page_version="1.0")
    # Format version 1.0 writes PLAIN_DICTIONARY (the legacy name of dictionary encoding).
    yield "legacy-format-1.0", dict(base, compression="snappy", version="1.0")
    for version in ["1.0", "2.0"]:
        v = version[0]
        yield f"plain-v{v}", dict(base, **plain, compression="none", data_page_version=version)
        yield f"delta-v{v}", dict(base, **plain, compression="none", data_page_version=version, column_encoding={
            "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "name": "DELTA_LENGTH_BYTE_ARRAY",
            "blob": "DELTA_BYTE_ARRAY", "tags.list.element": "DELTA_BYTE_ARRAY",
            "f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT", "flag": "RLE",
            "nested.list.element.a": "DELTA_BINARY_PACKED", "nested.list.element.b.list.element": "DELTA_BINARY_PACKED",
        })


def to_json(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, list):
        if value and isinstance(value[0], tuple):  # a MAP column
            return [{"key": k, "value": to_json(v)} for k, v in value]
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def write_fixtures():
    data = table()
    expected = None
    files = []
    for name, options in variants():
        path = os.path.join(HERE, f"{name}.parquet")
        pq.write_table(data, path, **options)
        meta = pq.ParquetFile(path).metadata
        encodings = sorted({e for g in range(meta.num_row_groups) for c in range(meta.num_columns)
                            for e in meta.row_group(g).column(c).encodings})
        print(f"{name}: {os.path.getsize(path)} bytes, {meta.num_row_groups} row groups, encodings {encodings}")
        rows = [to_json(r) for r in pq.read_table(path).to_pylist()]
        assert expected is None or rows == expected, f"{name} reads back differently"
        expected = rows
        files.append(f"{name}.parquet")
    # No rows at all (one empty row group): readers must return no rows, not fail.
    pq.write_table(data.slice(0, 0), os.path.join(HERE, "empty.parquet"), store_schema=False)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"files": files, "rows": expected}, f, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def digest(value):
    # The benchmark's own text stays out of the repository: binary and long strings are kept as SHA-256 digests.
    if isinstance(value, bytes):  # FNV-1a: cheap enough for the Swift tests' debug builds
        h = 0xCBF29CE484222325
        for byte in value:
            h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
        return f"bytes:{len(value)}:fnv1a:{h:016x}"
    if isinstance(value, str) and len(value) > 40:
        return "sha256:" + hashlib.sha256(value.encode()).hexdigest()
    if isinstance(value, list):
        return [digest(v) for v in value]
    if isinstance(value, dict):
        return {k: digest(v) for k, v in value.items()}
    return value


def write_real(root):
    files = sorted(f"mmmu/{s}/validation-00000-of-00001.parquet" for s in os.listdir(os.path.join(root, "mmmu"))
                   if os.path.isdir(os.path.join(root, "mmmu", s)) and s != "reference-outputs")
    files += ["aime2024/aime24.parquet", "aime2025/aime25.parquet"]
    out = {f: [digest(r) for r in pq.read_table(os.path.join(root, f)).to_pylist()] for f in files}
    with open(os.path.join(HERE, "real-files.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--real":
        write_real(sys.argv[2])
    else:
        write_fixtures()
