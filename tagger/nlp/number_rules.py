"""Rules for numeric mentions: counts, money, percentages, quantities, ordinals, durations.

Each rule starts at one token of a `Scanner` (tagger.nlp.numbers) and returns
(label, start, end, next_token), (None, 0, 0, next_token) to skip tokens that must give no
span (a phone number), or None when nothing starts there. They are apart from the scanner so
each file stays one idea: the scanner walks tokens, the rules decide what a number is.
"""

from __future__ import annotations

import re

from tagger.nlp import dates as D
from tagger.nlp import number_context as C
from tagger.nlp import number_words as W
from tagger.nlp.number_units import per_tail, signed_start, suffix

_DIGITS = frozenset("0123456789")
_SCALE_WORDS = {**W.SCALES, **W.SCALE_ABBREVS, "crore": 10**7, "crores": 10**7, "lakh": 10**5,
                "lakhs": 10**5}  # fmt: skip
_WORD_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
_GLUED_MONEY = re.compile(
    "(" + "|".join(W.GLUED_CURRENCY + W.GLUED_CURRENCY_NEEDS_SCALE) + ")"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(m|bn|k|mn|tn|M|K|BN|Bn)?"
)
# "100m sprint": an attached "m" that means metres, not million.
_METRE_CONTEXT = {"sprint", "race", "hurdles", "freestyle", "butterfly", "backstroke", "relay",
                  "breaststroke", "medley", "final", "dash", "deep", "high", "long", "tall",
                  "wide", "away", "above", "below", "underground", "from", "record", "title",
                  "champion", "gold", "silver", "bronze", "heat", "heats", "semi-final",
                  "semifinal", "event", "medal", "crown", "sprinter", "specialist"}  # fmt: skip
_METRE_BEFORE = {"the", "olympic", "s", "world", "men", "women", "metric"}
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
# After "3rd", these make a name ("3rd Infantry Division", "14th Amendment"); "24th Grand Slam"
# or "60th Berlin Film Festival" still count.
_UNIT_NAMES = {"infantry", "armoured", "armored", "airborne", "division", "brigade", "battalion",
               "regiment", "army", "corps", "fleet", "cavalry", "marine", "marines",
               "mechanized", "mechanised", "amendment", "avenue", "street", "precinct",
               "district", "congress", "circuit", "panzer", "guards", "assault", "tank",
               "motor", "rifle", "separate", "mountain", "parachute", "commando", "artillery",
               "air", "special", "century", "squadron", "wing", "battalions"}  # fmt: skip
_YEAR_APPROX = {"about", "nearly", "some", "almost", "over", "than", "roughly", "approximately",
                "estimated", "least", "just", "only", "exactly", "another", "additional",
                "extra", "total", "all"}  # fmt: skip


def _span(label, sc, i: int, j: int):
    """Tokens i..j-1 as one span, resuming at j."""
    return (label, sc.starts[i], sc.ends[j - 1], j)


def skip_run(sc, i: int):
    """Skip a phone-number-like run of digit groups starting at i."""
    k = i + 1
    while k < sc.n and sc.near(k) and (sc.toks[k][0] in _DIGITS or sc.toks[k] in ("-", ")")):
        k += 1
    return (None, 0, 0, k)


def scale_tail(sc, j: int) -> int:
    while sc.near(j) and sc.low(j) in _SCALE_WORDS:
        j += 1
    return j


def half_tail(sc, j: int) -> int:
    """ "two and a half years": extend past "and a half"."""
    if sc.low(j) == "and" and sc.low(j + 1) in ("a", "one") and sc.low(j + 2) == "half":
        if sc.near(j) and sc.near(j + 1) and sc.near(j + 2):
            return j + 3
    return j


def ordinal_rule(sc, i: int, n: int, digits: bool):
    """ "first", "3rd"; a day with a month is a DATE, "21st century" is a DATE."""
    t = sc.tok(i)
    if sc.cap(i + 1) and sc.near(i + 1) and not D.is_month(sc, i + 1):
        if t[0].isupper() or (digits and sc.low(i + 1) in _UNIT_NAMES):
            return None  # "Second World War", "First Lady", "3rd Infantry Division"
    w = sc.low(i + 1) if sc.near(i + 1) else ""
    if w in ("century", "centuries"):
        return _span("DATE", sc, i, i + 2)
    if n <= 31:
        r = D.after_day(sc, i, i + 1)
        if r:
            return r
    if w in ("half", "quarter") and sc.low(i + 2) == "of" and D.year_at(sc, i + 3):
        return _span("DATE", sc, i, i + 4)  # "the first half of 2024"
    if w == "quarter":
        return _span("DATE", sc, i, i + 2)
    return _span("ORDINAL", sc, i, i + 1)


def _tiebreak(sc, i: int) -> bool:
    return sc.tok(i + 1) == "(" and sc.adj(i + 1) and sc.tok(i + 2).isdigit() and sc.tok(i + 3) == ")"


