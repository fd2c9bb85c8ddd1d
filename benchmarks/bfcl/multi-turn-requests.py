"""Records the requests bfcl_eval's own multi-turn loop sends (gorilla cd9429cc, `inference_multi_turn_prompting`
and `inference_multi_turn_FC` of the OpenAI-completions handler) when every answer is empty, for a few entries
of each multi-turn category: per request, each message's role and the SHA-256 of its content, and in
function-calling mode each tool's name and the SHA-256 of its description. Proctor's BFCLConversation must send
the same (Tests/BFCLBenchmarkTests/MultiTurnConversationTests.swift).

usage: OPENAI_API_KEY=unused python multi-turn-requests.py GORILLA/berkeley-function-call-leaderboard DATA/bfcl/v3 | grep "^{" > official-multi-turn-requests.jsonl
(needs `pip install openai overrides`)
"""
import copy
import hashlib
import json
import sys
from types import SimpleNamespace

sys.path.insert(0, sys.argv[1])
from bfcl_eval.constants.category_mapping import MULTI_TURN_FUNC_DOC_FILE_MAPPING  # noqa: E402
from bfcl_eval.model_handler.api_inference.openai_completion import OpenAICompletionsHandler  # noqa: E402

DATA = sys.argv[2]
IDS = {
    "multi_turn_base": [0, 1, 2],
    "multi_turn_miss_func": [0, 1, 2],
    "multi_turn_miss_param": [0, 1],
    "multi_turn_long_context": [0],
}


def sha(text):
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def entry_with_functions(category, index):
    with open(f"{DATA}/BFCL_v3_{category}.json") as f:
        entry = json.loads(f.read().splitlines()[index])
    functions = []
    for name in entry["involved_classes"]:
        with open(f"{DATA}/multi_turn_func_doc/{MULTI_TURN_FUNC_DOC_FILE_MAPPING[name]}") as f:
            functions += [json.loads(line) for line in f if line.strip()]
    held = {}
    for turn, names in entry.get("missed_function", {}).items():
        held[turn] = []
        for name in names:
            position = next(i for i, doc in enumerate(functions) if doc["name"] == name)
            held[turn].append(functions.pop(position))
    entry["function"] = functions
    if "missed_function" in entry:
        entry["missed_function"] = held
    return entry


class Recorder(OpenAICompletionsHandler):
    """The official handler with the server replaced by an empty answer; each request is recorded."""

    def __init__(self, name):
        super().__init__(name, 0.001)
        self.requests = []

    def answer(self, inference_data, with_tools):
        messages = []
        for message in inference_data["message"]:
            role = message["role"] if isinstance(message, dict) else message.role
            content = message["content"] if isinstance(message, dict) else message.content
            messages.append([role, sha(content)])
        record = {"messages": messages}
        if with_tools:
            record["tools"] = [[tool["function"]["name"], sha(tool["function"]["description"])] for tool in inference_data["tools"]]
        self.requests.append(record)
        message = SimpleNamespace(role="assistant", content="", tool_calls=None)
        usage = SimpleNamespace(prompt_tokens=0, completion_tokens=0)
        return SimpleNamespace(choices=[SimpleNamespace(message=message)], usage=usage), 0.0

    def _query_prompting(self, inference_data):
        return self.answer(inference_data, with_tools=False)

    def _query_FC(self, inference_data):
        return self.answer(inference_data, with_tools=True)


for category, indices in IDS.items():
    for index in indices:
        entry = entry_with_functions(category, index)
        for mode, name in (("prompt", "gpt-4o-2024-11-20"), ("function-calling", "gpt-4o-2024-11-20-FC")):
            handler = Recorder(name)
            if mode == "prompt":
                handler.inference_multi_turn_prompting(copy.deepcopy(entry), False, True)
            else:
                handler.inference_multi_turn_FC(copy.deepcopy(entry), False, True)
            print(json.dumps({"id": entry["id"], "mode": mode, "requests": handler.requests}))
