"""A bounded load from a second process: CONCURRENCY streamed chat completions at a time for DURATION seconds.

Usage: load.py BASE_URL MODEL [CONCURRENCY] [DURATION] [MAX_TOKENS]

Each of CONCURRENCY workers sends streamed requests (the official openai package, AsyncOpenAI, no retries) one
after another until DURATION seconds have passed since the start; a request started before then runs to its end.
Time to first token is from sending the request to the first content delta. Generated tokens are the usage
chunk's count (stream_options.include_usage) or, from servers that send none, the number of content deltas.
Prints one JSON object.
"""
import asyncio
import json
import random
import sys
import time

import openai

base_url, model = sys.argv[1], sys.argv[2]
concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 32
duration = float(sys.argv[4]) if len(sys.argv) > 4 else 60
max_tokens = int(sys.argv[5]) if len(sys.argv) > 5 else 64
prompts = ["Tell me a story about a dragon.", "Explain why the sky is blue.", "List five fruits and their colours.",
           "Write a short poem about the sea.", "How do bees make honey?", "Describe a day in a big city."]


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


async def main():
    client = openai.AsyncOpenAI(base_url=base_url, api_key="none", max_retries=0, timeout=600)
    ttft, latency, tokens, failures = [], [], [], []
    start = time.monotonic()

    async def worker(number):
        rng = random.Random(number)
        while time.monotonic() - start < duration:
            sent = time.monotonic()
            first = None
            deltas = 0
            usage = None
            try:
                stream = await client.chat.completions.create(
                    model=model, messages=[{"role": "user", "content": rng.choice(prompts)}], temperature=0.7,
                    max_tokens=max_tokens, seed=rng.randrange(1 << 31), stream=True, stream_options={"include_usage": True})
                async for chunk in stream:
                    if chunk.usage is not None:
                        usage = chunk.usage.completion_tokens
                    if chunk.choices and chunk.choices[0].delta.content:
                        deltas += 1
                        if first is None:
                            first = time.monotonic() - sent
            except Exception as error:  # a failed request is counted and shown, never hidden
                failures.append(f"{type(error).__name__}: {error}"[:200])
                continue
            if first is None:
                failures.append("a stream without any content")
                continue
            ttft.append(first)
            latency.append(time.monotonic() - sent)
            tokens.append(usage if usage is not None else deltas)

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    wall = time.monotonic() - start
    print(json.dumps({
        "concurrency": concurrency, "duration_s": duration, "wall_s": round(wall, 2), "max_tokens": max_tokens,
        "requests": len(tokens), "failed": len(failures), "failures": failures[:5],
        "completion_tokens": sum(tokens), "tokens_per_s": round(sum(tokens) / wall, 1),
        "ttft_p50_s": percentile(ttft, 50), "ttft_p90_s": percentile(ttft, 90), "ttft_p99_s": percentile(ttft, 99),
        "latency_p50_s": percentile(latency, 50), "latency_p99_s": percentile(latency, 99),
    }))


asyncio.run(main())
