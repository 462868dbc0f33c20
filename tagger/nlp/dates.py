"""Date and time rules of the number recognizer: months, weekdays, relative dates, clock times.

They read the same token stream as the numeric rules (a `Scanner` from tagger.nlp.numbers),
and they are apart because a month or a weekday is a word that only sometimes is a date:
"in March" is one, "protesters march" and "May I" are not, so each needs its context.
Every rule returns (label, start, end, next_token) or None.
"""

from __future__ import annotations

from tagger.nlp import number_words as W

_FIRST_NAMES = {"jan", "april", "june", "august", "may"}  # months that are also first names


def is_month(sc, j: int) -> bool:
    """A capitalised month name or abbreviation at token j."""
    t = sc.tok(j)
    return t[:1].isupper() and t.lower() in W.MONTHS


def year_at(sc, j: int, *, lo: int = 1000) -> bool:
    """Token j is a plain four-digit year on the same line as the token before it."""
    t = sc.tok(j)
    return len(t) == 4 and t.isascii() and t.isdigit() and lo <= int(t) <= 2099 and sc.near(j)


def day_at(sc, j: int) -> int:
    """Index after a day of the month at j ("25", "25th", "15-17"), else 0."""
    t = sc.tok(j)
    if not t or t[0] not in "0123456789":
        return 0
    shape = sc.shape(j)
    kind = shape[0] if shape else ""
    if kind == "int" and 1 <= shape[1] <= 31 and len(t) <= 2:
        return j + 1
    if kind == "ord" and 1 <= shape[1] <= 31:
        return j + 1
    if kind == "range" and shape[1] >= 1 and shape[2] <= 31 and "." not in t and "," not in t:
        return j + 1
    return 0


def _month_tail(sc, j: int) -> int:
    """Index after a month name at j, with the period of "Aug." when a day or year follows."""
    k = j + 1
    if sc.tok(k) == "." and sc.adj(k) and len(sc.tok(j)) <= 4:
        if day_at(sc, k + 1) or year_at(sc, k + 1):
            return k + 1
    return k


def _year_tail(sc, k: int) -> int:
    """Extend past ", 2023" or " 2023" at k."""
    if year_at(sc, k):
        return k + 1
    if sc.tok(k) == "," and year_at(sc, k + 1):
        return k + 2
    return k


def after_day(sc, i: int, j: int):
    """A day number at tokens i..j-1 followed by a month: "25 August 2023", "25th of May"."""
    k = j
    if sc.low(k) == "of" and is_month(sc, k + 1) and sc.near(k):
        k += 1
    if not is_month(sc, k) or not sc.near(k):
        return None
    end = _year_tail(sc, _month_tail(sc, k))
    return ("DATE", sc.starts[i], sc.ends[end - 1], end)


def month_rule(sc, i: int):
    """A month: with a day or year always; alone only where the context makes it a date."""
    t = sc.tok(i)
    if not t[:1].isupper():
        return None
    low = t.lower()
    k = _month_tail(sc, i)
    day_end = day_at(sc, k) if sc.near(k) else 0
    if day_end:
        if sc.low(day_end) in W.SCALES or sc.low(day_end) in W.PERCENT_WORDS:
            return None  # "in May 5 million people ..."
        end = _year_tail(sc, day_end)
        return ("DATE", sc.starts[i], sc.ends[end - 1], end)
    if year_at(sc, k):
        return ("DATE", sc.starts[i], sc.ends[k], k + 1)
    if sc.low(k) == "of" and year_at(sc, k + 1):
        return ("DATE", sc.starts[i], sc.ends[k + 1], k + 2)
    if sc.low(k) in W.RELATIVE_HEADS and sc.low(k + 1) == "year" and sc.near(k):
        return ("DATE", sc.starts[i], sc.ends[k + 1], k + 2)  # "June last year"
    # A month alone, unless it is someone's name ("by Jan Smith", "April Ryan", "Mary June").
    name_next = sc.cap(i + 1) and sc.near(i + 1) and not is_weekday(sc, i + 1)
    prev = sc.low(i - 1) if sc.near(i) else ""
    if name_next and low in _FIRST_NAMES and prev not in ("in", "since", "until", "during"):
        return None  # "In April Kenya raised rates" is a date, "met April Ryan" a name
    if prev in W.DATE_PREPS:
        return ("DATE", sc.starts[i], sc.ends[i], i + 1)
    if low in W.AMBIGUOUS_MONTHS:
        return None
    if sc.low(k) == "quarter" and sc.near(k):
        return ("DATE", sc.starts[i], sc.ends[k], k + 1)
    if name_next:
        return None
    if sc.cap(i - 1) and sc.near(i) and not sc.sent_start(i):
        return None
    return ("DATE", sc.starts[i], sc.ends[i], i + 1)


