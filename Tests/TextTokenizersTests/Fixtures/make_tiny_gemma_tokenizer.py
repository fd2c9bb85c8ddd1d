"""Builds a tiny SentencePiece-style tokenizer.json (Hugging Face BPE with byte_fallback, spaces as '▁', the form
Gemma's and Llama 2's converted tokenizers take) and expected ids from the `tokenizers` library.
Run: /tmp/venv/bin/pip install tokenizers && /tmp/venv/bin/python make_tiny_gemma_tokenizer.py OUT_DIR CORPUS..."""
import json, os, sys
from collections import Counter
from tokenizers import Tokenizer, decoders, normalizers
from tokenizers.models import BPE

out, corpus_files = sys.argv[1], sys.argv[2:]
text = " ".join(open(p, encoding="utf-8").read() for p in corpus_files)
words = Counter(tuple("▁" + w) for w in text.split(" ") if w)
merges = []
for _ in range(300):
    pairs = Counter()
    for word, n in words.items():
        for a, b in zip(word, word[1:]):
            pairs[(a, b)] += n
    if not pairs:
        break
    best = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    merges.append(best)
    merged = Counter()
    for word, n in words.items():
        out_word, i = [], 0
        while i < len(word):
            if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                out_word.append(word[i] + word[i + 1]); i += 2
            else:
                out_word.append(word[i]); i += 1
        merged[tuple(out_word)] += n
    words = merged

specials = ["<pad>", "<eos>", "<bos>", "<unk>", "<start_of_turn>", "<end_of_turn>"]
vocab = {s: i for i, s in enumerate(specials)}
for b in range(256):
    vocab[f"<0x{b:02X}>"] = len(vocab)
chars = Counter(c for c in text if c != " ")
for c in ["▁", "\n"] + sorted(c for c, n in chars.items() if n >= 3):
    vocab.setdefault(c, len(vocab))
for a, b in merges:
    vocab.setdefault(a, len(vocab)); vocab.setdefault(b, len(vocab)); vocab.setdefault(a + b, len(vocab))

tok = Tokenizer(BPE(vocab=vocab, merges=merges, unk_token="<unk>", byte_fallback=True, fuse_unk=True))
tok.normalizer = normalizers.Replace(" ", "▁")
tok.decoder = decoders.Sequence([decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse()])
tok.add_special_tokens(specials)
os.makedirs(out, exist_ok=True)
tok.save(os.path.join(out, "tokenizer.json"))
json.dump({"add_bos_token": True, "bos_token": "<bos>", "eos_token": "<eos>", "unk_token": "<unk>", "pad_token": "<pad>"},
          open(os.path.join(out, "tokenizer_config.json"), "w"), indent=1)
texts = [c["text"] for c in json.load(open("/work/shared/engine-golden/gemma3-tokenizer-golden.json"))["cases"]] + [
    "the answer is 42.", "  leading and trailing  ", "Ünïcödé ⅞ and 🧪", "<start_of_turn>user\nhi<end_of_turn>", ""]
cases = [{"text": t, "ids": tok.encode(t, add_special_tokens=False).ids,
          "decoded": tok.decode(tok.encode(t, add_special_tokens=False).ids, skip_special_tokens=False)} for t in texts]
json.dump({"tokenizer": "tokenizers %s, made by make_tiny_gemma_tokenizer.py" % __import__("tokenizers").__version__,
           "cases": cases}, open(os.path.join(out, "expected.json"), "w"), ensure_ascii=False, indent=1)
print(len(vocab), "tokens,", len(merges), "merges,", os.path.getsize(os.path.join(out, "tokenizer.json")), "bytes")
