"""llama.cpp side of the engine benchmark: prefill PREFILL tokens, then DECODE greedy steps, 2 threads.

Prints one JSON line. The prompt ids are the same deterministic ids the Swift engine-bench uses
(1000 + (i * 7919) % 30000), so both engines do identical work. AMX/extra buffer types are turned off
(use_extra_bufts = false; ENGINE-NOTES §2.3: they crash with SIGILL on the original development machine).
"""
import json
import os
import sys
import time

import numpy as np
import llama_cpp.llama_cpp as _lc

_orig = _lc.llama_model_default_params


def _params():
    p = _orig()
    p.use_extra_bufts = False
    return p


_lc.llama_model_default_params = _params
from llama_cpp import Llama  # noqa: E402

model, prefill, decode, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
threads = int(os.environ.get("NT", "2"))
llm = Llama(model_path=model, n_threads=threads, n_threads_batch=threads, n_ctx=2048, n_batch=512, n_ubatch=512,
            logits_all=False, verbose=False, seed=0)
prompt = [1000 + (i * 7919) % 30000 for i in range(prefill)]
pp, tg = [], []
n_vocab = llm.n_vocab()


def last_logits():
    # Only the last token's logits are computed (logits_all=False); read them straight from the context.
    return np.ctypeslib.as_array(_lc.llama_get_logits(llm.ctx), shape=(n_vocab,))


for run in range(runs + 1):
    llm.reset()
    t0 = time.perf_counter()
    llm.eval(prompt)
    t1 = time.perf_counter()
    for _ in range(decode):
        tok = int(np.argmax(last_logits()))
        llm.eval([tok])
    t2 = time.perf_counter()
    if run == 0:
        continue
    pp.append(prefill / (t1 - t0))
    tg.append(decode / (t2 - t1))
print(json.dumps({"engine": "llama.cpp", "threads": threads, "pp_tok_s": pp, "tg_tok_s": tg}))
