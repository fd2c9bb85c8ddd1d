"""Writes tiny Parquet files in the layouts of the Hugging Face datasets Proctor reads (run with pyarrow installed:
`python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pyarrow && /tmp/venv/bin/python make_hub_fixtures.py`).

Texts are made up; images are generated 2x2 PNGs. Paths are relative to a snapshot folder of each dataset; the tests
copy them into a temporary hub cache (`datasets--OWNER--NAME/snapshots/REV/...`)."""
import os
import struct
import zlib

import pyarrow as pa
import pyarrow.parquet as pq


def png(r, g, b):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([r, g, b]) * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


IMAGE = pa.struct([("bytes", pa.binary()), ("path", pa.string())])


def write(path, columns, schema=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(pa.table(columns, schema=schema), path, compression="snappy")


write("MathLLMs--MathVision/data/testmini-00000-of-00001-fixture.parquet", {
    "id": ["1", "2"],
    "question": ["Which shape is red?\n<image1>", "How many squares?\n<image1>"],
    "options": pa.array([["circle", "square", "star", "moon", "sun"], []], pa.list_(pa.string())),
    "image": ["images/1.jpg", "images/2.jpg"],
    "decoded_image": pa.array([{"bytes": png(255, 0, 0), "path": "1.jpg"}, {"bytes": png(0, 0, 255), "path": "2.jpg"}], IMAGE),
    "answer": ["B", "4"],
    "solution": [None, "Count them."],
    "level": [2, 1],
    "subject": ["metric geometry - area", "counting"],
})

metadata = pa.struct([("split", pa.string()), ("language", pa.string()), ("img_width", pa.int64()), ("img_height", pa.int64()),
                      ("source", pa.string()), ("category", pa.string()), ("task", pa.string()), ("context", pa.string()),
                      ("grade", pa.string()), ("skills", pa.list_(pa.string()))])
write("AI4Math--MathVista/data/testmini-00000-of-00001-fixture.parquet", {
    "pid": ["1", "2"],
    "question": ["What is the length?", "Which is larger?"],
    "image": ["images/1.jpg", "images/2.jpg"],
    "decoded_image": pa.array([{"bytes": png(1, 2, 3), "path": None}, {"bytes": png(4, 5, 6), "path": None}], IMAGE),
    "choices": pa.array([None, ["left", "right"]], pa.list_(pa.string())),
    "unit": [None, None],
    "precision": pa.array([1.0, None], pa.float64()),
    "answer": ["1.5", "right"],
    "question_type": ["free_form", "multi_choice"],
    "answer_type": ["float", "text"],
    "metadata": pa.array([
        {"split": "testmini", "language": "english", "img_width": 2, "img_height": 2, "source": "Fixture", "category": "math-targeted-vqa",
         "task": "geometry problem solving", "context": "geometry diagram", "grade": "high school", "skills": ["geometry reasoning"]},
        {"split": "testmini", "language": "english", "img_width": 2, "img_height": 2, "source": "Fixture", "category": "general-vqa",
         "task": "visual question answering", "context": "natural image", "grade": "daily life", "skills": ["numeric commonsense"]},
    ], metadata),
    "query": ["Hint: Please answer the question requiring a floating-point number with one decimal place and provide the final value, e.g., 1.2, 1.3, 1.4, at the end.\nQuestion: What is the length?",
              "Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\nQuestion: Which is larger?\nChoices:\n(A) left\n(B) right"],
})

write("Hothan--OlympiadBench/OlympiadBench/OE_MM_maths_en_COMP/OE_MM_maths_en_COMP.parquet", {
    "id": pa.array([2231], pa.int64()),
    "question": ["In the figure <image_1> the circle is tangent. Find $x$."],
    "solution": pa.array([["Because."]], pa.list_(pa.string())),
    "final_answer": pa.array([["$3$"]], pa.list_(pa.string())),
    "context": pa.array([None], pa.string()),
    "image_1": pa.array([{"bytes": png(9, 9, 9), "path": None}], IMAGE),
    "image_2": pa.array([None], IMAGE),
    "modality": ["Multimodal"], "difficulty": ["Competition"], "is_multiple_answer": [False],
    "unit": pa.array([None], pa.string()), "answer_type": ["Numerical"], "error": pa.array([None], pa.string()),
    "question_type": ["Open-ended"], "subfield": ["Geometry"], "subject": ["Math"], "language": ["English"],
})

write("MMMU--MMMU_Pro/standard (10 options)/test-00000-of-00001.parquet", {
    "id": ["test_Art_1"],
    "question": ["Who painted <image 1>?"],
    "options": ["['Monet', 'Manet', '<image 2>']"],
    "explanation": [""],
    "image_1": pa.array([{"bytes": png(10, 20, 30), "path": None}], IMAGE),
    "image_2": pa.array([{"bytes": png(30, 20, 10), "path": None}], IMAGE),
    "image_3": pa.array([None], IMAGE),
    "img_type": ["['Paintings']"], "answer": ["A"], "topic_difficulty": ["Easy"], "subject": ["Art"],
})

write("MMMU--MMMU_Pro/vision/test-00000-of-00001.parquet", {
    "id": ["test_Art_1"],
    "image": pa.array([{"bytes": png(50, 60, 70), "path": None}], IMAGE),
    "options": ["['Monet', 'Manet', 'Degas']"],
    "answer": ["A"], "subject": ["Art"],
})

write("HuggingFaceH4--aime_2024/data/train-00000-of-00001.parquet", {
    "id": pa.array([60, 61], pa.int64()),
    "problem": ["Find 1+1.", "Find 2+3."],
    "solution": ["2", "5"],
    "answer": ["2", "005"],
    "url": ["https://artofproblemsolving.com/wiki/index.php/2024_AIME_I_Problems/Problem_1",
            "https://artofproblemsolving.com/wiki/index.php/2024_AIME_II_Problems/Problem_1"],
    "year": pa.array([2024, 2024], pa.int64()),
})