def digit_rule(sc, i: int):
    t = sc.toks[i]
    sh = sc.shape(i)
    if sh is None:
        return None  # "5G", "737MAX": digits in a name or an id
    kind = sh[0]
    if sc.tok(i - 1) in ("+", "#", "№") and sc.adj(i) and kind == "int":
        return skip_run(sc, i)  # "+254 722 ...", "#1"; a signed change ("+1.2%") is a number
    if kind in ("time", "ampm"):
        return D.clock_rule(sc, i, sh)
    if kind in ("date", "yrange"):
        return _span("DATE", sc, i, i + 1)
    if kind == "decade":
        s = sc.starts[i]
        if sc.tok(i - 1) in ("'", "’") and sc.adj(i) and not sc.adj(i - 1):
            s = sc.starts[i - 1]
        p = sc.low(i - 2) if sc.low(i - 1) in ("early", "mid", "late") else sc.low(i - 1)
        if len(t) == 3 and p in _POSSESSIVES:
            return _span("DURATION", sc, i, i + 1)  # "in her 20s" is an age
        return ("DATE", s, sc.ends[i], i + 1)
    if kind == "ord":
        return ordinal_rule(sc, i, sh[1], True)
    if kind == "ordcompound":
        tail = sh[2]
        if tail[0] in ("century", "centuries"):
            return _span("DATE", sc, i, i + 1)
        return ("ORDINAL", sc.starts[i], sc.starts[i] + sh[1], i + 1)
    if kind == "pc":
        return _span("PERCENT", sc, i, i + 1)
    if kind == "unit":
        k = per_tail(sc, i + 1)
        return ("QUANTITY", signed_start(sc, i), sc.ends[k - 1], k)
    if kind == "compound":
        return _digit_compound(sc, i, sh)
    if kind == "score" or (kind == "range" and _tiebreak(sc, i)):
        if _tiebreak(sc, i):
            return (None, 0, 0, i + 4)  # a tiebreak score: "7-6(5)", "6-7(3)"
        return (None, 0, 0, i + 1)
    if kind == "scaled":
        if not sh[2].islower():
            return None  # "4K", "5M": a product, not a number
        r = suffix(sc, i, i + 1, True, False)
        if r:
            return r
        metres = sc.low(i + 1) in _METRE_CONTEXT or sc.low(i - 1) in _METRE_BEFORE
        return _span("QUANTITY" if sh[2] == "m" and metres else "CARDINAL", sc, i, i + 1)
    value = sh[1]
    plain = kind == "int"
    if kind != "num" and D.day_at(sc, i):
        r = D.after_day(sc, i, i + 1)
        if r:
            return r
    if kind != "range":
        r = D.time_of_number(sc, i, value, t)
        if r:
            return r
    if plain and len(t) >= 2 and t[0] == "0":
        return skip_run(sc, i)
    yearlike = plain and len(t) == 4 and 1000 <= value <= 2099
    if yearlike and value % 10 == 0 and sc.tok(i + 1) in ("'", "’") and sc.tok(i + 2) == "s":
        if sc.adj(i + 1) and sc.adj(i + 2):
            return _span("DATE", sc, i, i + 3)  # 1990's
    j = half_tail(sc, scale_tail(sc, i + 1))
    scaled = j > i + 1
    r = suffix(sc, i, j, scaled or value >= 100, yearlike and not scaled)
    if r:
        return r
    if kind == "range":
        return _span("CARDINAL", sc, i, j) if scaled else (None, 0, 0, i + 1)
    if scaled:
        return _span("CARDINAL", sc, i, j)
    if C.is_label_number(sc, i, plain) or (plain and C.street_number(sc, i)):
        return (None, 0, 0, i + 1)
    nxt = sc.tok(i + 1)
    if plain and len(t) >= 3 and sc.near(i + 1) and nxt.isdigit() and len(nxt) >= 3:
        return skip_run(sc, i)
    if plain and C.is_age(sc, i, value):
        return _span("DURATION", sc, i, i + 1)
    label = None if yearlike else bare_range_label(sc, i, i + 1)
    if label:
        return _span(label, sc, i, i + 1)
    if yearlike:
        prev = sc.low(i - 1) if sc.near(i) else ""
        since = sc.low(i - 2) in W.DATE_PREPS or sc.low(i - 3) in W.DATE_PREPS  # since at least
        if (prev in _YEAR_APPROX and not since) or sc.low(i + 1) in W.COUNT_NOUNS:
            return _span("CARDINAL", sc, i, i + 1)
        if value >= 1900 or prev in W.DATE_PREPS:
            return _span("DATE", sc, i, i + 1)
    return _span("CARDINAL", sc, i, i + 1)


