"""Rules for numbers written as words: "three", "a dozen", "hundreds", "two-thirds", "first".

Spelled-out numbers are where a count and an ordinary word meet ("one" is also a pronoun,
"Second World War" is a name, "one-off" an idiom), so these rules weigh the neighbouring
tokens; the digit rules in tagger.nlp.number_rules hardly need to.
Each rule returns what the rules there return.
"""

from __future__ import annotations

from tagger.nlp import dates as D
from tagger.nlp import number_context as C
from tagger.nlp import number_rules as R
from tagger.nlp import number_units as U
from tagger.nlp import number_words as W

_PLURAL_FRACTIONS = {"halves", "thirds", "quarters", "fifths", "sixths", "tenths", "hundredths",
                     "thousandths"}  # fmt: skip
_FRACTION_TAILS = _PLURAL_FRACTIONS | {"third", "quarter", "half", "fifth", "tenth"}
_ONE_DAY_OK = {"for", "within", "in", "just", "only", "than", "of", "after", "by"}
_SCALES = set(W.SCALES) | set(W.SCALE_ABBREVS)
# "for a week", "in a decade", "more than a year": a span of time; "5,000 a year" is a rate.
_A_UNIT_BEFORE = {"for", "in", "over", "within", "after", "than", "about", "nearly", "almost",
                  "around", "under", "just", "only", "barely", "roughly", "least", "lasting",
                  "took", "spent", "past"}  # fmt: skip
_SINGLE_UNITS = {"kilometre", "kilometer", "mile", "metre", "meter", "tonne", "ton", "litre",
                 "liter", "gallon", "kilogram", "kilo", "foot", "yard", "hectare", "acre"}  # fmt: skip
_HALF_BEFORE = {"than", "by", "about", "nearly", "almost", "around", "some", "roughly", "over",
                "under", "only", "just", "barely", "in", "to", "and", "or", "least", "of"}  # fmt: skip
_AFTER_FRACTION = {"of", "in", "to", "from", "on", "by", "since", "over", "and", "or", "than",
                   "this", "last", "compared", "after", "before", "during", "between",
                   "while", "as", "but", "with", "at", "within"}  # fmt: skip
_ORDINAL_IDIOMS = {"hand", "rate", "guess", "guessing", "person", "born", "aid", "string",
                   "rater", "hander", "party"}  # fmt: skip


def word_rule(sc, i: int):
    """Dispatch a trigger word to its rule."""
    t = sc.toks[i]
    w = t.lower()
    if w in W.MONTHS:
        return D.month_rule(sc, i)
    if w in W.WEEKDAYS or w in W.WEEKDAYS_PLURAL:
        return D.weekday_rule(sc, i)
    if w in W.DAY_WORDS or w in W.TIME_WORDS or w in W.RELATIVE_HEADS:
        return D.relative_rule(sc, i)
    if t in W.CURRENCY_SYMBOLS or t in W.CURRENCY_PREFIX_CODES:
        return R.money_prefix(sc, i)
    if w in W.ORDINALS:
        return R.ordinal_rule(sc, i, W.ORDINALS[w], False)
    if w in ("a", "an"):
        return _a_rule(sc, i)
    if w in W.PLURAL_SCALES or w == "tens":
        return _plural_rule(sc, i)
    if w == "half":
        return _half_rule(sc, i)
    if w == "several":
        if sc.low(i + 1) in W.SCALES and sc.near(i + 1):
            return U.suffix(sc, i, i + 2, True, False) or R._span("CARDINAL", sc, i, i + 2)
        return None
    if w in W.HOLIDAY_HEADS:
        return D.holiday_rule(sc, i)
    if w in W.SEASONS:
        return D.season_rule(sc, i)
    return number_word_rule(sc, i)


def _half_rule(sc, i: int):
    """ "half of", "half a million", "half an hour", "half a percentage point"."""
    nxt = sc.low(i + 1) if sc.near(i + 1) else ""
    if sc.low(i - 1) in W.ORDINALS:
        return None  # "the first half"
    if nxt not in ("a", "an") and _fraction_use(sc, i + 1) and sc.low(i - 1) in _HALF_BEFORE:
        return R._span("CARDINAL", sc, i, i + 1)  # "more than half of", "cut by half"
    if nxt == "of":
        return R._span("CARDINAL", sc, i, i + 1)
    if nxt in ("a", "an") and sc.near(i + 2):
        if sc.low(i + 2) in W.SCALES:
            return number_word_rule(sc, i)
        return U.suffix(sc, i, i + 2, False, False)
    return None


