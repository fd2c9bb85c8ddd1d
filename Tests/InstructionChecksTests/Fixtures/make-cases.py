# Regenerates cases.jsonl: every case of cases.in.jsonl run through google-research's official IFEval checker
# (instruction_following_eval: instructions_registry + evaluation's strict/loose rule), recording check_following on
# the response ("raw") and the strict and loose verdicts. Needs the official package on PYTHONPATH, langdetect and
# nltk with its Punkt data (NLTK_DATA):
#   PYTHONPATH=/path/to/instruction_following_eval_parent python3 make-cases.py < cases.in.jsonl > cases.jsonl
import json
import sys

import nltk

from instruction_following_eval import instructions_registry, instructions_util

# nltk >= 3.9 ships the English Punkt parameters as `punkt_tab` (the same parameters without the pickle); use it when
# the checker's `punkt/english.pickle` is not installed.
try:
    nltk.data.find("tokenizers/punkt/english.pickle")
except LookupError:
    instructions_util._get_sentence_tokenizer = lambda: nltk.tokenize.PunktTokenizer("english")


def verdicts(case):
    def build():
        check = instructions_registry.INSTRUCTION_DICT[case["id"]](case["id"])
        check.build_description(**case["kwargs"])
        return check

    response = case["response"]
    lines = response.split("\n")
    cut = ["\n".join(lines[1:]).strip(), "\n".join(lines[:-1]).strip(), "\n".join(lines[1:-1]).strip()]
    variants = [response, response.replace("*", "")] + cut + [text.replace("*", "") for text in cut]
    raw = bool(build().check_following(response))
    strict = bool(response.strip()) and raw
    loose = any(text.strip() and build().check_following(text) for text in variants)
    return {**case, "raw": raw, "strict": strict, "loose": bool(loose)}


for line in sys.stdin:
    if line.strip():
        print(json.dumps(verdicts(json.loads(line)), ensure_ascii=False))
