"""How fast the actor linker runs over a long text (characters per second).

    .venv/bin/python benchmarks/linker_speed.py [--chars 30000]
"""

from __future__ import annotations

import argparse
import time

from gaiko.actors import load_linker

PARTS = ["ラブロフ外相は31日、平壌で金正恩委員長と会談した。米朝首脳会談について同外相は「支持する」と述べた。",
         "韓国政府と北朝鮮外務省、ロシア軍、在韓国日本大使館、4日の中止、東北地方の市民団体。"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=30_000)
    args = parser.parse_args()
    text = ("".join(PARTS) * (args.chars // 80 + 1))[:args.chars]
    linker = load_linker()
    linker(text[:100], "2018-06-01")  # build the automaton first
    start = time.perf_counter()
    mentions = linker(text, "2018-06-01")
    took = time.perf_counter() - start
    print(f"{args.chars} chars, {len(mentions)} mentions, {took:.3f} s, {args.chars / took:,.0f} chars/s")


if __name__ == "__main__":
    main()
