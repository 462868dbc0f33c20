"""Cleaning on import: mojibake, Unicode and whitespace, repeated lines, boilerplate, dates."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tagger.boilerplate import find_boilerplate, is_marker, is_teaser
from tagger.cleaning import (
    clean_article,
    clean_title,
    drop_repeated_lines,
    drop_title_repeat,
    fix_mojibake,
    normalise_text,
)
from tagger.fields import parse_date

DATA = Path(__file__).parent / "data" / "ingest"


# ---- mojibake -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("It\u00e2\u20ac\u2122s a caf\u00c3\u00a9", "It\u2019s a caf\u00e9"),
        ("\u00e2\u20ac\u0153Quoted\u00e2\u20ac\u009d", "\u201cQuoted\u201d"),
        ("Z\u00c3\u00bcrich \u00e2\u20ac\u201d 5%", "Z\u00fcrich \u2014 5%"),
        ("\u00f0\u0178\u00a7\u00ad compass", "\U0001f9ed compass"),
    ],
)
def test_mojibake_is_fixed(broken, fixed):
    assert fix_mojibake(broken) == fixed


def test_windows_1250_emoji_is_rebuilt_or_dropped_when_cut_short():
    whole = "\U0001f9ed".encode().decode("cp1250")  # four bytes, all mapped
    assert fix_mojibake(f"North{whole} star") == "North\U0001f9ed star"
    # A byte lost on the way (the scraped reference lost 0xAD): the debris goes.
    assert fix_mojibake("High North\u0111\u017a\u00a7") == "High North"


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text.",
        "Caf\u00e9 in Montr\u00e9al, na\u00efve r\u00e9sum\u00e9, \u00a330m, \u20ac5, 12\u00b0C",
        "\u201cQuotes\u201d stay curly \u2014 and dashes stay",
        "\u041c\u043e\u0441\u043a\u0432\u0430 and \u5317\u4eac and \u0627\u0644\u0642\u0627\u0647\u0631\u0629",
    ],
)
def test_good_text_is_left_alone(text):
    assert fix_mojibake(text) == text


# ---- Unicode and whitespace -----------------------------------------------------------


def test_normalise_nfc_newlines_spaces_and_blank_lines():
    decomposed = "Cafe\u0301"
    text = f"  {decomposed}  costs\u00a0\u00a0\u20ac5 \r\nsecond\u2009line\r\r\n\n\n\nnext para\u2028end  \n\n"
    out = normalise_text(text)
    assert out == "Caf\u00e9 costs \u20ac5\nsecond line\n\nnext para\nend"
    assert unicodedata.is_normalized("NFC", out)


def test_control_characters_and_terminal_escapes_are_removed_but_tabs_kept():
    text = "Red \x1b[31malert\x1b[0m and \x1b]8;;http://x.example\x07link\x1b]8;;\x07\tok\x00\x07\x7f\u200bfine\u202e"
    assert normalise_text(text) == "Red alert and link\tokfine"


def test_soft_hyphen_and_bom_no_longer_split_words():
    assert normalise_text("\ufeffNai\u00adrobi") == "Nairobi"


def test_title_is_one_line():
    assert clean_title("  Floods\n in   Y\u00c3\u00b6rk \t ") == "Floods in Y\u00f6rk"


# ---- repeated lines -------------------------------------------------------------------


def test_repeated_line_is_dropped_even_across_blank_lines():
    text = "Caption of a photo\n\nCaption of a photo\nCaption of a photo.\n\nBody starts here."
    assert drop_repeated_lines(text) == "Caption of a photo\n\nBody starts here."


def test_caption_repeated_with_photo_credit_counts_as_a_repeat():
    text = "Boats in the harbour\nBoats in the harbour (Picture: A. Smith/Agency).\nBody."
    assert drop_repeated_lines(text) == "Boats in the harbour\nBody."


def test_lines_repeated_later_but_not_adjacent_are_kept():
    text = "Yes.\n\nNo.\n\nYes."
    assert drop_repeated_lines(text) == text


def test_first_body_line_repeating_the_title_is_dropped():
    body = "# Budget passes\n\nBudget passes (Photo: Lee)\n\nThe budget passed."
    assert drop_title_repeat(body, "Budget passes") == "The budget passed."
    assert drop_title_repeat("Budget talks resume.", "Budget passes") == "Budget talks resume."


# ---- trailing boilerplate -------------------------------------------------------------

PROSE = "The council approved the plan by 31 votes to 9 after a long debate on Tuesday."


def test_scraped_fixture_boilerplate_starts_at_related_topics_and_text_is_kept():
    raw = (DATA / "good" / "scraped.txt").read_text("utf-8")
    title, _, body = raw.partition("\n")
    clean = clean_article(title, body)
    at = clean.boilerplate_at
    assert at is not None
    assert clean.body[at:].startswith("Related topics\n\nJoin Our Newsletter\n\nWatchUsOn")
    assert clean.body.endswith(
        "Inside the Thames Barrier\u2019s busiest year | Climate Desk podcast"
    )
    # The mid-article "Watch:" teaser is followed by prose, so it is not boilerplate.
    assert "Watch: How volunteers" in clean.body[:at]
    assert clean.body[:at].rstrip().endswith("Ouse Valley Flood Action Group.")
    # Caption repeats and the title repeat are gone; the section word and headline stay.
    assert clean.body.startswith("Weather\n\nNorthern councils to spend \u00a3120 million")
    assert clean.body.count("Sandbags stacked outside a pub") == 1
    assert "(Picture:" not in clean.body
    assert "\u0111\u017a" not in clean.body and "\u00a0" not in clean.body


@pytest.mark.parametrize(
    "tail",
    [
        "Related topics\n\nA teaser headline about ports\n\nAnother teaser on rail fares",
        "More on this story\n\nCouncil votes on bus lanes",
        "Sign up for our morning newsletter\n\nFollow us on Twitter and Facebook",
        "WATCH: The moment the bridge opened",
        "Read more: Why fares are rising",
        "Related: Why fares are rising\n\nBus lanes approved",
        "Newsletter sign-up",
        "Share this article",
        "Copyright 2024 Example Media Ltd. All rights reserved.",
        "\u00a9 Example Media 2024",
    ],
)
def test_trailing_markers_are_found(tail):
    body = f"{PROSE}\n\nA second paragraph of real reporting follows here, with quotes.\n\n{tail}"
    assert find_boilerplate(body) == body.index(tail)


def test_marker_followed_by_prose_is_not_boilerplate():
    body = f"{PROSE}\n\nWatch: Video of the vote.\n\nThe mayor said the work would start in May."
    assert find_boilerplate(body) is None


@pytest.mark.parametrize(
    "last",
    [
        "Copyright lawyers said the case could take years.",
        "Related parties met on Monday to discuss the deal.",
        "Share prices fell 3% in early trading on Tuesday.",
    ],
)
def test_prose_that_starts_like_a_marker_is_not_boilerplate(last):
    assert find_boilerplate(f"{PROSE}\n\n{last}") is None


def test_teasers_without_a_marker_are_not_boilerplate():
    body = f"{PROSE}\n\nA short line without a full stop\n\nAnother one"
    assert find_boilerplate(body) is None


def test_body_of_only_boilerplate_lines_is_not_marked():
    assert find_boilerplate("Related topics\n\nSome teaser\n\nAnother teaser") is None


def test_prose_between_two_markers_stops_the_block():
    body = f"{PROSE}\n\nWatch: the debate\n\nThe vote was close.\n\nRelated\n\nBus lanes"
    assert find_boilerplate(body) == body.index("Related\n")


def test_marker_and_teaser_shapes():
    assert is_marker("Join Our Newsletter") and is_marker("WatchUsOn") and is_marker("Related")
    assert not is_marker("Related parties met on Monday to discuss the budget deal.")
    assert not is_marker("Copyright " + "x" * 200)
    assert is_teaser("Four-legged friends: why armies still use mules")
    assert not is_teaser("He said the talks would continue next week.")


# ---- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("21/06/2024", "2024-06-21"),
        ("06/21/2024", "2024-06-21"),
        (1709632800, "2024-03-05"),
        (1709632800000, "2024-03-05"),
        ("", ""),
        (None, ""),
        # Kept as given: the day is unknown, or the day-month order is.
        ("March 2024", "March 2024"),
        ("03/05/2024", "03/05/2024"),
        ("last Tuesday", "last Tuesday"),
        ("2024-02-30", "2024-02-30"),
    ],
)
def test_parse_date(given, iso):
    assert parse_date(given) == iso
