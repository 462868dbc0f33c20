"""Offsets always slice to the mention and never overlap, whatever the text."""

from __future__ import annotations

import random

import pytest

from tagger.nlp.spans import check

SAMPLES = [
    "",
    "   \n\n  ",
    "Zelenskyy met Šefčovič in Łódź on Monday.",
    "[bold red]Kenya[/] and [link=http://x]Uganda[/link] signed [b]the deal[/b].",
    "Control\x00chars\x1b[31m Nairobi\x07 and \x9bUganda\r\n.",
    "MosquÃ©e de Paris: CafÃ© owner Ã‰mile said â€œhelloâ€\x9d to Kenyaâ€™s envoy.",
    "ALL CAPS HEADLINE ABOUT KENYA AND THE IMF",
    "\u200bZero\u200dwidth Ruto\ufeff said.",
    "e\u0301te\u0301 in Bogota\u0301 with Jose\u0301 Marti\u0301.",
    "((((Kenya)))) -- 'Uganda' \"Tanzania\" ...",
    "Mr. Mrs. Dr. Gen. President of of the the",
    "'s 's ’s",
    "مرحبا Kenya 你好 Beijing",
]


def test_samples(offline_analyzer):
    for text in SAMPLES:
        spans = offline_analyzer.analyze(text)
        check(text, spans)
        for s in spans:
            mention = text[s.start : s.end]
            assert mention == mention.strip() and mention
            assert s.kind in ("entity", "number")


def test_non_ascii_names(offline_analyzer):
    text = "Zelenskyy met Šefčovič in Łódź on Monday."
    got = [text[s.start : s.end] for s in offline_analyzer.analyze(text)]
    assert "Zelenskyy" in got and "Šefčovič" in got and "Łódź" in got


def test_markup_brackets_are_not_names(offline_analyzer):
    text = "[bold red]x[/] and [link=http://x]Uganda[/link]"
    got = {text[s.start : s.end] for s in offline_analyzer.analyze(text)}
    assert "Uganda" in got
    assert not any("[" in m or "]" in m for m in got)


def _random_text(rng: random.Random, n: int) -> str:
    words = (
        "the of and in Kenya President Daniel arap Moi said Mr. U.S. $ 5,000 12% 's "
        "Bank of England on Friday one of the soldiers NAIROBI , ( AP ) — al-Shabaab "
        "Nairobi-based Ministry Defence \" ' . \n Zelenskyy Łódź [b] [/] 2023 May June "
        "Theresa May G7 COVID-19 F-16 three two-thirds a dozen"
    ).split(" ")
    return " ".join(rng.choice(words) for _ in range(n)).replace(" \n ", "\n")


@pytest.mark.parametrize("seed", range(40))
def test_random_texts_keep_the_interface_promise(offline_analyzer, seed):
    rng = random.Random(seed)
    text = _random_text(rng, rng.randint(1, 200))
    spans = offline_analyzer.analyze(text)
    check(text, spans)
    for s in spans:
        assert text[s.start : s.end].strip() == text[s.start : s.end]


def test_one_megabyte(offline_analyzer):
    para = (
        "NAIROBI, Kenya (AP) — President William Ruto said on Friday that the Central Bank "
        "of Kenya would cut rates by 0.5 percentage points, and Mr. Odinga objected.\n"
    )
    text = para * (1_000_000 // len(para) + 1)
    spans = offline_analyzer.analyze(text)
    check(text, spans)
    assert len(spans) > 5000


_ALPHABET = "".join(
    chr(i) for i in [*range(32, 127), *range(160, 400), 0x2014, 0x201C, 0x201D, 0x2019, 0xFEFF, 0x200B, 10, 13, 9, 0]
)


@pytest.mark.parametrize("seed", range(60))
def test_random_characters(offline_analyzer, seed):
    rng = random.Random(1000 + seed)
    text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 600)))
    spans = offline_analyzer.analyze(text)
    check(text, spans)
    assert all(s.label in LABELS for s in spans)


LABELS = {
    "PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "NORP",
    "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME", "DURATION",
}  # fmt: skip


_NAME_WORDS = (
    "the of and in for on Kenya Bank Mission University President Daniel arap Moi said Mr. "
    "U.S. Ministry Defence Union African Somalia Reliance Industries Economic Commission "
    "Sheikh Hassan bin al-Shabaab 's , . ( ) — \n"
).split(" ")


@pytest.mark.parametrize("seed", range(200))
def test_random_name_soup(offline_analyzer, seed):
    """Connector-heavy word salad reaches every splitting rule; none may crash or overlap."""
    rng = random.Random(5000 + seed)
    text = " ".join(rng.choice(_NAME_WORDS) for _ in range(rng.randint(1, 60)))
    check(text, offline_analyzer.analyze(text))


def test_wall_of_capitals_and_one_long_line(offline_analyzer):
    """No step may be quadratic in a run's length: 20,000 capitalised words in a row."""
    wall = "Kenya " * 20_000
    check(wall, offline_analyzer.analyze(wall))
    line = "President William Ruto met Kenyans in Nairobi and the Bank of Kenya said " * 2_000
    spans = offline_analyzer.analyze(line)
    check(line, spans)
    assert len(spans) >= 8_000
