"""Wire-copy regressions for error kinds a blind evaluation found, on sentences written for these tests.

Each case names made-up people, firms and places, so the rules are tested as mechanisms
rather than as remembered strings: (text, spans that must be present, spans that must not).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import mentions

CASES = [
    # Title and role words in front of a name stay out of it.
    (
        "Chief Executive Maya Orlov said margins would improve.",
        [("Maya Orlov", "PERSON")],
        [("Executive Maya Orlov", "PERSON")],
    ),
    (
        "Substitute Kofi Mensah scored in stoppage time.",
        [("Kofi Mensah", "PERSON")],
        [("Substitute Kofi Mensah", "PERSON")],
    ),
    (
        "Former Lagos governor Babajide Adeyemi criticised the plan.",
        [("Lagos", "GPE"), ("Babajide Adeyemi", "PERSON")],
        [("Former Lagos", "PERSON")],
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_wire_cases(offline_analyzer, text, present, absent):
    got = mentions(offline_analyzer, text)
    for pair in present:
        assert pair in got, (pair, got)
    for pair in absent:
        assert pair not in got, (pair, got)
