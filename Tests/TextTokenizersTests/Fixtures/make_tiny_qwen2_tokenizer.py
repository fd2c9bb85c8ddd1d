"""Trains a tiny byte-level BPE tokenizer with Qwen2's pre-tokenizer and normalizer (tokenizers library) and
writes tokenizer.json, tokenizer_config.json and expected.json (ids from the tokenizers library) as fixtures."""
import json, sys, os
from tokenizers import Tokenizer, models, pre_tokenizers, normalizers, decoders, trainers, Regex

out = sys.argv[1]
corpus_files = sys.argv[2:]
pattern = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
tok = Tokenizer(models.BPE())
tok.normalizer = normalizers.NFC()
tok.pre_tokenizer = pre_tokenizers.Sequence([
    pre_tokenizers.Split(Regex(pattern), behavior="isolated", invert=False),
    pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
])
tok.decoder = decoders.ByteLevel()
trainer = trainers.BpeTrainer(vocab_size=800, min_frequency=2, show_progress=False,
                              initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                              special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"])
def lines():
    for path in corpus_files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield line
tok.train_from_iterator(lines(), trainer)
tok.add_tokens(["<think>", "</think>"])
os.makedirs(out, exist_ok=True)
tok.save(os.path.join(out, "tokenizer.json"))
json.dump({"add_bos_token": False, "bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
           "chat_template": "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"},
          open(os.path.join(out, "tokenizer_config.json"), "w"), indent=1)
texts = json.load(open("/work/shared/engine-golden/smollm2-tokenizer-golden.json"))["cases"]
texts = [c["text"] for c in texts] + [
    "Cafe\u0301 au lait", "x = 1234567 + 89", "line one\n\n\nline two\r\n\tindented", "I'M HERE, YOU'RE THERE",
    "<think>\nLet me see.</think>The answer is 42.", "tabs\t\tand   spaces   ", "émoji 🧪 test", "",
]
cases = []
for t in texts:
    special = tok.encode(t, add_special_tokens=False).ids
    # split_special_tokens is a transformers option; emulate "no special parsing" by encoding pieces of the
    # text between special markers is not possible here, so record only the parse-special ids.
    cases.append({"text": t, "ids": special, "decoded": tok.decode(special, skip_special_tokens=False)})
json.dump({"tokenizer": "tokenizers %s, trained by make_tiny_qwen2_tokenizer.py" % __import__("tokenizers").__version__,
           "cases": cases}, open(os.path.join(out, "expected.json"), "w"), ensure_ascii=False, indent=1)
print(tok.get_vocab_size(), os.path.getsize(os.path.join(out, "tokenizer.json")))
