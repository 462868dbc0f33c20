"""What follows a number: a percent sign, a currency, a unit of measure or of time.

"12" becomes "12%", "12 dollars", "12 km" or "12 years" by the words after it, and the same
test serves digits ("5,000 euros") and words ("five percent"), so it lives apart from both.
`suffix` returns (label, start, end, next_token) or None, like every number rule.
"""

from __future__ import annotations

from tagger.nlp import number_words as W

_POINT_COMPOUNDS = {"percentage-point", "percentage-points", "basis-point", "basis-points"}
_UNIT_RANK = {u: r for r, words in enumerate(
    ("second seconds sec secs", "minute minutes min mins", "hour hours hr hrs",
     "day days", "week weeks", "month months", "year years yr yrs"), start=1)
    for u in words.split()}  # fmt: skip


def signed_start(sc, i: int) -> int:
    """Start of a quantity, taking a minus sign or "minus" in front: "-5C", "minus 5 degrees"."""
    p = sc.tok(i - 1)
    if p in ("-", "−") and sc.adj(i) and not sc.adj(i - 1):
        return sc.starts[i - 1]
    if p.lower() == "minus" and sc.near(i):
        return sc.starts[i - 1]
    return sc.starts[i]


def _unit_after(sc, j: int):
    """(end, is_time_unit) for a unit at token j, else None."""
    t = sc.tok(j)
    w = t.lower()
    if w in W.DURATION_UNITS:
        return j + 1, True
    if "-" in w:
        parts = w.translate(W.HYPHENS).split("-")
        if parts[0] in W.DURATION_UNITS and parts[1:] == ["old"]:
            return j + 1, True
        return None
    if w in W.UNIT_PREFIXES:
        w2 = sc.low(j + 1)
        if sc.near(j + 1) and (w2 in W.UNITS or w2 in W.UNITS_AFTER_PREFIX):
            return per_tail(sc, j + 2), False
        return None
    if w in W.UNITS or t in W.UNITS_CASED:
        k = j + 1
        if w in ("degree", "degrees") and sc.near(k) and sc.low(k) in W.UNIT_SUFFIXES:
            if sc.cap(k):
                k += 1
        if sc.tok(k) == "/" and sc.adj(k) and sc.adj(k + 1) and sc.tok(k + 1).isalpha():
            if len(sc.tok(k + 1)) <= 3:
                k += 2  # km/h
        return per_tail(sc, k), False
    if t == "°":
        k = j + 1
        if sc.tok(k) in ("C", "F") and sc.adj(k):
            k += 1
        return k, False
    return None


def per_tail(sc, k: int) -> int:
    """Extend a quantity past "per hour", "a day" ("160 km per hour", "3m barrels a day")."""
    if sc.low(k) in ("per", "a", "an") and sc.near(k) and sc.near(k + 1):
        if sc.low(k) != "per" and sc.low(k + 2) in ("earlier", "later", "ago", "before", "after"):
            return k  # "6,288 square kilometres a year earlier"
        if W.DURATION_UNITS.get(sc.low(k + 1)) and not sc.low(k + 1).endswith("s"):
            return k + 2
    return k


def _money_after(sc, j: int, big: bool, yearlike: bool) -> int:
    """End of a currency word after a number ("dollars", "US dollars", "€"), else 0."""
    t = sc.tok(j)
    w = t.lower()
    if w in W.CURRENCY_WORDS or t in W.CURRENCY_WORDS_CASED:
        if w in W.AMBIGUOUS_CURRENCY and (yearlike or not big):
            return 0
        k = j + 1
        if w in ("pound", "pounds") and sc.low(k) == "sterling" and sc.near(k):
            k += 1
        return k
    if t in W.CURRENCY_SYMBOLS:
        return j + 1
    if (t[:1].isupper() or t == "U.S.") and not yearlike:
        for k in (j + 1, j + 2):
            if not sc.near(k):
                break
            wk = sc.low(k)
            if wk in W.CURRENCY_WORDS and wk not in W.AMBIGUOUS_CURRENCY:
                return k + 1
            if not sc.cap(k):
                break
    return 0


def _duration(sc, i: int, j: int, k: int, unit: str):
    """A number and time unit: "two years ago" is a DATE, "42 years old" a DURATION."""
    if sc.low(k) == "ago" and sc.near(k):
        label = "TIME" if W.DURATION_UNITS.get(unit) in ("s", "m", "h") else "DATE"
        return (label, sc.starts[i], sc.ends[k], k + 1)
    if sc.low(k) == "old" and sc.near(k) and unit in ("year", "years", "month", "months"):
        return ("DURATION", sc.starts[i], sc.ends[k], k + 1)
    rank = _UNIT_RANK.get(unit, 0)
    while sc.tok(k) in (",", "and") and sc.near(k + 1) and sc.near(k + 2):
        # "2 hours, 13 minutes and 40 seconds", "15 years and nine months": one duration,
        # each unit smaller than the one before (so "3 years, 2 years" stay apart)
        count, nxt_unit = sc.low(k + 1), sc.low(k + 2)
        if not (count.isdigit() or count in W.ONES or count in W.TENS):
            break
        if not 0 < _UNIT_RANK.get(nxt_unit, 0) < rank:
            break
        rank = _UNIT_RANK[nxt_unit]
        k += 3
    return ("DURATION", sc.starts[i], sc.ends[k - 1], k)


def suffix(sc, i: int, j: int, big: bool, yearlike: bool):
    """The span a number at tokens i..j-1 makes with what follows it, or None."""
    if not sc.near(j):
        return None
    t = sc.tok(j)
    w = t.lower()
    if t == "%" or w in ("percent", "pct", "pc"):
        return ("PERCENT", sc.starts[i], sc.ends[j], j + 1)
    if w == "per" and sc.low(j + 1) == "cent" and sc.near(j + 1):
        return ("PERCENT", sc.starts[i], sc.ends[j + 1], j + 2)
    if w in ("percentage", "basis") and sc.low(j + 1) in ("point", "points") and sc.near(j + 1):
        return ("PERCENT", sc.starts[i], sc.ends[j + 1], j + 2)
    if w.translate(W.HYPHENS) in _POINT_COMPOUNDS:  # "a 0.5 percentage-point cut"
        return ("PERCENT", sc.starts[i], sc.ends[j], j + 1)
    k = _money_after(sc, j, big, yearlike)
    if k:
        return ("MONEY", sc.starts[i], sc.ends[k - 1], k)
    u = _unit_after(sc, j)
    if u:
        k, is_time = u
        if is_time:
            return _duration(sc, i, j, k, w.translate(W.HYPHENS).split("-")[0])
        return ("QUANTITY", signed_start(sc, i), sc.ends[k - 1], k)
    return None
