"""Wire datelines belong to the document: reading them needs no later stage.

The patterns themselves are tested in ``test_time.py`` (``test_find_dateline``),
next to the pipeline tests that date and place a lead by its dateline.
"""

from __future__ import annotations

import subprocess
import sys

from gaiko.documents.dateline import find_dateline, wire_agencies


def test_every_agency_of_the_data_file_opens_a_dateline():
    agencies = wire_agencies()
    assert "共同" in agencies and "ロイター" in agencies
    for agency in agencies:
        found = find_dateline(f"【ソウル{agency}】韓国外務省は14日、")
        assert found is not None and (found.agency, found.place) == (agency, "ソウル")


def test_cleaning_a_wire_story_imports_no_later_stage():
    # documents come first (documents → nlp → actors → events → time → store): cleaning a
    # text that opens with a dateline must not pull in the time expressions
    code = ("import sys\n"
            "from gaiko.documents import clean_text\n"
            "assert '国連総会' in clean_text('[国連 12日 ロイター] – 国連総会は12日、決議案を賛成多数で採択した。')\n"
            "print(sorted(m for m in sys.modules if m.startswith(('gaiko.time', 'gaiko.nlp', 'gaiko.actors', "
            "'gaiko.events', 'gaiko.store'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
