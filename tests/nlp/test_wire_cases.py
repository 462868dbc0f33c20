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
    # Market identifiers: ticker codes and index names carry no span, nor anything inside.
    (
        "Hokuren Foods (2871.T) fell 3% and Brantley Mills (BRML.O) rose.",
        [("Hokuren Foods", "ORGANIZATION"), ("Brantley Mills", "ORGANIZATION"), ("3%", "PERCENT")],
        [("2871", "CARDINAL"), ("T", "ORGANIZATION"), ("O", "ORGANIZATION"), ("BRML", "ORGANIZATION")],
    ),
    (
        "Its shares, listed as NYSE: QVTA, slipped 1.2% on Wednesday.",
        [("1.2%", "PERCENT"), ("Wednesday", "DATE")],
        [("QVTA", "ORGANIZATION"), ("NYSE", "ORGANIZATION")],
    ),
    (
        "The S&P/TSX composite index added 0.3%, while the Nikkei share average fell and the "
        "Hang Seng closed flat. The S&P 500 rose 0.6%.",
        [("0.3%", "PERCENT"), ("0.6%", "PERCENT")],
        [("S&P", "ORGANIZATION"), ("TSX", "ORGANIZATION"), ("500", "CARDINAL"), ("Hang Seng", "PERSON")],
    ),
    (
        "Benchmark 10-year U.S. Treasury yields rose to 4.2% as investors sold bonds.",
        [("U.S.", "GPE"), ("4.2%", "PERCENT")],
        [("U.S. Treasury", "ORGANIZATION")],
    ),
    (
        "The U.S. Treasury imposed sanctions on three firms.",
        [("U.S. Treasury", "ORGANIZATION")],
        [],
    ),
    (
        "S&P Global Ratings said it had no plans to act.",
        [("S&P Global Ratings", "ORGANIZATION")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_wire_cases(offline_analyzer, text, present, absent):
    got = mentions(offline_analyzer, text)
    for pair in present:
        assert pair in got, (pair, got)
    for pair in absent:
        assert pair not in got, (pair, got)