def bare_range_label(sc, i: int, j: int) -> str | None:
    """ "between seven and 15 years", "five to 10 percent": the first number's label."""
    return C.range_label(sc, j)


def _digit_compound(sc, i: int, sh):
    """ "42-year-old", "1,200-megawatt", "6.2-magnitude", "5,000-strong"."""
    head, tail = sh[1], sh[2]
    t0 = tail[0]
    if t0 in W.DURATION_UNITS:
        return _span("DURATION", sc, i, i + 1)
    if t0 in ("basis", "percentage") and tail[1:2] in (("point",), ("points",)):
        return _span("PERCENT", sc, i, i + 1)  # "a 25-basis-point cut"
    if t0 in W.UNITS or t0 in W.UNIT_PREFIXES or t0 in ("km", "kg", "mile", "metre", "meter"):
        return ("QUANTITY", signed_start(sc, i), sc.ends[i], i + 1)
    if t0 in ("percent", "pct") or tail[:2] == ("per", "cent"):
        return _span("PERCENT", sc, i, i + 1)
    if t0 in W.CURRENCY_WORDS:
        return _span("MONEY", sc, i, i + 1)
    if t0 in _SCALE_WORDS:
        r = suffix(sc, i, i + 1, True, False)
        return r or _span("CARDINAL", sc, i, i + 1)
    if len(t0) == 1 or t0 in W.IDIOM_TAILS:
        return None
    return ("CARDINAL", sc.starts[i], sc.starts[i] + head, i + 1)


def word_core(sc, i: int):
    """(end, value) of spelled-out numbers from token i: "three", "twenty-five", "a dozen",
    "one hundred and twenty", "half a million"; None if there is none."""
    j, cur, total, last = i, 0.0, 0.0, ""
    while j < sc.n and (j == i or sc.near(j)):
        w = sc.low(j)
        if j == i and w in ("a", "an") and sc.low(j + 1) in _WORD_SCALES:
            cur, last = 1.0, "a"
        elif j == i and w == "half" and sc.low(j + 1) in ("a", "an"):
            if sc.low(j + 2) not in _WORD_SCALES:
                return None
            cur, last = 0.5, "a"
            j += 1
        elif w in W.ONES:
            if last in ("ones", "tensones", "a") or (last == "tens" and not 0 < W.ONES[w] < 10):
                break
            cur, last = cur + W.ONES[w], "ones"
        elif w in W.TENS:
            if last in ("ones", "tens", "tensones", "a"):
                break
            cur, last = cur + W.TENS[w], "tens"
        elif w in _WORD_SCALES:
            if not last:
                return None
            if w in ("hundred", "dozen"):
                cur = (cur or 1) * W.SCALES[w]
            else:
                total, cur = total + (cur or 1) * W.SCALES[w], 0.0
            last = "scale"
        elif w == "and" and last == "scale" and (sc.low(j + 1) in W.ONES or sc.low(j + 1) in W.TENS):
            j += 1
            continue
        elif "-" in w or "–" in w:
            parts = w.translate(W.HYPHENS).split("-")
            if last in ("", "scale") and len(parts) == 2 and parts[0] in W.TENS:
                if 0 < W.ONES.get(parts[1], 0) < 10:
                    cur, last = cur + W.TENS[parts[0]] + W.ONES[parts[1]], "tensones"
                    j += 1
                    continue
            break
        else:
            break
        j += 1
    if not last or last == "a":
        return None
    return j, total + cur


def money_prefix(sc, i: int):
    """ "$1.2 billion", "US$5", "€50m", "KSh 40", "Rs. 500": a currency sign, then a number."""
    t = sc.toks[i]
    start = sc.starts[i]
    if t == "$" and sc.adj(i) and sc.tok(i - 1) in W.DOLLAR_PREFIXES:
        start = sc.starts[i - 1]
    j = i + 1
    if sc.tok(j) == "." and sc.adj(j) and t == "Rs":
        j += 1
    if not (sc.near(j) and sc.tok(j)[:1] in _DIGITS):
        return None
    sh = sc.shape(j)
    if sh is None or sh[0] not in ("int", "num", "range", "scaled", "compound"):
        return None
    if sh[0] == "compound" and sh[2][0] not in _SCALE_WORDS:
        return None
    k = half_tail(sc, scale_tail(sc, j + 1))
    return ("MONEY", start, sc.ends[k - 1], k)


def glued_money_rule(sc, i: int):
    """ "Sh2 billion", "KSh40", "R5bn": a currency code written against the number."""
    m = _GLUED_MONEY.fullmatch(sc.toks[i])
    if not m:
        return None
    k = scale_tail(sc, i + 1)
    if m.group(1) in W.GLUED_CURRENCY_NEEDS_SCALE and not m.group(3) and k == i + 1:
        if "," not in m.group(2):
            return None  # "R5" is a road or a model; "R2,500" and "R5bn" are rand
    return _span("MONEY", sc, i, k)
