"""Makes the tiny Hugging Face checkpoints the engine tests load, with transformers' outputs.

Rerun (from the repository root; needs only a CPU):
    python3 -m venv /tmp/venv-hf
    /tmp/venv-hf/bin/pip install torch transformers safetensors tokenizers
    /tmp/venv-hf/bin/python Tests/InferenceEngineTests/Fixtures/make-hf-fixtures.py

Writes, next to this script:
  tiny-qwen2/   Qwen2ForCausalLM, BF16, one model.safetensors, tied head, q/k/v biases, GQA 4/2, plus a
                byte-level BPE tokenizer.json trained here, tokenizer_config.json with a ChatML chat template,
                and generation_config.json naming <|im_end|> as EOS.
  tiny-llama/   LlamaForCausalLM, F16, two shards + model.safetensors.index.json, separate lm_head.
  tiny-llama3/  LlamaForCausalLM, BF16, Llama 3 RoPE scaling (rope_type llama3) with a short original context so
                that the scaled, smoothed and unscaled frequency bands all occur in a 16-wide head; a 24-token case.
Pass folder names to remake only those (golden-info.json keeps the other entries).
Each folder has golden.safetensors: for every case N, `caseN.input_ids` (I64), `caseN.logits` (F32
[tokens, vocab], every position) and `caseN.greedy_ids` (I64, 8 greedy steps, no EOS stop), computed by
transformers in float32 from the saved (rounded) weights; tiny-qwen2 also has `chat.*` for a chat prompt
rendered with the tokenizer's own template (see golden-info.json).
"""
import json
import os
import sys

import tokenizers
import torch
import transformers
from safetensors.torch import save_file
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [[1, 2, 3, 4, 5], [17, 250, 3, 99, 42, 7, 7, 7], [200]]
CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
CORPUS = [
    "The capital of France is Paris. The capital of Italy is Rome.",
    "What is 12 + 35? The answer is 47. Numbers: 0 1 2 3 4 5 6 7 8 9 10 100 1000.",
    "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)\n",
    "You are a helpful assistant. Answer briefly and show your reasoning.",
] * 20