def _in_name(sc, i: int) -> bool:
    """A capitalised number word inside a name: "Formula One", "Big Four", "One Direction"."""
    if not sc.toks[i][0].isupper() or sc.sent_start(i):
        return False
    if sc.cap(i + 1) and sc.near(i + 1):
        return True
    return sc.cap(i - 1) and sc.near(i) and sc.low(i - 1) not in W.CAP_FUNCTION_WORDS


def one_is_number(sc, i: int) -> bool:
    """ "one of the soldiers", "one person" count; "the one who", "no one", "one another" do not."""
    nxt = sc.low(i + 1) if sc.near(i + 1) else ""
    prev = sc.low(i - 1) if sc.near(i) else ""
    if nxt == "of":
        return True
    if prev in W.ONE_PRONOUN_BEFORE or nxt in W.ONE_PRONOUN_AFTER:
        return False
    return nxt not in ("'", "’")


def number_word_rule(sc, i: int):
    if _in_name(sc, i):
        return None
    if sc.low(i) == "one" and sc.low(i + 1) == "day" and sc.low(i - 1) not in _ONE_DAY_OK:
        return None  # "one day" as "some day"
    core = R.word_core(sc, i)
    if core is None:
        return None
    j, value = core
    j = R.half_tail(sc, j)
    r = U.suffix(sc, i, j, value >= 100, False)
    if r:
        return r
    if j == i + 1 and sc.low(i) == "one" and not one_is_number(sc, i):
        return None
    if j == i + 1 and C.is_age(sc, i, value):
        return R._span("DURATION", sc, i, j)
    if sc.near(j) and sc.low(j) in _FRACTION_TAILS and (
        sc.low(j + 1) == "of" or (sc.low(j) in _PLURAL_FRACTIONS and _fraction_use(sc, j + 1)
                                  and sc.low(j) != "quarters")):
        j += 1  # "two thirds", "one third of"
    label = R.bare_range_label(sc, i, j) if j == i + 1 else None
    return R._span(label or "CARDINAL", sc, i, j)


def _a_rule(sc, i: int):
    """ "a dozen", "a million dollars", "a year ago"."""
    if not sc.near(i + 1):
        return None
    nxt = sc.low(i + 1)
    if nxt in W.SCALES:
        core = R.word_core(sc, i)
        if core is None:
            return None
        j = core[0]
        return U.suffix(sc, i, j, True, False) or R._span("CARDINAL", sc, i, j)
    if nxt in _SINGLE_UNITS and not _is_rate(sc, i):
        return R._span("QUANTITY", sc, i, i + 2)  # "down a kilometre", not "$85 a barrel"
    if nxt in ("few", "couple") and sc.low(i + 2) in W.SCALES and sc.near(i + 2):
        return R._span("CARDINAL", sc, i, i + 3)  # "a few hundred"
    if nxt in _FRACTION_TAILS and _fraction_use(sc, i + 2):
        if sc.low(i + 2) == "of" and sc.low(i + 3) in ("a", "an") and sc.low(i + 4) in W.SCALES:
            return R._span("CARDINAL", sc, i, i + 5)  # "a quarter of a million"
        return R._span("CARDINAL", sc, i, i + 2)  # "a third of", "by a third in"
    if nxt in W.DURATION_UNITS and nxt != "second":
        if sc.low(i + 2) in ("ago", "earlier", "later") and sc.near(i + 2):
            label = "TIME" if W.DURATION_UNITS[nxt] in ("s", "m", "h") else "DATE"
            return R._span(label, sc, i, i + 3)
        if sc.low(i - 1) in _A_UNIT_BEFORE and sc.near(i):
            return R._span("DURATION", sc, i, i + 2)  # "for a month", not "a year" as a rate
    return None


def _is_rate(sc, i: int) -> bool:
    """ "a" after an amount is "per": "$85 a barrel", "5,000 a year", "3 million a day"."""
    p = sc.tok(i - 1)
    return not p or p[0] in "0123456789" or p.lower() in W.SCALES or p.lower() in _SCALES or (
        p.lower() in W.CURRENCY_WORDS or p.lower() in W.UNITS)


