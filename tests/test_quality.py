"""Quality floors on the development sets (see tests/eval_gate.py).

The issue's own floor, dyad-level F1 of at least 0.5 on the seeds, is asserted
directly; the pinned floors catch any regression below what was last measured.
"""

from __future__ import annotations

import json

import pytest

from eval_gate import BASELINE, SETS, measure, sha256

pytestmark = pytest.mark.parser
BASE = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SETS))
def test_f1_stays_at_or_above_its_pinned_floor(name):
    gold = SETS[name][0]
    if not gold.exists():
        pytest.skip("shared/ is not beside the repository")
    assert sha256(gold) == BASE[name]["gold_sha256"], \
        f"{gold} changed: re-measure and re-pin with `python tests/eval_gate.py --update`"
    figures = measure(name)
    below = {k: (v, BASE[name]["floors"][k]) for k, v in figures.items() if v < BASE[name]["floors"][k]}
    assert not below, f"{name}: below the pinned floor (now, floor): {below}"
    if name == "seeds":
        assert figures["dyad"] >= 0.5
