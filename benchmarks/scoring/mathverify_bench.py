"""Score the benchmark pairs with math-verify (end to end: parse(gold), parse(output), verify) and time each pair.

Like Proctor, math-verify is given the text after the last </think> (the think split is the caller's job in both).
Prints a JSON summary; writes one verdict (1/0) per pair to the verdict file.
"""
import json
import sys
import time

from math_verify import parse, verify


def main(path: str, verdict_path: str) -> None:
    pairs = [json.loads(line) for line in open(path, encoding="utf-8")]
    latencies, verdicts = [], []
    start_all = time.perf_counter()
    for pair in pairs:
        output = pair["output"]
        answer_text = output.rsplit("</think>", 1)[-1]
        start = time.perf_counter()
        gold = parse("$" + pair["gold"] + "$")
        prediction = parse(answer_text)
        ok = verify(gold, prediction)
        latencies.append(time.perf_counter() - start)
        verdicts.append(1 if ok else 0)
    wall = time.perf_counter() - start_all
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))]

    with open(verdict_path, "w", encoding="utf-8") as out:
        out.write("\n".join(str(v) for v in verdicts))
    print(json.dumps({
        "pairs": len(pairs), "pairs_per_second": len(pairs) / wall,
        "mean_us": sum(latencies) / len(latencies) * 1e6, "p50_us": pct(0.5) * 1e6, "p90_us": pct(0.9) * 1e6,
        "p99_us": pct(0.99) * 1e6, "max_us": latencies[-1] * 1e6, "correct": sum(verdicts),
    }, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
