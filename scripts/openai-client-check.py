"""Drives a running `proctor serve` with the official `openai` package, as users' clients do.

Usage: openai-client-check.py BASE_URL MODEL API_KEY

Checks, each failing with a message that names what differed:
  1. /v1/models lists MODEL.
  2. A chat completion at temperature 0, answered whole and streamed (stream_options.include_usage): the
     streamed text equals the whole one, the first chunk carries the role, the last choice chunk the
     finish_reason, and the usage chunk the same counts as the whole answer.
  3. A wrong API key gets openai.AuthenticationError (HTTP 401).
  4. A prompt longer than the context and a max_tokens above it get openai.BadRequestError (400) with OpenAI's
     code context_length_exceeded.
  5. A stream closed after a few deltas: GET /health reports no active request soon after (the slot freed).
Prints one JSON object with what it measured; exits 1 on the first failed check.
"""
import json
import sys
import time

import urllib.request
import openai

base_url, model, api_key = sys.argv[1], sys.argv[2], sys.argv[3]
client = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=300)
report = {"openai_version": openai.__version__}


def active_requests():
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/health") as answer:
        return json.load(answer)["active_requests"]


def fail(message):
    print(json.dumps({"ok": False, "failure": message, **report}))
    sys.exit(1)


ids = [m.id for m in client.models.list().data]
if model not in ids:
    fail(f"/v1/models lists {ids}, not {model}")

messages = [{"role": "user", "content": "Name three colours of the rainbow."}]
whole = client.chat.completions.create(model=model, messages=messages, temperature=0, max_tokens=40, seed=1)
whole_text = whole.choices[0].message.content

stream = client.chat.completions.create(
    model=model, messages=messages, temperature=0, max_tokens=40, seed=1, stream=True,
    stream_options={"include_usage": True})
chunks = list(stream)
choice_chunks = [c for c in chunks if c.choices]
if not choice_chunks or choice_chunks[0].choices[0].delta.role != "assistant":
    fail("the first chunk does not carry role assistant")
streamed_text = "".join(c.choices[0].delta.content or "" for c in choice_chunks)
finishes = [c.choices[0].finish_reason for c in choice_chunks if c.choices[0].finish_reason]
usage = chunks[-1].usage
report.update(whole_text=whole_text, streamed_text=streamed_text, chunks=len(chunks), finish_reasons=finishes)
if streamed_text != whole_text:
    fail("the streamed text differs from the whole answer")
if finishes != [whole.choices[0].finish_reason]:
    fail(f"finish reasons {finishes} vs {whole.choices[0].finish_reason}")
if chunks[-1].choices or usage is None or usage.completion_tokens != whole.usage.completion_tokens \
        or usage.prompt_tokens != whole.usage.prompt_tokens:
    fail(f"the usage chunk {usage} differs from the whole answer's {whole.usage}")

try:
    openai.OpenAI(base_url=base_url, api_key="sk-wrong", max_retries=0).models.list()
    fail("a wrong API key was accepted")
except openai.AuthenticationError as error:
    report["wrong_key_status"] = error.status_code

overflows = {}
for name, arguments in [("prompt", {"messages": [{"role": "user", "content": "word " * 9000}], "max_tokens": 8}),
                        ("max_tokens", {"messages": messages, "max_tokens": 100000})]:
    try:
        client.chat.completions.create(model=model, **arguments)
        fail(f"a request with a {name} over the context was answered")
    except openai.BadRequestError as error:
        overflows[name] = [error.status_code, error.code]
report["overflow_errors"] = overflows
if any(code != [400, "context_length_exceeded"] for code in overflows.values()):
    fail(f"context overflows answered {overflows}")

long = [{"role": "user", "content": "Write a very long story about a dragon who learns to bake bread."}]
stream = client.chat.completions.create(model=model, messages=long, temperature=0.7, max_tokens=1000, seed=3, stream=True)
deltas = 0
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        deltas += 1
        if deltas == 3:
            break
active_before = active_requests()
stream.close()
closed = time.monotonic()
active = None
while time.monotonic() - closed < 10:
    active = active_requests()
    if active == 0:
        break
    time.sleep(0.005)
report.update(active_while_streaming=active_before, active_after_close=active, freed_after_s=round(time.monotonic() - closed, 4))
if active_before != 1 or active != 0:
    fail("the closed stream's request was not freed")
print(json.dumps({"ok": True, **report}))
