"""Throughput: gaiko's whole pipeline against plain GiNZA, on a generated corpus.

    .venv/bin/python benchmarks/throughput.py --docs 200 [--workers N] [--no-ginza] [--seed S]

1. corpus: N ``.txt`` documents (and a ``META.jsonl`` of publication dates) in a
   temporary folder, varied from the bundled ``examples/corpus``: each document
   takes 3–6 article paragraphs drawn at random from the seven reports (cleaned
   text), in shuffled order; actor names are swapped pairwise at random
   (トランプ↔バイデン, 金正恩↔金与正, プーチン↔ショイグ, 岸田↔林, 中国↔ロシア, …); every
   day number (「12日」) is redrawn (1–28); and portal boilerplate lines (menu,
   breadcrumb, share buttons, related-article list, copyright) are added above
   and below, about 40 % of the raw characters, as on the seed pages
   (raw/cleaned ≈ 1.7 there). Documents are written one by one; nothing holds
   the corpus.
2. (b) gaiko: ``load_documents`` → ``extract_documents`` (``--workers 1``) or
   ``gaiko.scale.local.extract_parallel`` (``--workers N``), from the files to
   events, model load excluded for one worker (loaded before the clock starts, and
   the pipeline run once on a one-sentence report, ``WARM_UP``, as GiNZA is in (a),
   so first-use imports and data files are not counted either), included (spawn +
   load in each worker) for N. Peak RSS (this process, or the largest worker) is
   taken right after this stage.
3. (a) plain GiNZA: ``spacy.load("ja_ginza")`` (full model, default ops), warmed
   on ``WARM_UP``, then ``nlp.pipe`` over the raw text of every file, chunked
   under 40,000 bytes with ``gaiko.documents.split_text``; model load excluded.

The process is pinned to ``--workers`` cores (one core for one worker) and uses
one BLAS thread per process. It prints a table and, last, one JSON line; beside
the wall-clock ``ratio`` it gives ``ratio_cpu`` (the same from CPU seconds of
this process and its workers), which other load on a shared machine barely
moves, and ``load_avg`` at the end of the run.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Iterator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"

SWAPS = [("トランプ", "バイデン"), ("金正恩", "金与正"), ("プーチン", "ショイグ"), ("岸田", "林"),
         ("中国", "ロシア"), ("米国", "日本"), ("韓国", "中国"), ("尹錫悦", "文在寅")]
HEAD = ["ホーム | 政治 | 国際 | 経済 | 社会 | スポーツ | エンタメ | テクノロジー",
        "トップ > 国際 > {area}", "ログイン | 会員登録 | 有料会員になる",
        "{year}年{month}月{day}日 {hour}時{minute}分"]
TAIL = ["この記事をシェアする", "Xでポスト", "Facebookでシェア", "LINEで送る", "関連記事",
        "・{area}情勢、各国の反応まとめ", "・【解説】{area}をめぐる外交の行方",
        "・専門家に聞く　{area}の安全保障", "・写真特集：首脳外交の一年",
        "アクセスランキング", "1. きょうの天気　全国的に晴れ", "2. 為替相場、円安進む",
        "3. プロ野球、開幕へ", "お問い合わせ | 利用規約 | プライバシーポリシー | 広告掲載",
        "Copyright © gaiko benchmark. All rights reserved."]
AREAS = ["朝鮮半島", "中国", "ロシア", "米国", "東アジア"]
#: One short report each side reads before its clock starts (GiNZA's ``nlp.pipe`` on it, gaiko's
#: whole pipeline: the imports of its readers, the trigger dictionary and other data loaded on first use).
WARM_UP = "北朝鮮外務省は3日、米国を非難する談話を発表した。"
_DAY = re.compile(r"(?<![0-9０-９])([0-9]{1,2})日")


def paragraphs() -> list[str]:
    """Article paragraphs of the bundled reports (cleaned text, title dropped)."""
    from gaiko.documents import load_documents
    from gaiko.options import Options
    from gaiko.records import Rejected

    out = []
    for doc in load_documents([str(EXAMPLES)], Options(progress=False)):
        if isinstance(doc, Rejected):
            continue
        paras = [p.strip() for p in re.split(r"\n+", doc.text) if len(p.strip()) > 40]
        out.extend(paras)
    return out


def vary(text: str, rng: random.Random) -> str:
    for a, b in SWAPS:
        if rng.random() < 0.5:
            text = text.replace(a, "\0").replace(b, a).replace("\0", b)
    return _DAY.sub(lambda m: f"{rng.randint(1, 28)}日", text)


def make_corpus(folder: Path, n: int, seed: int) -> tuple[int, int]:
    """Write ``n`` documents and META.jsonl; returns (files, raw characters)."""
    rng = random.Random(seed)
    pool = paragraphs()
    chars = 0
    with open(folder / "META.jsonl", "w", encoding="utf-8") as meta:
        for i in range(n):
            year, month, day = rng.randint(2018, 2024), rng.randint(1, 12), rng.randint(1, 28)
            fill = {"area": rng.choice(AREAS), "year": year, "month": month, "day": day,
                    "hour": rng.randint(0, 23), "minute": rng.randint(0, 59)}
            body = [vary(p, rng) for p in rng.sample(pool, rng.randint(3, 6))]
            title = body[0][:28]
            tail = [TAIL[0], TAIL[1], TAIL[2], TAIL[3], TAIL[4]] + rng.sample(TAIL[5:9], 3) + TAIL[9:]
            lines = [line.format(**fill) for line in HEAD] + ["", title, ""] \
                + ["　" + p + "\n" for p in body] + [line.format(**fill) for line in tail]
            text = "\n".join(lines) + "\n"
            name = f"doc{i:06d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            meta.write(json.dumps({"doc": name, "published": f"{year}-{month:02d}-{day:02d}"}) + "\n")
            chars += len(text)
    return n, chars


def files(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.glob("*.txt")))


def run_gaiko(folder: Path, workers: int) -> dict[str, float]:
    from gaiko.documents import load_documents
    from gaiko.options import Options
    from gaiko.records import Rejected
    from gaiko.scale.local import extract_parallel

    options = Options(progress=False)
    if workers == 1:
        from gaiko.actors import load_linker
        from gaiko.nlp.loader import load_nlp

        load_nlp()
        load_linker(options.actors)
        with tempfile.TemporaryDirectory(prefix="gaiko-warm-") as warm:
            (Path(warm) / "warm.txt").write_text(WARM_UP, encoding="utf-8")
            warm_docs = (d for d in load_documents([warm], options) if not isinstance(d, Rejected))
            for _ in extract_parallel(warm_docs, options, 1):
                pass
    start, cpu = time.perf_counter(), _cpu()
    counts = {"documents": 0, "events": 0, "clean_chars": 0}
    docs = (d for d in load_documents([str(folder)], options) if not isinstance(d, Rejected))
    for doc, events in extract_parallel(docs, options, workers):
        counts["documents"] += 1
        counts["events"] += len(events)
        counts["clean_chars"] += len(doc.text)
    counts["seconds"] = time.perf_counter() - start
    counts["cpu_seconds"] = _cpu() - cpu
    return counts


def run_ginza(folder: Path) -> dict[str, float]:
    import spacy

    from gaiko.documents import split_text

    nlp = spacy.load("ja_ginza")
    list(nlp.pipe([WARM_UP]))

    def chunks() -> Iterator[str]:
        for path in files(folder):
            for _, chunk in split_text(path.read_text(encoding="utf-8"), 40_000):
                yield chunk

    start, cpu = time.perf_counter(), _cpu()
    tokens = 0
    for doc in nlp.pipe(chunks(), batch_size=32):
        tokens += len(doc)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": _cpu() - cpu, "tokens": tokens}


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (robust to other load on the machine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--no-ginza", action="store_true", help="skip (a), plain GiNZA (for memory runs)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, set(cores[:args.workers]))
    with tempfile.TemporaryDirectory(prefix="gaiko-bench-") as tmp:
        folder = Path(tmp)
        n, chars = make_corpus(folder, args.docs, args.seed)
        g = run_gaiko(folder, args.workers)
        rss = peak_rss_mb()
        a = None if args.no_ginza else run_ginza(folder)
    gaiko_cps = chars / g["seconds"]
    ginza_cps = chars / a["seconds"] if a else None
    cpu_ratio = (a["cpu_seconds"] / g["cpu_seconds"]) if a else None
    rows = [("corpus", f"{n} documents, {chars:,} raw characters, {int(g['clean_chars']):,} after cleaning"),
            ("(b) gaiko", f"{g['seconds']:.1f} s  {gaiko_cps:,.0f} chars/s  {int(g['events'])} events  "
                          f"workers={args.workers}"),
            ("(a) GiNZA", f"{a['seconds']:.1f} s  {ginza_cps:,.0f} chars/s  {int(a['tokens']):,} tokens"
             if a else "skipped"),
            ("CPU time", f"gaiko {g['cpu_seconds']:.1f} s" + (f", GiNZA {a['cpu_seconds']:.1f} s" if a else "")),
            ("ratio", f"{gaiko_cps / ginza_cps:.2f} wall clock, {cpu_ratio:.2f} CPU time" if a else "—"),
            ("peak RSS", f"{rss} MB")]
    for label, value in rows:
        print(f"{label:<11}{value}")
    print(json.dumps({"docs": n, "chars": chars, "gaiko_chars_per_s": round(gaiko_cps, 1),
                      "ginza_chars_per_s": round(ginza_cps, 1) if a else None,
                      "ratio": round(gaiko_cps / ginza_cps, 2) if a else None,
                      "peak_rss_mb": rss, "workers": args.workers,
                      "ratio_cpu": round(cpu_ratio, 2) if a else None,
                      "load_avg": round(os.getloadavg()[0], 1)}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
