"""Writes the fixtures of MultiTurnAPITests: every ground-truth trace of one class, run on bfcl_eval's own simulator.

usage: python multi-turn-traces.py GORILLA/berkeley-function-call-leaderboard DATA/bfcl/v3 CLASS > official-<file>-traces.jsonl

GORILLA is a checkout of ShishirPatil/gorilla at cd9429cc. CLASS is one of the names below (TicketAPI, ...). For each
multi-turn entry involving the class (the categories listed for it), an instance is loaded from the entry's
`initial_config` (`_load_scenario`, long_context for that category) and the ground-truth calls naming one of its
public methods are run in order, each result recorded as `execute_multi_turn_func_call` records it (a string as it
is, a dictionary as `json.dumps`, else `str()`, an exception as `Error during execution: ...`). A line holds the
number of calls, the SHA-256 prefix of each result text and of the final state's canonical JSON (public attributes,
sets as sorted lists, keys as text, file-system nodes as small dictionaries) -- digests, not the data.
"""
import copy
import hashlib
import importlib
import inspect
import json
import sys

ALL = ["base", "miss_func", "miss_param", "long_context"]
# class name: (module, categories covered). VehicleControlAPI, GorillaFileSystem and TradingBot leave out
# long_context (their long-context texts are not ported).
CLASSES = {
    "TicketAPI": ("ticket_api", ALL),
    "MessageAPI": ("message_api", ALL),
    "TwitterAPI": ("posting_api", ALL),
    "VehicleControlAPI": ("vehicle_control", ALL[:3]),
    "GorillaFileSystem": ("gorilla_file_system", ALL[:3]),
    "TravelAPI": ("travel_booking", ALL),
    "TradingBot": ("trading_bot", ALL[:3]),
    "MathAPI": ("math_api", ALL),
}


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plain(value, module):
    """The state as JSON-able values, in the shape the Swift test canonicalises."""
    if isinstance(value, set):
        return [plain(item, module) for item in sorted(value)]
    if isinstance(value, dict):
        return {key if isinstance(key, str) else str(key): plain(item, module) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item, module) for item in value]
    if type(value).__name__ == "File":
        return {"file": value.name, "content": value.content}
    if type(value).__name__ == "Directory":
        return {"directory": value.name, "contents": {key: plain(item, module) for key, item in value.contents.items()}}
    return value


def result_text(result):
    if isinstance(result, str):
        return result
    if isinstance(result, dict):
        try:
            return json.dumps(result)
        except Exception:
            return str(result)
    return str(result)


def main(leaderboard, data, name):
    sys.path.insert(0, leaderboard)
    module_name, categories = CLASSES[name]
    module = importlib.import_module(f"bfcl_eval.eval_checker.multi_turn_eval.func_source_code.{module_name}")
    cls = getattr(module, name)
    for category in categories:
        with open(f"{data}/possible_answer/BFCL_v3_multi_turn_{category}.json") as f:
            truths = {row["id"]: row["ground_truth"] for row in map(json.loads, f)}
        with open(f"{data}/BFCL_v3_multi_turn_{category}.json") as f:
            for entry in map(json.loads, f):
                if name not in entry["involved_classes"]:
                    continue
                instance = cls()
                # MathAPI has no scenario (execute_multi_turn_func_call loads one only where the class has the method).
                if hasattr(instance, "_load_scenario"):
                    instance._load_scenario(copy.deepcopy(entry["initial_config"].get(name, {})), long_context=category == "long_context")
                public = {m for m, _ in inspect.getmembers(instance, predicate=inspect.ismethod) if not m.startswith("_")}
                results = []
                for turn in truths[entry["id"]]:
                    for call in turn:
                        if call.split("(")[0] not in public:
                            continue
                        try:
                            results.append(result_text(eval("instance." + call)))
                        except Exception as error:
                            results.append(f"Error during execution: {error}")
                state = {key: plain(value, module) for key, value in vars(instance).items() if not key.startswith("_")}
                canonical = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
                print(json.dumps({"category": f"multi_turn_{category}", "id": entry["id"], "class": name, "calls": len(results),
                                  "results": [digest(r) for r in results], "state": digest(canonical)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
