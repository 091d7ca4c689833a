"""The levers of issue 9, one by one: speed and F1 on the annotated dev sets.

    .venv/bin/python benchmarks/levers.py [--sets seeds livedoor] [--repeat 3]

Each row adds one lever to the row above and runs the whole pipeline (read →
clean → link → filter → parse → extract) over ``../shared/corpus/seeds`` and
``../shared/corpus/livedoor``; speed is raw input characters per CPU second
(``time.process_time``, so other load on a shared machine barely moves it) on one core (model load excluded; it is timed once, separately), F1 is
``gaiko.evaluate.score`` against ``../shared/gold`` (dyad / actor / full).
The dev sets are small (about 24,000 characters, a few seconds of CPU), so each
row and the plain-GiNZA baseline are run ``--repeat`` times and the fastest run
counts.
Levers that ``gaiko.pipeline`` does not expose are switched by replacing
module attributes for the run (``load_nlp``, ``_sentences``); the package
defaults are the rows marked "default".
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run(config: dict, sets: list[str]) -> dict:
    import gaiko.nlp.loader as loader
    import gaiko.pipeline as pipeline
    from gaiko.documents import load_documents, read_documents
    from gaiko.evaluate import read_gold, score
    from gaiko.options import Options
    from gaiko.records import Rejected

    nlp = loader.build_nlp(exclude=config["exclude"], blas=config["blas"])
    list(nlp.pipe(["準備の文です。"]))
    original_load, original_sentences = loader.load_nlp, pipeline._sentences
    loader.load_nlp = lambda: nlp  # type: ignore[assignment]

    def sentences(text, mentions, ruler):
        out = original_sentences(text, mentions, ruler)
        if not config["filter"]:
            return [dataclasses.replace(s, tokens=s.text) for s in out]
        if config["token_match"] and config.get("read_tokens", True):
            return out  # the pipeline's own: tokenizer-level trigger match, roles read from the tokens
        if config["token_match"]:  # every candidate parsed, from its text
            return [dataclasses.replace(s, tokens=s.text if s.tokens is not None else None) for s in out]
        # the character pre-filter alone: an actor and a trigger stem
        return [dataclasses.replace(s, tokens=s.text if s.mentions and ruler.may_contain(s.text) else None)
                for s in out]

    pipeline._sentences = sentences  # type: ignore[assignment]
    options = Options(progress=False, batch_size=config.get("batch_size", 64))
    result = {"seconds": 0.0, "chars": 0}
    try:
        for name in sets:
            folder = str(SHARED / "corpus" / name)
            raw = sum(len(d.text) for d in read_documents([folder], options) if not isinstance(d, Rejected))
            start = time.process_time()
            docs_in = load_documents if config["clean"] else read_documents
            docs = [d for d in docs_in([folder], options) if not isinstance(d, Rejected)]
            events = [ev.to_dict() for x in pipeline.extract_documents(docs, options) for ev in x.events]
            result["seconds"] += time.process_time() - start
            result["chars"] += raw
            scores = score(read_gold(str(SHARED / "gold" / f"{name}.jsonl")), events)
            result[name] = "/".join(f"{scores[level].f1:.3f}" for level in ("dyad", "actor", "full"))
    finally:
        loader.load_nlp, pipeline._sentences = original_load, original_sentences
    return result


def plain_ginza(sets: list[str]) -> dict:
    import spacy

    from gaiko.documents import read_documents
    from gaiko.options import Options
    from gaiko.records import Rejected

    nlp = spacy.load("ja_ginza")
    list(nlp.pipe(["準備の文です。"]))
    texts = [d.text for name in sets for d in read_documents([str(SHARED / "corpus" / name)], Options())
             if not isinstance(d, Rejected)]
    start = time.process_time()
    list(nlp.pipe(texts, batch_size=32))
    return {"seconds": time.process_time() - start, "chars": sum(map(len, texts))}


FULL = ()
NO_NER = ("ner",)
TRIMMED = ("ner", "compound_splitter", "bunsetu_recognizer")
LEVERS = [
    ("gaiko, nothing saved: raw text, every sentence, full model", dict(clean=False, filter=False, exclude=FULL, blas=False, token_match=False)),
    ("+ clean before parsing", dict(clean=True, filter=False, exclude=FULL, blas=False, token_match=False)),
    ("+ sentence pre-filter (trigger stem and actor)", dict(clean=True, filter=True, exclude=FULL, blas=False, token_match=False)),
    ("+ GiNZA without NER", dict(clean=True, filter=True, exclude=NO_NER, blas=False, token_match=False)),
    ("+ without compound_splitter, bunsetu_recognizer", dict(clean=True, filter=True, exclude=TRIMMED, blas=False, token_match=False)),
    ("+ gemm on OpenBLAS (BlasOps)", dict(clean=True, filter=True, exclude=TRIMMED, blas=True, token_match=False)),
    ("+ tokenizer-level trigger match (`parse_candidate`)", dict(clean=True, filter=True, exclude=TRIMMED, blas=True, token_match=True, read_tokens=False)),
    ("+ roles read from the tokens, parser only where a head is needed — default", dict(clean=True, filter=True, exclude=TRIMMED, blas=True, token_match=True)),
    ("  same, batch_size 16", dict(clean=True, filter=True, exclude=TRIMMED, blas=True, token_match=True, batch_size=16)),
    ("  same, batch_size 256", dict(clean=True, filter=True, exclude=TRIMMED, blas=True, token_match=True, batch_size=256)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=["seeds", "livedoor"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the fastest counts")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    from gaiko.nlp.loader import build_nlp

    start = time.perf_counter()
    build_nlp()
    print(f"model load (once per worker): {time.perf_counter() - start:.1f} s")
    base = min((plain_ginza(args.sets) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    base_cps = base["chars"] / base["seconds"]
    header = f"| lever | chars/s | × plain GiNZA | {' | '.join(f'F1 {s} (dyad/actor/full)' for s in args.sets)} |"
    print(header)
    print("|" + "---|" * (3 + len(args.sets)))
    print(f"| plain `ja_ginza` over the raw text | {base_cps:,.0f} | 1.00 |" + " — |" * len(args.sets))
    for label, config in LEVERS:
        r = min((run(config, args.sets) for _ in range(args.repeat)), key=lambda r: r["seconds"])
        cps = r["chars"] / r["seconds"]
        print(f"| {label} | {cps:,.0f} | {cps / base_cps:.2f} | " + " | ".join(r[s] for s in args.sets) + " |",
              flush=True)
    print(json.dumps({"plain_ginza_chars_per_s": round(base_cps, 1)}))


if __name__ == "__main__":
    main()
