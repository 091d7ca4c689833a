"""Fuzz the extract path with hypothesis, 10,000 examples per property (issue 10).

    .venv/bin/python benchmarks/fuzz.py [--examples 10000] [--pipeline-examples 10000]

The properties are those of tests/test_fuzz.py (there with a modest count):
random bytes in any suffix and encoding through the readers and cleaning,
random HTML through the HTML reader, random Japanese and Unicode text through
``clean`` and through the whole pipeline (GiNZA loads once). Any exception other
than the readers' ``Rejected`` fails the run; the failing example is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))



def run(name: str, test, examples: int) -> bool:
    started = time.perf_counter()
    try:
        test()
    except Exception:  # noqa: BLE001 - report any failure with hypothesis' minimal example
        print(f"{name}: FAILED after {time.perf_counter() - started:.0f} s", flush=True)
        traceback.print_exc()
        return False
    print(f"{name}: {examples:,} examples, no uncaught exception ({time.perf_counter() - started:.0f} s)",
          flush=True)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--pipeline-examples", type=int, default=10_000)
    args = parser.parse_args()
    os.environ["GAIKO_FUZZ_EXAMPLES"] = str(args.examples)
    os.environ["GAIKO_FUZZ_PIPELINE_EXAMPLES"] = str(args.pipeline_examples)
    import tests.test_fuzz as props  # reads the counts above

    ok = True
    ok &= run("bytes -> readers -> clean", props.test_any_bytes_through_the_readers, args.examples)
    ok &= run("HTML -> html reader", props.test_any_html_through_the_html_reader, args.examples)
    ok &= run("text -> clean", props.test_any_text_through_clean, args.examples)
    ok &= run("text -> pipeline", props.test_any_text_through_the_pipeline, args.pipeline_examples)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
