"""Renders the committed chat templates with Jinja2 the way transformers' apply_chat_template does
(ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks, loopcontrols, raise_exception, tojson with
ensure_ascii=False) for a set of conversations, and writes renderings.json next to this script.
Run: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install jinja2 && /tmp/venv/bin/python make_renderings.py"""
import json, os
import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

here = os.path.dirname(os.path.abspath(__file__))


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception

TOKENS = {  # (bos_token, eos_token) as each model's tokenizer_config.json defines them
    "smollm2": ("<|im_start|>", "<|im_end|>"),
    "qwen2.5": ("", "<|im_end|>"),
    "qwq-32b": ("", "<|im_end|>"),
    "deepseek-r1-distill-qwen": ("<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>"),
    "gemma3": ("<bos>", "<eos>"),
    "qwen3": ("", "<|im_end|>"),
}

def m(role, content):
    return {"role": role, "content": content}

CONVERSATIONS = {
    "user_only": [m("user", "What is 12 + 35? Answer briefly.")],
    "system_user": [m("system", "You are a careful math tutor."), m("user", "Solve x^2 = 4.")],
    "multi_turn": [m("system", "Be concise."), m("user", "Hi!"),
                   m("assistant", "<think>\nThe user greets me.\n</think>\n\nHello! How can I help?"),
                   m("user", "Name a prime  number.\n")],
    "multi_turn_no_system": [m("user", "  Is 7 prime? "), m("assistant", "Yes."), m("user", "And 9?")],
    "unicode": [m("user", "Résumé: 日本語, emoji 🙂, quotes \"x\" and 'y', backslash \\ done")],
}
TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Get the weather for a city.",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
TOOL_CONVERSATION = [m("user", "Weather in Paris?"),
                     {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                     m("tool", "18C, sunny"), m("tool", "wind 5 km/h")]

cases = []
for name, (bos, eos) in TOKENS.items():
    source = open(os.path.join(here, "templates", name + ".jinja"), encoding="utf-8").read()
    template = env.from_string(source)
    runs = [(c, conv, {}) for c, conv in CONVERSATIONS.items()]
    if name in ("qwen2.5", "qwq-32b", "qwen3"):
        runs.append(("tools", TOOL_CONVERSATION, {"tools": TOOLS}))
    if name == "qwen3":
        runs.append(("no_thinking", CONVERSATIONS["multi_turn"], {"enable_thinking": False}))
        runs.append(("reasoning_field", [m("user", "2+2?"), {"role": "assistant", "content": "4", "reasoning_content": "\nadd\n"},
                                          m("user", "3+3?")], {}))
    if name == "gemma3":
        runs.append(("bad_alternation", [m("user", "a"), m("user", "b")], {}))
        runs.append(("image_parts", [m("system", "Look closely."),
                     {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": " What is shown? "}]}], {}))
    for conversation, messages, extra in runs:
        for gen in (True, False):
            case = {"template": name, "conversation": conversation, "messages": messages, "add_generation_prompt": gen,
                    "bos_token": bos, "eos_token": eos, "extra": extra}
            try:
                case["expected"] = template.render(messages=messages, add_generation_prompt=gen, bos_token=bos,
                                                   eos_token=eos, **extra)
            except jinja2.exceptions.TemplateError as error:
                case["error"] = str(error)
            cases.append(case)

# Skywork-R1V / InternVL-chat: the LLM's template is rendered with `<image>` placeholders in the user text, then
# each placeholder is replaced in order by <img> + <IMG_CONTEXT> x (tokens per tile x tiles of that image) + </img>
# (modeling_skywork_chat.py's chat(): query.replace('<image>', image_tokens, 1)).
template = env.from_string(open(os.path.join(here, "templates", "qwq-32b.jinja"), encoding="utf-8").read())
for tiles, question in (([3], "<image>\nWhat is in the picture?"), ([2, 1], "Image-1: <image>\nImage-2: <image>\nCompare them.")):
    messages = [m("user", question)]
    query = template.render(messages=messages, add_generation_prompt=True, bos_token="", eos_token="<|im_end|>")
    for n in tiles:
        query = query.replace("<image>", "<img>" + "<IMG_CONTEXT>" * (4 * n) + "</img>", 1)
    cases.append({"template": "qwq-32b", "conversation": "skywork_images_%d" % len(tiles), "messages": messages,
                  "add_generation_prompt": True, "bos_token": "", "eos_token": "<|im_end|>", "extra": {},
                  "image_tiles": tiles, "tokens_per_tile": 4, "expected": query})

with open(os.path.join(here, "renderings.json"), "w", encoding="utf-8") as f:
    json.dump({"renderer": "jinja2 %s, transformers-style environment" % jinja2.__version__, "cases": cases}, f,
              ensure_ascii=False, indent=1)
print(len(cases), "renderings")
