"""Turn (gold, output) pairs into `proctor score` lines: {"id", "response", "answer"} (the gold travels with the line).

Usage: make_predictions.py PAIRS.jsonl OUT.jsonl [SAMPLES] [--short]   (PAIRS.jsonl may be - for standard input)
  SAMPLES (default 1): consecutive pairs become samples 0..SAMPLES-1 of one item, so N pairs give N/SAMPLES items.
  --short: keep only the text after the last </think> (for a large database of realistic verdicts but small rows).
"""
import json
import sys


def main(source: str, target: str, samples: int, short: bool) -> None:
    pairs = sys.stdin if source == "-" else open(source, encoding="utf-8")
    with pairs, open(target, "w", encoding="utf-8") as out:
        for number, line in enumerate(pairs):
            pair = json.loads(line)
            output = pair["output"].rsplit("</think>", 1)[-1][-400:] if short else pair["output"]
            item, sample = divmod(number, samples)
            out.write(json.dumps({"id": f"pair-{item}", "sample": sample, "response": output, "answer": pair["gold"]}) + "\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--short"]
    main(args[0], args[1], int(args[2]) if len(args) > 2 else 1, "--short" in sys.argv)
