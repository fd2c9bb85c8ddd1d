"""Drives a running `proctor serve` with the official `openai` package, as users' clients do.

Usage: openai-client-check.py BASE_URL MODEL API_KEY

Checks, each failing with a message that names what differed:
  1. /v1/models lists MODEL.
  2. A chat completion at temperature 0, answered whole and streamed (stream_options.include_usage): the
     streamed text equals the whole one, the first chunk carries the role, the last choice chunk the
     finish_reason, and the usage chunk the same counts as the whole answer.
  3. logprobs=True, top_logprobs=3, whole and streamed: the package parses them into ChatCompletionTokenLogprob
     objects with 3 TopLogprob each, the first of them the chosen token (temperature 0), the tokens join to the
     content, the streamed entries equal the whole ones; top_logprobs=21 gets openai.BadRequestError.
  4. A wrong API key gets openai.AuthenticationError (HTTP 401).
  5. A prompt longer than the context and a max_tokens above it get openai.BadRequestError (400) with OpenAI's
     code context_length_exceeded.
  6. A stream closed after a few deltas: GET /health reports no active request soon after (the slot freed).
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

from openai.types.chat import ChatCompletionTokenLogprob
from openai.types.chat.chat_completion_token_logprob import TopLogprob

logprob_args = dict(model=model, messages=messages, temperature=0, max_tokens=16, seed=1, logprobs=True, top_logprobs=3)
with_logprobs = client.chat.completions.create(**logprob_args)
choice = with_logprobs.choices[0]
if choice.logprobs is None or not choice.logprobs.content:
    fail(f"logprobs=True returned no logprobs: {choice}")
entries = choice.logprobs.content
for entry in entries:
    if not isinstance(entry, ChatCompletionTokenLogprob) or not isinstance(entry.token, str) \
            or not isinstance(entry.logprob, float) or entry.logprob > 0 \
            or not all(isinstance(b, int) and 0 <= b < 256 for b in entry.bytes or []):
        fail(f"a malformed logprobs entry: {entry!r}")
    if len(entry.top_logprobs) != 3 or not all(isinstance(t, TopLogprob) for t in entry.top_logprobs):
        fail(f"top_logprobs=3 gave {entry.top_logprobs!r}")
    if entry.top_logprobs[0].token != entry.token or entry.top_logprobs[0].logprob != entry.logprob \
            or any(t.logprob > entry.logprob for t in entry.top_logprobs):
        fail(f"at temperature 0 the chosen token is not the most likely one: {entry!r}")
if "".join(e.token for e in entries) != choice.message.content or choice.logprobs.refusal is not None:
    fail(f"the logprobs tokens do not join to the content {choice.message.content!r}")
streamed_entries = []
for chunk in client.chat.completions.create(**logprob_args, stream=True):
    if chunk.choices and chunk.choices[0].logprobs and chunk.choices[0].logprobs.content:
        streamed_entries += chunk.choices[0].logprobs.content
if [e.model_dump() for e in streamed_entries] != [e.model_dump() for e in entries]:
    fail("the streamed logprobs differ from the whole answer's")
try:
    client.chat.completions.create(**{**logprob_args, "top_logprobs": 21})
    fail("top_logprobs=21 was accepted")
except openai.BadRequestError as error:
    report["top_logprobs_21"] = [error.status_code, error.param]
report.update(logprobs_tokens=len(entries), logprobs_first=entries[0].model_dump())

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
