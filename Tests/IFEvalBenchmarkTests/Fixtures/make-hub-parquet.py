# Writes hub-train.parquet: two synthetic IFEval rows in the layout of the hub's google/IFEval Parquet (`key` int64,
# `prompt`, `instruction_id_list` list<string>, `kwargs` list<struct> where every struct has every argument key and
# null for the unused ones). The prompts are made up, not IFEval's. Needs pyarrow:  python3 make-hub-parquet.py
import pyarrow as pa
import pyarrow.parquet as pq

keys = {
    "num_highlights": pa.int64(), "relation": pa.string(), "num_words": pa.int64(), "num_placeholders": pa.int64(),
    "prompt_to_repeat": pa.string(), "num_bullets": pa.int64(), "section_spliter": pa.string(), "num_sections": pa.int64(),
    "capital_relation": pa.string(), "capital_frequency": pa.int64(), "keywords": pa.list_(pa.string()),
    "num_paragraphs": pa.int64(), "language": pa.string(), "let_relation": pa.string(), "letter": pa.string(),
    "let_frequency": pa.int64(), "end_phrase": pa.string(), "forbidden_words": pa.list_(pa.string()), "keyword": pa.string(),
    "frequency": pa.int64(), "num_sentences": pa.int64(), "postscript_marker": pa.string(), "first_word": pa.string(),
    "nth_paragraph": pa.int64(),
}
kwargs_type = pa.list_(pa.struct([pa.field(k, t) for k, t in keys.items()]))


def kwargs(**given):
    return {k: given.get(k) for k in keys}


table = pa.table({
    "key": pa.array([11, 12], pa.int64()),
    "prompt": ["Say hello in two words or fewer, without commas.", "Name three colours, each on a line starting with '* '."],
    "instruction_id_list": [["length_constraints:number_words", "punctuation:no_comma"], ["detectable_format:number_bullet_lists"]],
    "kwargs": pa.array([[kwargs(num_words=3, relation="less than"), kwargs()], [kwargs(num_bullets=3)]], kwargs_type),
})
pq.write_table(table, "hub-train.parquet")
