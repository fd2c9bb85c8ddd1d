"""Makes the tokenizer the engine-backend vision tests pair with ../shared/engine-golden/tiny-internvl (whose
random-weight checkpoint ships no tokenizer): a byte-level BPE of exactly 300 ids, the size of that model's
vocabulary, with InternVL's image tokens at the top: `<img>` 297, `</img>` 298, `<IMG_CONTEXT>` 299 (the
checkpoint's `image_token_id`). ChatML turn tokens are 0-2; a ChatML chat template goes in tokenizer_config.json
together with transformers' InternVL processor keys (start/end/context image token).

Also writes two small RGB PNGs (written by hand with zlib, no imaging library): square-56.png (one 56-pixel
tile: 4 image tokens) and wide-112x56.png (a 2x1 grid plus the thumbnail: 3 tiles, 12 image tokens), and
tiny-internvl-tokenizer-expected.json: for the image-block layouts the tests build, the ids transformers' tokenizer gives
for the fully expanded prompt text (`<img>` + `<IMG_CONTEXT>` x N + `</img>`, as InternVL's chat() writes it).

Rerun (from the repository root; needs only a CPU):
    python3 -m venv /tmp/venv-hf
    /tmp/venv-hf/bin/pip install transformers tokenizers
    /tmp/venv-hf/bin/python Tests/ProctorEngineBackendTests/Fixtures/make-internvl-tokenizer.py
"""
import json
import os
import struct
import zlib

import tokenizers
import transformers
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "tiny-internvl-tokenizer")
CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
CORPUS = [
    "Which of the figures below is a square? Choices: (A) first (B) second (C) third.",
    "What is the area of the triangle? Answer with a number. The answer is 12.",
    "Look at the image and answer the question. Hint: the angle is 30 degrees.",
] * 20


def expanded(question, blocks):
    """InternVL chat(): `<image>\\n` before the question per image, each replaced by its token block."""
    images = "".join("<img>" + "<IMG_CONTEXT>" * n + "</img>\n" for n in blocks)
    return "<|im_start|>user\n" + images + question + "<|im_end|>\n<|im_start|>assistant\n"


def png(path, width, height):
    """An 8-bit RGB PNG with a smooth colour pattern."""
    rows = b"".join(b"\x00" + bytes(((x * 7 + y * 3) % 256, (x * 2 + 40) % 256, (y * 5 + 90) % 256)[c]
                                     for x in range(width) for c in range(3)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main():
    png(os.path.join(HERE, "square-56.png"), 56, 56)
    png(os.path.join(HERE, "wide-112x56.png"), 112, 56)
    os.makedirs(FOLDER, exist_ok=True)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=297, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(CORPUS, trainer)
    assert tok.get_vocab_size() == 297, tok.get_vocab_size()
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in ["<img>", "</img>", "<IMG_CONTEXT>"]])
    assert [tok.token_to_id(t) for t in ["<img>", "</img>", "<IMG_CONTEXT>"]] == [297, 298, 299]
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.chat_template = CHATML
    fast.save_pretrained(FOLDER)
    config_path = os.path.join(FOLDER, "tokenizer_config.json")
    with open(config_path) as f:
        config = json.load(f)
    config.update({"start_image_token": "<img>", "end_image_token": "</img>", "context_image_token": "<IMG_CONTEXT>"})
    template = os.path.join(FOLDER, "chat_template.jinja")
    if os.path.exists(template):
        with open(template) as f:
            config["chat_template"] = f.read()
        os.remove(template)
    with open(config_path, "w") as f:
        json.dump(config, f, indent=2, sort_keys=True)

    question = "What is the area of the triangle?"
    cases = []
    for blocks in ([4], [4, 12]):
        text = expanded(question, blocks)
        cases.append({"question": question, "image_tokens": blocks, "text": text,
                      "ids": fast(text, add_special_tokens=True)["input_ids"]})
    info = {"transformers": transformers.__version__, "tokenizers": tokenizers.__version__, "cases": cases}
    with open(os.path.join(HERE, "tiny-internvl-tokenizer-expected.json"), "w") as f:
        json.dump(info, f, indent=1)


if __name__ == "__main__":
    main()