def is_weekday(sc, j: int) -> bool:
    t = sc.tok(j)
    return t[:1].isupper() and (t.lower() in W.WEEKDAYS or t.lower() in W.WEEKDAYS_PLURAL)


def weekday_rule(sc, i: int):
    """A capitalised weekday is a date ("on Monday"), and takes a following date with it."""
    if not is_weekday(sc, i):
        return None
    if sc.low(i - 1) in W.NAMED_DAY_PREFIXES and sc.cap(i - 1) and sc.near(i):
        return None  # Good Friday, Super Tuesday
    if sc.cap(i + 1) and sc.near(i + 1) and not (is_month(sc, i + 1) or is_weekday(sc, i + 1)):
        if sc.low(i - 1) not in W.DATE_PREPS or not sc.near(i):
            return None  # "The Sunday Times", "Monday Night Football"
    end = i + 1
    k = end + 1 if sc.tok(end) == "," else end
    if is_month(sc, k) and sc.near(k):
        r = month_rule(sc, k)
        if r and r[3] > k + 1:
            end = r[3]
    else:
        d = day_at(sc, k) if sc.near(k) else 0
        if d:
            r = after_day(sc, k, d)
            if r:
                end = r[3]
    return ("DATE", sc.starts[i], sc.ends[end - 1], end)


def relative_rule(sc, i: int):
    """ "last year", "this month", "next Monday", "this morning", "yesterday", "midnight"."""
    t = sc.tok(i)
    low = t.lower()
    mid_sentence_cap = t[:1].isupper() and not sc.sent_start(i)
    if low in W.DAY_WORDS:
        if mid_sentence_cap:
            return None  # "USA Today", "the Today programme"
        return ("DATE", sc.starts[i], sc.ends[i], i + 1)
    if low in W.TIME_WORDS:
        if mid_sentence_cap:
            return None
        end = clock_tail(sc, i + 1, need_ampm=False)  # "noon ET"
        return ("TIME", sc.starts[i], sc.ends[end - 1], end)
    if low in W.RELATIVE_HEADS and sc.near(i + 1):
        nxt = sc.low(i + 1)
        if nxt in W.RELATIVE_UNITS:
            return ("DATE", sc.starts[i], sc.ends[i + 1], i + 2)
        if is_weekday(sc, i + 1) or is_month(sc, i + 1):
            return ("DATE", sc.starts[i], sc.ends[i + 1], i + 2)
        if nxt in W.TIME_OF_DAY and (low == "this" or (low == "last" and nxt == "night")):
            return ("TIME", sc.starts[i], sc.ends[i + 1], i + 2)
    return None


_AFTER_SEASON = frozenset("and or when as but after before while".split())


def season_rule(sc, i: int):
    """ "summer 2023", "the winter of 2022": a season with its year is one date."""
    k = i + 1
    if sc.low(k) == "of" and sc.near(k):
        k += 1
    if year_at(sc, k, lo=1900):
        return ("DATE", sc.starts[i], sc.ends[k], k + 1)
    # "since spring", "until autumn,": a season as a point in time; not "spring wheat",
    # "hot spring", "fall in prices" (the words after must not go on as a phrase).
    prev = sc.low(i - 1) if sc.near(i) else ""
    nxt = sc.tok(i + 1)
    if prev in ("since", "until", "till", "during", "by") and sc.tok(i).islower() and (
        not nxt or not nxt[:1].isalnum() or nxt.lower() in _AFTER_SEASON
    ):
        return ("DATE", sc.starts[i], sc.ends[i], i + 1)
    return None


def mid_compound(sc, i: int, parts: list[str]):
    """ "mid-2024", "mid-March", "mid-1990s"; and month ranges such as "October-December"."""
    head = parts[0].lower()
    if head == "mid" and len(parts) == 2:
        p = parts[1]
        if p.isdigit() and len(p) == 4 and 1000 <= int(p) <= 2099:
            return ("DATE", sc.starts[i], sc.ends[i], i + 1)
        if p[:1].isupper() and p.lower() in W.MONTHS:
            return ("DATE", sc.starts[i], sc.ends[i], i + 1)
        if p[:-1].isdigit() and p.endswith("s") and len(p) in (3, 5):
            return ("DATE", sc.starts[i], sc.ends[i], i + 1)
        return None
    if all(p[:1].isupper() and p.lower() in W.MONTHS for p in parts) and len(parts) == 2:
        end = _year_tail(sc, i + 1)
        if end == i + 1 and sc.low(end) == "quarter" and sc.near(end):
            end += 1  # "the October-December quarter"
        return ("DATE", sc.starts[i], sc.ends[end - 1], end)
    return None


