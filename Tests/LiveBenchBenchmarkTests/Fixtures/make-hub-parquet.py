# Writes hub-test.parquet: three synthetic LiveBench rows in the layout of the hub's livebench/<category> Parquet
# (split `test`; `turns` list<string>; `livebench_release_date` a timestamp, `livebench_removal_date` a nullable
# timestamp). Two rows are `spatial`, one `zebra_puzzle`; the questions are made up. Needs pyarrow:
#   python3 make-hub-parquet.py
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

day = lambda s: dt.datetime.fromisoformat(s)
table = pa.table({
    "question_id": ["s1", "z1", "s2"],
    "category": ["reasoning"] * 3,
    "task": ["spatial", "zebra_puzzle", "spatial"],
    "turns": [["How many faces has a cube? Answer in **bold**."], ["Who owns the fish?"], ["How many edges has a triangle?"]],
    "ground_truth": ["6", "German", "3"],
    "livebench_release_date": pa.array([day("2024-07-26"), day("2024-06-24"), day("2024-11-25")], pa.timestamp("us")),
    "livebench_removal_date": pa.array([None, None, day("2025-04-02")], pa.timestamp("us")),
})
pq.write_table(table, "hub-test.parquet")
