"""bfcl_eval's verdicts on every v3 AST entry's ground truth written as prompt-mode calls (an opt-in check).

Usage (Python 3.10+, in a venv with tenacity installed):
    python ground-truth-verdicts.py GORILLA/berkeley-function-call-leaderboard ../shared/data/bfcl/v3 > /tmp/verdicts.jsonl
    BFCL_OFFICIAL_VERDICTS=/tmp/verdicts.jsonl swift test --filter BFCLGroundTruthVerdictTests

GORILLA is a checkout of ShishirPatil/gorilla at cd9429cc (the last v3 commit). Each answer is the first acceptable
value of every parameter, as `[f(a=1, b='x'), ...]`; the verdict is what the official prompt-mode decoder and AST
checker say, with the official error type.
"""
import copy
import json
import sys

from bfcl_stub import install_model_config_stub


def main(leaderboard, data):
    sys.path.insert(0, leaderboard)
    install_model_config_stub()
    from bfcl_eval.eval_checker.ast_eval.ast_checker import ast_checker
    from bfcl_eval.model_handler.utils import default_decode_ast_prompting

    def call_text(name, params):
        return name + "(" + ", ".join(f"{k}={v!r}" for k, v in params.items()) + ")"

    for category in ["simple", "multiple", "parallel", "parallel_multiple", "java", "javascript",
                     "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"]:
        language = {"java": "Java", "javascript": "JavaScript"}.get(category, "Python")
        answers = {}
        with open(f"{data}/possible_answer/BFCL_v3_{category}.json") as f:
            for line in f:
                entry = json.loads(line)
                answers[entry["id"]] = entry["ground_truth"]
        with open(f"{data}/BFCL_v3_{category}.json") as f:
            for line in f:
                entry = json.loads(line)
                truth = answers[entry["id"]]
                calls = []
                for call in truth:
                    (name, params), = call.items()
                    calls.append(call_text(name, {k: next(v for v in vs if v != "") for k, vs in params.items() if any(v != "" for v in vs)}))
                output = "[" + ", ".join(calls) + "]"
                record = {"category": category, "id": entry["id"], "output": output}
                try:
                    decoded = default_decode_ast_prompting(output, language)
                except Exception:
                    record.update(valid=False, error_type="ast_decoder:decoder_failed")
                else:
                    if not (isinstance(decoded, list) and all(isinstance(d, dict) for d in decoded)):
                        record.update(valid=False, error_type="ast_decoder:decoder_wrong_output_format")
                    else:
                        try:
                            result = ast_checker(copy.deepcopy(entry["function"]), decoded, truth, language, category, "gpt-4-0125-preview")
                            record.update(valid=result["valid"], error_type=None if result["valid"] else result["error_type"])
                        except Exception:
                            record.update(valid=False, error_type="checker_error:crash")
                print(json.dumps(record))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