def _fraction_use(sc, k: int) -> bool:
    """After "a third" or "half": "of", a preposition or punctuation make it a fraction;
    a noun makes "third" an ordinal ("a third time")."""
    if k >= sc.n or not sc.near(k):
        return True
    t = sc.toks[k]
    return not t[0].isalnum() or t.lower() in _AFTER_FRACTION


def _plural_rule(sc, i: int):
    """ "hundreds", "tens of thousands", "billions of dollars"."""
    j = i + 1
    while sc.low(j) == "of" and sc.low(j + 1) in W.PLURAL_SCALES and sc.near(j + 1):
        j += 2
    if sc.low(i) == "tens" and j == i + 1:
        return None
    if sc.low(j) == "of" and sc.near(j + 1):
        w = sc.low(j + 1)
        if w in W.CURRENCY_WORDS and w not in W.AMBIGUOUS_CURRENCY:
            return R._span("MONEY", sc, i, j + 2)
        if w in W.DURATION_UNITS:
            return R._span("DURATION", sc, i, j + 2)  # "thousands of years"
    return R._span("CARDINAL", sc, i, j)


def compound_word_rule(sc, i: int):
    """Hyphenated words: "twenty-five", "two-thirds", "three-day", "mid-2024", "fifth-largest",
    "October-December"; names such as "COVID-19", "F-16" or "Su-25" give nothing."""
    parts = sc.toks[i].translate(W.HYPHENS).split("-")
    low = [p.lower() for p in parts]
    head = low[0]
    if head == "mid" or head in W.MONTHS:
        return D.mid_compound(sc, i, parts)
    if head == "magnitude" and len(parts) == 2 and parts[1][:1].isdigit():
        return ("CARDINAL", sc.starts[i] + len(parts[0]) + 1, sc.ends[i], i + 1)
    if head == "half" and len(parts) == 2 and low[1] in W.DURATION_UNITS:
        return R._span("DURATION", sc, i, i + 1)  # "half-day"
    k = 0
    if head in W.TENS and len(low) > 1 and low[1] in W.ORDINALS and W.ORDINALS[low[1]] < 10:
        k, ordinal = 2, W.TENS[head] + W.ORDINALS[low[1]]
    elif head in W.ORDINALS:
        k, ordinal = 1, W.ORDINALS[head]
    if k:
        tail = low[k:]
        if not tail:
            return R.ordinal_rule(sc, i, ordinal, False)
        if tail[0] in ("century", "centuries"):
            return R._span("DATE", sc, i, i + 1)
        if tail[0] in _ORDINAL_IDIOMS:
            return None
        return ("ORDINAL", sc.starts[i], sc.starts[i] + len("-".join(parts[:k])), i + 1)
    if head in W.TENS and len(low) > 1 and 0 < W.ONES.get(low[1], 0) < 10:
        k, value = 2, W.TENS[head] + W.ONES[low[1]]
    elif head in W.ONES or head in W.TENS:
        k, value = 1, W.ONES.get(head) or W.TENS.get(head, 0)
    else:
        return None
    tail = low[k:]
    if not tail:
        return number_word_rule(sc, i)
    t0 = tail[0]
    if t0 in _FRACTION_TAILS:
        k = i + 1  # "five-thousandths of a second" is a duration
        if sc.low(k) == "of" and sc.low(k + 1) in ("a", "an") and sc.near(k) and sc.near(k + 2):
            if sc.low(k + 2) in W.DURATION_UNITS:
                return R._span("DURATION", sc, i, k + 3)
        return R._span("CARDINAL", sc, i, i + 1)
    if t0 in W.DURATION_UNITS:
        return R._span("DURATION", sc, i, i + 1)
    if t0 in W.UNITS or t0 in W.UNIT_PREFIXES:
        return R._span("QUANTITY", sc, i, i + 1)
    if t0 == "percent":
        return R._span("PERCENT", sc, i, i + 1)
    if t0 in W.CURRENCY_WORDS:
        return R._span("MONEY", sc, i, i + 1)
    if t0 in _SCALES:
        return U.suffix(sc, i, i + 1, True, False) or R._span("CARDINAL", sc, i, i + 1)
    if t0 in W.IDIOM_TAILS or value < 2 or _in_name(sc, i):
        return None
    return ("CARDINAL", sc.starts[i], sc.starts[i] + len("-".join(parts[:k])), i + 1)
