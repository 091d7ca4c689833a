"""What the CLI does with a mix of good and bad inputs (issue 17, item 3): each
unreadable input is one stderr line naming it, the others are processed and
stored, and the exit status is 1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def gaiko(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    for name in ("01_singapore_summit.txt", "03_putin_pyongyang.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "sjis.txt").write_bytes("北朝鮮".encode("cp932")[:-1] + b"\xff\xfe")  # not decodable
    return folder, bad / "sjis.txt", tmp_path / "nonexistent"


def _bad_lines(stderr: str, *names: Path) -> None:
    lines = [line for line in stderr.splitlines() if line.startswith("gaiko: ")]
    assert len(lines) == len(names), stderr
    for name in names:
        assert sum(line.startswith(f"gaiko: {name.name}") or line.startswith(f"gaiko: {name}")
                   for line in lines) == 1, (name, lines)
    assert "Traceback" not in stderr


@pytest.mark.parser
def test_run_stores_the_good_inputs_and_names_the_bad(inputs, tmp_path):
    folder, sjis, missing = inputs
    db = tmp_path / "x.duckdb"
    proc = gaiko("run", str(folder), str(sjis), str(missing), "--db", str(db))
    assert proc.returncode == 1, proc.stderr
    _bad_lines(proc.stderr, sjis, missing)
    with Store(str(db), read_only=True) as store:
        assert sorted(d["id"] for d in store.documents()) == ["01_singapore_summit.txt", "03_putin_pyongyang.txt"]
        assert store.counts()["events"] > 0
    again = gaiko("run", str(folder), str(missing), "--db", str(db))  # nothing duplicated
    assert again.returncode == 1 and "already stored: 2" in again.stdout


@pytest.mark.parser
def test_extract_prints_the_good_inputs_and_names_the_bad(inputs):
    folder, sjis, missing = inputs
    proc = gaiko("extract", str(folder), str(sjis), str(missing))
    assert proc.returncode == 1, proc.stderr
    _bad_lines(proc.stderr, sjis, missing)
    docs = {json.loads(line)["doc"] for line in proc.stdout.splitlines()}
    assert docs == {"01_singapore_summit.txt", "03_putin_pyongyang.txt"}
