"""Writes a Hugging Face checkpoint folder from a GGUF with transformers (weights dequantized to float32).

    /tmp/venv-hf/bin/python benchmarks/engine/hf_from_gguf.py MODEL.gguf OUT_FOLDER [float32|bfloat16]

transformers un-permutes llama.cpp's q/k layout when it reads a GGUF, so OUT_FOLDER is an ordinary
LlamaForCausalLM checkpoint (config.json, model.safetensors, tokenizer.json, tokenizer_config.json).
Needs: pip install torch transformers safetensors gguf accelerate.
"""
import os
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

gguf, out = sys.argv[1], sys.argv[2]
dtype = getattr(torch, sys.argv[3] if len(sys.argv) > 3 else "float32")
folder, name = os.path.split(os.path.abspath(gguf))
model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=dtype)
tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
# A model loaded from GGUF refuses save_pretrained (it counts as quantized): copy its dequantized weights into a
# plain model built from the same config.
config = model.config
if hasattr(config, "quantization_config"):
    del config.quantization_config
plain = AutoModelForCausalLM.from_config(config, dtype=dtype)
plain.load_state_dict(model.state_dict())
plain.save_pretrained(out)
tokenizer.save_pretrained(out)
print(f"wrote {out}: {type(model).__name__}, {sum(p.numel() for p in model.parameters())} parameters, {dtype}")
