#!/usr/bin/env python3
"""Writes tiny Parquet files (a few rows, no Arrow schema blob) that seed the fuzz corpus: one per codec, page
version and encoding, with nulls, lists and structs, so that mutations reach every decoder quickly.

    /tmp/venv-pa/bin/python benchmarks/fuzz/make_seeds.py benchmarks/fuzz/seeds
"""
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq


def main(out):
    os.makedirs(out, exist_ok=True)
    table = pa.table({
        "n": pa.array([1, None, -3, 400, 5], pa.int64()),
        "s": pa.array(["a", "bb", None, "bb", "cccc"], pa.string()),
        "f": pa.array([True, False, None, True, True], pa.bool_()),
        "d": pa.array([0.5, None, 2.25, -1.0, 8.0], pa.float64()),
        "l": pa.array([["x"], [], None, ["y", None, "zz"], ["x"]], pa.list_(pa.string())),
        "img": pa.array([{"bytes": b"\x89PNG", "path": "a.png"}, None, {"bytes": None, "path": "b"},
                         {"bytes": b"", "path": None}, {"bytes": b"\xff\xd8\xff", "path": "c.jpg"}],
                        pa.struct([("bytes", pa.binary()), ("path", pa.string())])),
    })
    common = dict(store_schema=False, write_statistics=False, row_group_size=3, data_page_size=16)
    variants = {f"{codec}-v{v[0]}": dict(compression=codec, data_page_version=v)
                for codec in ["none", "snappy", "zstd", "gzip"] for v in ["1.0", "2.0"]}
    for v in ["1.0", "2.0"]:
        variants[f"delta-v{v[0]}"] = dict(compression="none", data_page_version=v, use_dictionary=False,
                                          column_encoding={"n": "DELTA_BINARY_PACKED", "s": "DELTA_BYTE_ARRAY",
                                                           "l.list.element": "DELTA_LENGTH_BYTE_ARRAY",
                                                           "d": "BYTE_STREAM_SPLIT", "f": "RLE",
                                                           "img.bytes": "DELTA_LENGTH_BYTE_ARRAY",
                                                           "img.path": "DELTA_BYTE_ARRAY"})
    for name, options in variants.items():
        path = os.path.join(out, f"{name}.parquet")
        pq.write_table(table, path, **common, **options)
        print(name, os.path.getsize(path))


if __name__ == "__main__":
    main(sys.argv[1])
