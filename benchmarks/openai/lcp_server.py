"""Start llama-cpp-python's OpenAI-compatible server with use_extra_bufts = false.

On this machine llama.cpp's AMX buffer type dies with SIGILL on the first matmul (../shared/ENGINE-NOTES.md §2.3),
so the default model parameters are patched before the server loads the model. Arguments are passed through to
`python -m llama_cpp.server`. Set EXTRA_BUFTS=1 to keep llama.cpp's default.
"""
import os
import runpy

import llama_cpp.llama_cpp as _lc

if os.environ.get("EXTRA_BUFTS") != "1":
    _default_params = _lc.llama_model_default_params

    def _params_without_extra_bufts():
        params = _default_params()
        params.use_extra_bufts = False
        return params

    _lc.llama_model_default_params = _params_without_extra_bufts

runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
