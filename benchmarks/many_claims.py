"""CPU time of one article made of many claim lines, for growing line counts.

    python benchmarks/many_claims.py [--lines 1000 4000 20000]

Each line is a paragraph holding one overclaim, every tenth line a price (commercial
context, C15). The time per line should stay flat as the article grows: a check whose
work per claim grows with the whole text makes it climb.
"""

from __future__ import annotations

import argparse
import time

from medlint.run.engine import default_linter

LINES = ("这款药可以根治多汗症。", "坚持服用，保证药到病除。", "现在预约只要99元。")


def article(lines: int) -> str:
    body = [LINES[2] if i % 10 == 9 else LINES[i % 2] for i in range(lines)]
    return "# 标题\n\n" + "\n\n".join(body) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 4000, 20000])
    args = parser.parse_args()
    linter = default_linter()
    linter.check_text(article(10), "warm-up.md")
    print(f"{'lines':>8} {'findings':>9} {'cpu s':>8} {'ms/line':>8}")
    for lines in args.lines:
        text = article(lines)
        began = time.process_time()
        found = linter.check_text(text, "many.md")
        spent = time.process_time() - began
        print(f"{lines:>8} {len(found):>9} {spent:>8.2f} {1000 * spent / lines:>8.3f}")


if __name__ == "__main__":
    main()
