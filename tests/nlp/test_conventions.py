"""The span conventions on the offline back-end: no determiner, title or possessive."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import mentions


def test_no_leading_determiner(offline_analyzer):
    got = mentions(offline_analyzer, "Officials in the United States said the plan failed.")
    assert ("United States", "GPE") in got
    assert not any(m.startswith("the ") for m, _ in got)


def test_title_is_left_out_and_makes_a_person(offline_analyzer):
    text = "President Daniel arap Moi opened the session."
    assert ("Daniel arap Moi", "PERSON") in mentions(offline_analyzer, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mr. Smith declined to comment.", "Smith"),
        ("Foreign Minister Dmytro Kuleba spoke.", "Dmytro Kuleba"),
        ("It was Gen. Abdel Fattah al-Burhan who spoke.", "Abdel Fattah al-Burhan"),
        ("Prime Minister Keir Starmer arrived.", "Keir Starmer"),
        ("Dr Tedros Adhanom Ghebreyesus warned of a new wave.", "Tedros Adhanom Ghebreyesus"),
    ],
)
def test_titles_and_honorifics(offline_analyzer, text, name):
    got = mentions(offline_analyzer, text)
    assert (name, "PERSON") in got
    assert not any(m.startswith(("Mr", "Gen", "Foreign", "Prime", "Dr")) for m, _ in got)


def test_no_possessive(offline_analyzer):
    got = mentions(offline_analyzer, "Ukraine's army and Kenya’s police were deployed.")
    assert ("Ukraine", "GPE") in got
    assert ("Kenya", "GPE") in got


def test_nationality_is_norp_not_place(offline_analyzer):
    got = mentions(offline_analyzer, "Russian forces shelled the town, Kenyans said.")
    assert ("Russian", "NORP") in got
    assert ("Kenyans", "NORP") in got


def test_nationality_before_a_title_is_split_off(offline_analyzer):
    got = mentions(offline_analyzer, "He met Kenyan President William Ruto on Monday.")
    assert ("Kenyan", "NORP") in got
    assert ("William Ruto", "PERSON") in got


def test_document_consistency_surname(offline_analyzer):
    text = "President Daniel arap Moi spoke. Later, Moi left for Mombasa."
    got = mentions(offline_analyzer, text)
    assert got.count(("Moi", "PERSON")) == 1
    assert ("Daniel arap Moi", "PERSON") in got


def test_acronym_gets_expansion_type(offline_analyzer):
    text = "The Kenya Wildlife Service (KWS) said KWS rangers found the lion."
    got = mentions(offline_analyzer, text)
    assert ("Kenya Wildlife Service", "ORGANIZATION") in got
    assert ("KWS", "ORGANIZATION") in got


def test_organisation_keeps_internal_structure(offline_analyzer):
    text = "Economists at the University of Nairobi and the Bank of England disagreed."
    got = mentions(offline_analyzer, text)
    assert ("University of Nairobi", "ORGANIZATION") in got
    assert ("Bank of England", "ORGANIZATION") in got


def test_dateline(offline_analyzer):
    got = mentions(offline_analyzer, "NAIROBI, Kenya (AP) — Heavy rain fell on Tuesday.")
    assert got[:3] == [("NAIROBI", "GPE"), ("Kenya", "GPE"), ("AP", "ORGANIZATION")]


def test_based_suffix(offline_analyzer):
    got = mentions(offline_analyzer, "The Nairobi-based lobby group objected.")
    assert ("Nairobi", "GPE") in got


def test_sentence_initial_common_word_is_not_a_name(offline_analyzer):
    got = mentions(offline_analyzer, "Police said the driver fled. Officials disagreed.", "entity")
    assert got == []


def test_places_from_cues_and_heads(offline_analyzer):
    text = "Fighting spread along the Nile River near Omdurman and closed Bole Airport."
    got = mentions(offline_analyzer, text)
    assert ("Nile River", "LOCATION") in got
    assert ("Omdurman", "GPE") in got
    assert ("Bole Airport", "FACILITY") in got


def test_parts_of_speech_filter_sentence_starts(offline_analyzer):
    """Words the lexicon lacks are still told apart by their part of speech in lowercase."""
    text = "Unsurprisingly, Kenya won. Undeterred, Museveni campaigned."
    got = mentions(offline_analyzer, text, "entity")
    assert [m for m, _ in got] == ["Kenya", "Museveni"]
    # The tagger is NLTK's TaggerI over TextBlob's Brill lexicon and rules.
    from nltk.tag.api import TaggerI

    assert isinstance(offline_analyzer.tagger, TaggerI)
    assert not offline_analyzer.tagger.tag(["unsurprisingly", ",", "Kenya"])[0][1].startswith("NN")


def test_weekday_after_on_is_a_date(offline_analyzer):
    got = mentions(offline_analyzer, "The talks in Nairobi ended on Friday.")
    assert ("Friday", "DATE") in got and ("Nairobi", "GPE") in got


def test_one_of_the_soldiers_is_cardinal(offline_analyzer):
    got = mentions(offline_analyzer, "One of the soldiers and one of the medics died in Goma.")
    assert ("one", "CARDINAL") in got
    assert ("Goma", "GPE") in got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("Theresa May met leaders in May.", [("Theresa May", "PERSON"), ("May", "DATE")], []),
        ("The G7 and the G20 met in Rome.", [("G7", "ORGANIZATION"), ("G20", "ORGANIZATION")], ["7", "20"]),
        ("M23 rebels seized Goma.", [("M23", "ORGANIZATION"), ("Goma", "GPE")], ["23"]),
    ],
)
def test_entities_and_numbers_never_overlap(offline_analyzer, text, expected, absent):
    spans = offline_analyzer.analyze(text)
    got = [(text[s.start : s.end], s.label) for s in spans]
    for pair in expected:
        assert pair in got, got
    assert not any(m in absent for m, _ in got)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