def holiday_rule(sc, i: int):
    """ "Boxing Day", "New Year's Eve", "Good Friday"; "Christmas" after a date preposition."""
    if not sc.cap(i):
        return None
    k = i + 1
    if sc.low(i) == "new" and sc.low(k) == "year":
        k += 1
        if sc.tok(k) in ("'", "’") and sc.low(k + 1) == "s" and sc.adj(k):
            k += 2
    elif sc.low(i) == "valentine" and sc.tok(k) in ("'", "’") and sc.low(k + 1) == "s":
        k += 2
    if sc.cap(k) and sc.near(k) and sc.low(k) in W.HOLIDAY_TAILS:
        if sc.cap(k + 1) and sc.near(k + 1) and not is_month(sc, k + 1):
            return None  # "Good Friday Agreement"
        return ("DATE", sc.starts[i], sc.ends[k], k + 1)
    prev = sc.low(i - 1) if sc.near(i) else ""
    if k == i + 1 and sc.low(i) in W.HOLIDAY_ALONE and prev in W.HOLIDAY_PREPS:
        if not (sc.cap(k) and sc.near(k)):
            return ("DATE", sc.starts[i], sc.ends[i], k)
    return None


def clock_tail(sc, j: int, *, need_ampm: bool) -> int:
    """Index after "a.m."/"pm" and a time zone ("GMT", "local time") at j; 0 if am/pm needed
    and absent."""
    k = j
    if sc.low(k) in W.AM_PM and sc.near(k):
        k += 1
    elif need_ampm:
        return 0
    if sc.tok(k) in W.TIME_ZONES and sc.near(k):
        k += 1
    elif sc.low(k) == "local" and sc.low(k + 1) == "time" and sc.near(k):
        k += 2
    elif sc.tok(k) == "(" and sc.tok(k + 1) in W.TIME_ZONES and sc.tok(k + 2) == ")":
        pass  # "3 p.m. (1400 GMT)": the bracketed time is its own span
    return k


def clock_rule(sc, i: int, shape):
    """Clock times: "10:30", "3pm", "3.30 p.m.", "0800 GMT"."""
    kind = shape[0]
    if kind == "time":
        end = clock_tail(sc, i + 1, need_ampm=False)
        return ("TIME", sc.starts[i], sc.ends[end - 1], end)
    if kind == "ampm":
        end = clock_tail(sc, i + 1, need_ampm=False)
        return ("TIME", sc.starts[i], sc.ends[end - 1], end)
    return None


def time_of_number(sc, i: int, value: float, text: str):
    """A plain number followed by am/pm ("3 p.m."), or a four-digit hour with a zone."""
    if value == int(value) and 1 <= value <= 12 and "," not in text:
        end = clock_tail(sc, i + 1, need_ampm=True)
        if end:
            return ("TIME", sc.starts[i], sc.ends[end - 1], end)
        if sc.low(i + 1) == "o" and sc.tok(i + 2) in ("'", "’") and sc.low(i + 3) == "clock":
            if sc.near(i + 1) and sc.adj(i + 2) and sc.adj(i + 3):
                return ("TIME", sc.starts[i], sc.ends[i + 3], i + 4)  # "9 o'clock"
    if "." in text and len(text) <= 5:
        h, _, m = text.partition(".")
        if h.isdigit() and m.isdigit() and len(m) == 2 and int(h) < 24 and int(m) < 60:
            end = clock_tail(sc, i + 1, need_ampm=False)  # "3.30 pm", "14.00 GMT"
            if end > i + 1 and (int(h) <= 12 or sc.low(i + 1) not in W.AM_PM):
                return ("TIME", sc.starts[i], sc.ends[end - 1], end)
    if len(text) == 4 and text.isdigit() and int(text[:2]) < 24 and int(text[2:]) < 60:
        if sc.tok(i + 1) in W.TIME_ZONES and sc.near(i + 1):
            return ("TIME", sc.starts[i], sc.ends[i + 1], i + 2)
    return None
