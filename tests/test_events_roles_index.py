"""events.roles: a name's particle read from the words indexed by first character is the one a walk
over all of them, in their order, finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gaiko.events.roles as roles

#: Characters of the particles and skipped words, and some of neither.
ALPHABET = "がはもをにへとのでや、・，から対しするよりとしてめぐ関間両国政府首脳当局側氏ら など軍基地施設会談あ（）」"


class _Every:
    """Every word for any character: the walk over all of them."""

    def __init__(self, words: tuple) -> None:
        self.words = words

    def get(self, _c: str, _default: tuple = ()) -> tuple:
        return self.words


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=14), st.booleans())
def test_the_particle_read_by_first_character_is_the_one_read_walking_all(rest, person):
    text = "中国" + rest
    indexed = roles.read_case(text, 2, person=person)
    saved = roles._PARTICLES_AT, roles._SKIP_AFTER_AT
    roles._PARTICLES_AT, roles._SKIP_AFTER_AT = _Every(roles._PARTICLES), _Every(roles._SKIP_AFTER)
    try:
        assert roles.read_case(text, 2, person=person) == indexed
    finally:
        roles._PARTICLES_AT, roles._SKIP_AFTER_AT = saved


def test_the_longest_particle_still_wins():
    assert roles.read_case("中国に対して抗議", 2)[:2] == ("dat", "に対して")
    assert roles.read_case("中国政府によると", 2)[:2] == ("skip", "によると")
    assert roles.read_case("中国", 2) == ("none", "", 2)
