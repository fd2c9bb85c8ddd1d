"""Writes Fixtures/official-multi-turn-verdicts.jsonl of MultiTurnCheckerTests: bfcl_eval's `multi_turn_checker`
verdicts on four answers built from each ground truth, for every multi-turn entry whose classes Proctor has ported.

usage: python multi-turn-verdicts.py GORILLA/berkeley-function-call-leaderboard DATA/bfcl/v3 > official-multi-turn-verdicts.jsonl

GORILLA is a checkout of ShishirPatil/gorilla at cd9429cc. The answers (one step per turn unless said otherwise):
`ground_truth` itself; `last_call_dropped` (the last non-empty turn without its last call, empty if it had one);
`first_turn_empty`; `steps_split_first_repeated` (the last non-empty turn as one step per call, then its first call
again). MultiTurnCheckerTests rebuilds the same answers and must reach the same verdicts.
"""
import copy
import json
import sys

from bfcl_stub import install_model_config_stub

PORTED = {"TicketAPI", "MessageAPI", "VehicleControlAPI", "TwitterAPI", "GorillaFileSystem", "TravelAPI", "TradingBot", "MathAPI"}
# Ported without their long-context texts: long_context entries involving them are left out.
NO_LONG_CONTEXT = {"VehicleControlAPI", "GorillaFileSystem", "TradingBot"}


def answers(truth):
    base = [[turn] if turn else [] for turn in truth]
    last = max(i for i, turn in enumerate(truth) if turn)
    dropped = copy.deepcopy(base)
    dropped[last] = [truth[last][:-1]] if len(truth[last]) > 1 else []
    empty = copy.deepcopy(base)
    empty[0] = []
    split = copy.deepcopy(base)
    split[last] = [[call] for call in truth[last]] + [truth[last][:1]]
    return {"ground_truth": base, "last_call_dropped": dropped, "first_turn_empty": empty, "steps_split_first_repeated": split}


def main(leaderboard, data):
    sys.path.insert(0, leaderboard)
    install_model_config_stub()
    from bfcl_eval.eval_checker.multi_turn_eval.multi_turn_checker import multi_turn_checker

    run = 0
    for category in ["base", "miss_func", "miss_param", "long_context"]:
        with open(f"{data}/possible_answer/BFCL_v3_multi_turn_{category}.json") as f:
            truths = {row["id"]: row["ground_truth"] for row in map(json.loads, f)}
        with open(f"{data}/BFCL_v3_multi_turn_{category}.json") as f:
            for entry in map(json.loads, f):
                classes = set(entry["involved_classes"])
                if not classes <= PORTED or (category == "long_context" and classes & NO_LONG_CONTEXT):
                    continue
                truth = truths[entry["id"]]
                for variant, model in answers(truth).items():
                    run += 1  # a fresh model name per check: the checker keeps its instances per model name
                    verdict = multi_turn_checker(model, truth, copy.deepcopy(entry), f"multi_turn_{category}", f"model{run}")
                    print(json.dumps({"category": f"multi_turn_{category}", "id": entry["id"], "variant": variant,
                                      "valid": verdict["valid"], "error_type": verdict.get("error_type")}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
