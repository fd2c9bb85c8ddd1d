"""Generate (gold, output) pairs for the scoring speed benchmark (SCORING-NOTES §14's construction).

22 answer kinds, ~70% equivalent forms, chain-of-thought bodies of 0.3k-12k characters, 85% boxed answers,
80% with a <think> block. Seeded, so every run scores the same pairs.
"""
import json
import random
import sys

KINDS = [
    ("\\frac{3}{4}", ["\\frac{3}{4}", "\\dfrac{3}{4}", "0.75"], ["\\frac{4}{3}", "0.7"]),
    ("\\dfrac{7}{2}", ["\\frac72", "3.5", "\\frac{7}{2}"], ["\\frac{2}{7}"]),
    ("0.125", ["\\frac{1}{8}", "0.125"], ["0.12"]),
    ("2\\sqrt{3}", ["\\sqrt{12}", "2\\sqrt3"], ["3\\sqrt{2}"]),
    ("\\frac{\\pi}{3}", ["\\frac{1}{3}\\pi", "\\pi/3"], ["\\frac{\\pi}{6}"]),
    ("30^\\circ", ["30", "30^{\\circ}"], ["60^\\circ"]),
    ("25\\%", ["25", "25\\%"], ["30\\%"]),
    ("[2, 5)", ["[2,5)"], ["(2, 5)", "[2, 5]"]),
    ("(-\\infty, 1] \\cup [3, \\infty)", ["(-\\infty,1]\\cup[3,\\infty)"], ["(-\\infty, 1) \\cup (3, \\infty)"]),
    ("\\{1, 2, 3\\}", ["\\{3, 2, 1\\}", "\\{1,2,3\\}"], ["\\{1, 2\\}"]),
    ("(1, 2)", ["(1,2)"], ["(2, 1)"]),
    ("x = 5", ["5", "x=5"], ["x = 6"]),
    ("y = 2x + 3", ["y=2x+3", "2x+3"], ["y = 3x + 2"]),
    ("\\text{Monday}", ["\\text{Monday}", "Monday"], ["\\text{Tuesday}"]),
    ("12 \\text{ cm}", ["12", "12\\text{ cm}"], ["13"]),
    ("3 \\times 10^{5}", ["300000", "3\\times10^5"], ["3 \\times 10^{4}"]),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", ["\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"], ["\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}"]),
    ("1000000", ["1,000,000", "1000000"], ["100000"]),
    ("204", ["204", "0204"], ["240"]),
    ("x^2 + 2x + 1", ["(x+1)^2", "x^2+2x+1"], ["x^2 + 1"]),
    ("\\frac{\\sqrt{2}}{2}", ["\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt2}{2}"], ["\\sqrt{2}"]),
    ("-\\frac{1}{2}", ["-0.5", "-\\frac12"], ["\\frac{1}{2}"]),
]

FILLER = ("Let us consider the problem carefully. We compute the quantity step by step, checking each "
          "intermediate value: $a_1 = 3$, $a_2 = 7$, and so on. Substituting gives $2x + 3 = 11$, hence $x = 4$. ")


def main(count: int, seed: int, path: str) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(count):
            gold, equivalent, different = rng.choice(KINDS)
            prediction = rng.choice(equivalent) if rng.random() < 0.7 else rng.choice(different)
            length = rng.choice([300, 1500, 4000, 12000])
            body = (FILLER * (length // len(FILLER) + 1))[:length]
            final = f"The final answer is $\\boxed{{{prediction}}}$." if rng.random() < 0.85 else f"The final answer is ${prediction}$."
            output = f"<think>\n{body}\n</think>\n\n{body[:200]}\n\n{final}" if rng.random() < 0.8 else f"{body}\n\n{final}"
            out.write(json.dumps({"gold": gold, "output": output}) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
