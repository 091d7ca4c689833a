"""How often a tokenized-only sentence is tagged as GiNZA's parse tags it.

    .venv/bin/python benchmarks/pos_agreement.py [--docs 200]

The pipeline reads some sentences' roles from their tokens alone
(``gaiko.pipeline._read_tokens``), re-tagged by ``gaiko.nlp.tags.ginza_pos``.
This takes every candidate sentence (an actor and a trigger) of the dev sets,
the bundled examples and ``--docs`` documents of the throughput corpus, and
counts tokens and sentences whose ``pos_`` equals the parsed one: with the
tokenizer's own tags, and re-tagged. It prints the most frequent differences left.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    import throughput

    from gaiko.documents import load_documents
    from gaiko.nlp.loader import load_nlp, parse
    from gaiko.nlp.tags import ginza_pos
    from gaiko.options import Options
    from gaiko.pipeline import _ruler, _sentences, link_document
    from gaiko.records import Rejected

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    options = Options(progress=False)
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        throughput.make_corpus(Path(tmp), args.docs, 9)
        sources = [tmp] + [str(ROOT.parent / "shared" / "corpus" / s) for s in ("seeds", "livedoor")] \
            + [str(ROOT / "examples" / "corpus")]
        for source in sources:
            for doc in load_documents([source], options):
                if isinstance(doc, Rejected):
                    continue
                for s in _sentences(doc.text, link_document(doc, options), _ruler(())):
                    if s.tokens is not None and not isinstance(s.tokens, str):
                        texts.append(s.text)
    nlp = load_nlp()
    parsed = [[t.pos_ for t in d] for d in parse(texts)]
    for label, retag in (("tokenizer's tags", False), ("re-tagged (ginza_pos)", True)):
        tokens = same = sentences = 0
        left: collections.Counter[tuple[str, str, str]] = collections.Counter()
        for text, gold in zip(texts, parsed):
            doc = nlp.make_doc(text)
            if retag:
                ginza_pos(doc)
            ok = True
            for tok, pos in zip(doc, gold):
                tokens += 1
                if tok.pos_ == pos:
                    same += 1
                else:
                    ok = False
                    left[(tok.pos_, pos, tok.tag_)] += 1
            sentences += ok
        print(f"{label}: {same:,}/{tokens:,} tokens ({same / tokens:.1%}), "
              f"{sentences:,}/{len(texts):,} sentences wholly as parsed")
        for (ours, theirs, tag), n in left.most_common(6):
            print(f"    {n:5d}  {ours} where GiNZA has {theirs}  ({tag})")


if __name__ == "__main__":
    main()