def spread(model, seed):
    """Random weights large enough that greedy steps are not near-ties (init std 0.02 gives flat logits)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.copy_(1 + 0.1 * torch.randn(p.shape, generator=g))
            elif name.endswith("bias"):
                p.copy_(0.2 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(torch.randn(p.shape, generator=g) / p.shape[-1] ** 0.5 * 1.5)


def forward(model, ids):
    with torch.no_grad():
        return model(torch.tensor([ids])).logits[0].float()


def greedy(model, ids, steps=8):
    ids = list(ids)
    for _ in range(steps):
        ids.append(int(forward(model, ids)[-1].argmax()))
    return ids


def golden(folder, model_class, cases, extra=None):
    model = model_class.from_pretrained(folder, dtype=torch.float32, attn_implementation="eager").eval()
    tensors, margins = {}, []
    for n, ids in enumerate(cases):
        logits = forward(model, ids)
        out = greedy(model, ids)
        tensors[f"case{n}.input_ids"] = torch.tensor(ids, dtype=torch.int64)
        tensors[f"case{n}.logits"] = logits.contiguous()
        tensors[f"case{n}.greedy_ids"] = torch.tensor(out, dtype=torch.int64)
        for step in range(len(ids), len(out)):
            top = forward(model, out[:step])[-1].topk(2).values
            margins.append(float(top[0] - top[1]))
    if extra:
        tensors.update(extra(model))
    save_file(tensors, os.path.join(folder, "golden.safetensors"))
    return min(margins)


def make_tokenizer(folder):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    trainer = trainers.BpeTrainer(vocab_size=300, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(CORPUS, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.chat_template = CHATML
    fast.save_pretrained(folder)
    return fast


def make_qwen2():
    folder = os.path.join(HERE, "tiny-qwen2")
    os.makedirs(folder, exist_ok=True)
    tokenizer = make_tokenizer(folder)
    eos = tokenizer.convert_tokens_to_ids("<|im_end|>")
    config = Qwen2Config(vocab_size=320, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                         num_key_value_heads=2, max_position_embeddings=512, rope_theta=1_000_000.0, rms_norm_eps=1e-6,
                         tie_word_embeddings=True, eos_token_id=eos, bos_token_id=None)
    torch.manual_seed(1)
    model = Qwen2ForCausalLM(config)
    spread(model, 11)
    model.generation_config.eos_token_id = [eos, tokenizer.convert_tokens_to_ids("<|endoftext|>")]
    model.to(torch.bfloat16).save_pretrained(folder)
    messages = [{"role": "user", "content": "What is 12 + 35?"}]
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    chat_ids = tokenizer(text, add_special_tokens=True)["input_ids"]

    def chat(model):
        return {"chat.input_ids": torch.tensor(chat_ids, dtype=torch.int64),
                "chat.greedy_ids": torch.tensor(greedy(model, chat_ids), dtype=torch.int64)}

    margin = golden(folder, Qwen2ForCausalLM, CASES, chat)
    return {"folder": "tiny-qwen2", "dtype": "BF16", "chat_text": text, "chat_ids": chat_ids,
            "eos_ids": model.generation_config.eos_token_id, "min_greedy_margin": margin}


def make_llama():
    folder = os.path.join(HERE, "tiny-llama")
    os.makedirs(folder, exist_ok=True)
    config = LlamaConfig(vocab_size=256, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                         num_key_value_heads=4, max_position_embeddings=256, rope_theta=10_000.0, rms_norm_eps=1e-5,
                         tie_word_embeddings=False, bos_token_id=1, eos_token_id=2)
    torch.manual_seed(2)
    model = LlamaForCausalLM(config)
    spread(model, 22)
    model.to(torch.float16).save_pretrained(folder, max_shard_size="150KB")
    margin = golden(folder, LlamaForCausalLM, CASES)
    return {"folder": "tiny-llama", "dtype": "F16", "shards": sorted(f for f in os.listdir(folder) if f.endswith(".safetensors") and f.startswith("model")),
            "min_greedy_margin": margin}


def make_llama3():
    folder = os.path.join(HERE, "tiny-llama3")
    os.makedirs(folder, exist_ok=True)
    rope = {"rope_type": "llama3", "rope_theta": 10_000.0, "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
            "original_max_position_embeddings": 64}
    config = LlamaConfig(vocab_size=256, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                         num_key_value_heads=2, max_position_embeddings=512, rms_norm_eps=1e-5, rope_parameters=rope,
                         tie_word_embeddings=True, bos_token_id=1, eos_token_id=2)
    torch.manual_seed(3)
    model = LlamaForCausalLM(config)
    spread(model, 33)
    model.to(torch.bfloat16).save_pretrained(folder)
    long_case = [(7 * i + 3) % 250 + 3 for i in range(24)]
    margin = golden(folder, LlamaForCausalLM, CASES + [long_case])
    return {"folder": "tiny-llama3", "dtype": "BF16", "rope_parameters": rope, "min_greedy_margin": margin}


if __name__ == "__main__":
    makers = {"tiny-qwen2": make_qwen2, "tiny-llama": make_llama, "tiny-llama3": make_llama3}
    wanted = sys.argv[1:] or list(makers)
    path = os.path.join(HERE, "golden-info.json")
    old = json.load(open(path))["models"] if os.path.exists(path) and sys.argv[1:] else []
    made = {name: makers[name]() for name in wanted}
    models = [made.pop(m["folder"], m) for m in old] + list(made.values())
    info = {"transformers": transformers.__version__, "torch": torch.__version__, "tokenizers": tokenizers.__version__,
            "python": sys.version.split()[0], "cases": CASES, "models": models}
    with open(path, "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info, indent=1))
