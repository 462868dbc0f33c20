"""What the surrounding words make of a bare number: a label, an address, an age, a range end.

A plain "27" is a count, unless it names something ("Boeing 737", "Article 5"), is a street
number, or is someone's age ("Hartley, 27,", "aged 65"), which the conventions count as a
DURATION like "27-year-old"; "between seven and 15 years" gives "seven" the label of "15 years".
These checks only run for numbers that nothing after them has labelled.
"""

from __future__ import annotations

from tagger.nlp import number_words as W

_PEOPLE = {"people", "those", "adults", "anyone", "everyone", "women", "men", "patients",
           "residents", "persons", "citizens", "workers", "voters", "seniors", "children",
           "individuals", "aged"}  # fmt: skip
_DEATH = {"died", "dies", "dead", "death", "retired", "retires", "retire", "retiring"}
_RANGE_WORDS = {"to", "and", "or", "-", "–"}
_AGE_ADVERBS = {"just", "only", "barely", "nearly", "almost", "about", "still", "now"}
_AGE_LINKS = {"between", "from", "and", "to", "-", "–", "or"}


def is_label_number(sc, i: int, plain: bool) -> bool:
    """A number that names or points at something: "Article 5", "Boeing 737", "No. 10", "[1]"."""
    if not sc.near(i):
        return False
    p = sc.tok(i - 1)
    if p == "." and sc.adj(i - 1):
        p = sc.tok(i - 2)
    if p in ("#", "№") or p.lower() in W.ID_CUES:
        return True
    if p == "[" and sc.tok(i + 1) == "]":
        return True
    if plain and p.isalpha() and not p.islower():
        # "Boeing 737", "iPhone 15", "Radio 4"; sentence starters such as "About" are listed,
        # and "stabbed Kyle Brown 12 times" or "told Reuters 40 people died" still count
        if sc.low(i + 1) in W.COUNT_NOUNS and sc.near(i + 1):
            return False
        low = p.lower()
        return not (low in W.CAP_FUNCTION_WORDS or low in W.MONTHS or low in W.WEEKDAYS)
    return False


def street_number(sc, i: int) -> bool:
    """ "12 Downing Street": a number, capitalised words, then a street word."""
    k, words = i + 1, 0
    while words < 4 and sc.near(k) and sc.cap(k):
        if words and sc.tok(k) in W.STREET_WORDS:
            return True
        k += 1
        words += 1
    return False


def is_age(sc, i: int, value: float) -> bool:
    """ "Hartley, 27, said", "aged 65", "people over 65", "died at 91", "He was 91."."""
    if not (1 <= value <= 120 and value == int(value)) or not sc.near(i):
        return False
    prev, before = sc.low(i - 1), sc.low(i - 2)
    nxt = sc.tok(i + 1)
    if prev == "," and (nxt in (",", ")") or (nxt == "." and sc.cap(i - 2))):
        # "Hartley, 27,", "the former minister, 63,", "said Theo Ngwabidje, 56."
        word = sc.tok(i - 2).replace("-", "")
        return word.isalpha() and not word.isupper() and before not in W.CAP_FUNCTION_WORDS
    if prev in ("aged", "age", "ages") or (prev == "of" and before == "age"):
        return True
    if prev in _AGE_LINKS:
        # "aged between 18 and 25", "ages 5 to 11": walk back over the range to "aged"
        k = i - 1
        while k > i - 6 and (sc.low(k) in _AGE_LINKS or sc.tok(k)[:1].isdigit()):
            k -= 1
        return sc.low(k) in ("aged", "ages")
    if prev in ("over", "under") and before in _PEOPLE:
        return True
    if prev == "at" and before in _DEATH:
        return True
    if prev in _AGE_ADVERBS:  # "He was just 16."
        prev, before = before, sc.low(i - 3)
    if prev in ("was", "is") and before in ("he", "she"):
        return nxt in (".", ",", ";", "") or sc.low(i + 1) in ("when", "and")
    return False


def range_label(sc, j: int) -> str | None:
    """The label of the number after "to"/"and"/"-" at token j ("seven and 15 years"), when
    that number has a unit. One step of look-ahead only, so "1 to 2 to 3 ..." stays linear."""
    w = sc.low(j)
    if w not in _RANGE_WORDS or not sc.near(j) or not sc.near(j + 1) or sc.looking:
        return None
    sc.looking = True
    try:
        r = sc.rule(j + 1)
    finally:
        sc.looking = False
    if not r or r[0] not in ("DURATION", "PERCENT", "QUANTITY", "MONEY"):
        return None
    if r[1] != sc.starts[j + 1]:
        return None
    return r[0]
