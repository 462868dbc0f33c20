"""Numbers, money, percentages, quantities, ordinals, dates, times and durations in news text.

A rule-based scanner over a token stream, pure Python and without NLTK, so both back-ends share
it and it costs little next to tagging: most tokens are rejected by one set lookup, and the
rules only look a few tokens either side of a digit, a number word, a month or a currency sign.

Decisions (the conventions of the team contracts and docs/annotation-guidelines.md, made
precise here):

| text                                   | span                    | label     |
|----------------------------------------|-------------------------|-----------|
| about 5,000 / more than 12%            | 5,000 / 12%             | approximators never included |
| $1.2 billion, €50m, US$5, Sh2 billion  | whole                   | MONEY     |
| 1.2 billion dollars, 5,000 Kenyan shillings | whole              | MONEY     |
| billions of dollars                    | whole                   | MONEY     |
| 12%, 12 per cent, 12.5 percentage points, 10-15% | whole         | PERCENT   |
| 25 basis points, half a percentage point | whole                 | PERCENT   |
| 20 km, 5 tonnes, 30 degrees Celsius, -5C | whole (sign included) | QUANTITY  |
| 3 million barrels, 400 square kilometres | whole                 | QUANTITY  |
| 6.2-magnitude, magnitude 6.2           | 6.2 (a scale, no unit)  | CARDINAL  |
| 100m sprint / 5m people (no currency)  | 100m / 5m               | QUANTITY / CARDINAL |
| two-thirds, a dozen, hundreds (of), tens of thousands | whole    | CARDINAL  |
| half of, a third of, a quarter of      | half / a third / ...    | CARDINAL  |
| a third time, second-stage             | third / second          | ORDINAL   |
| one of the soldiers / the one who, no one, one another | one / -  | CARDINAL / none |
| three-member, 5,000-strong             | three / 5,000           | CARDINAL  |
| one-off, two-way, five-star, first-hand | none                   | idioms    |
| four-time champion, two-shot lead      | four / two              | CARDINAL  |
| half a million, a quarter of a million | whole                   | CARDINAL  |
| first, 3rd, fifth-largest              | first / 3rd / fifth     | ORDINAL   |
| Second World War, First Lady           | none (part of a name)   |           |
| 25 August 2023, Aug. 25, August 25, 2023, the 25th of August | whole | DATE |
| Monday, 25 August                      | whole                   | DATE      |
| in March, by May / May I, Theresa May  | March, May / none       | DATE      |
| late March, early 1950s                | March / 1950s           | DATE (modifier left out) |
| Boxing Day, New Year's Eve, Good Friday, at Christmas | whole    | DATE      |
| the October-December quarter, June quarter | whole (with quarter) | DATE     |
| 2023, 1997-98, 2020-2022, 1990s, '90s, mid-2024, 21st century | whole | DATE  |
| about 2000 / 2000 troops               | 2000                    | CARDINAL  |
| last year, this month, next Monday, past week | whole            | DATE      |
| yesterday, today, tomorrow             | whole                   | DATE      |
| two years ago, a year ago, a year earlier | whole                | DATE (TIME for hours/minutes) |
| for a week, in a decade / 150 a day     | a week, a decade / none | DURATION (rates get none) |
| first quarter, October-December        | whole                   | DATE      |
| Friday morning / earlier this year     | Friday / this year      | DATE      |
| 20 years, three-day, 42-year-old, 42 years old | whole           | DURATION  |
| Hartley, 27, / aged 65 / died at 91    | 27 / 65 / 91 (ages)     | DURATION  |
| in her 20s / in the 80s                | 20s / 80s               | DURATION (age) / DATE |
| 15 years and nine months, 2 hours, 13 minutes | whole            | DURATION  |
| between seven and 15 years, five to 10% | seven / five take the unit's label | |
| thousands of years, four seasons, half an hour | whole            | DURATION  |
| the past two weeks / 19 minutes later  | two weeks / 19 minutes  | DURATION  |
| 3 p.m., 3pm, 10:30 GMT, 0800 GMT, 14.00 GMT, 10:30 local time | whole | TIME |
| midnight, noon, tonight, this morning, last night | whole        | TIME      |
| COVID-19, F-16, Su-25, Boeing 737, A320, MH17, M23, G7, G20, 5G | none | digits in a name |
| FTSE 100, Windows 11, iPhone 15, Euro 2024 | none (a capitalised word before a plain number) | |
| Article 5, page 3, No. 10, Flight 370, #1, [1] | none            | labels and references |
| 12 Downing Street                      | none                    | street number |
| +254 722 123456, 020 7946 0958         | none                    | phone numbers |
| numbers in URLs and e-mail addresses   | none                    |           |
| 2-1 (score), 7-6(5) (tiebreak), 10-15 (bare range), 24/7, 9/11 | none |           |
| between 2020 and 2022                  | 2020 / 2022             | two DATEs |
| 3 million barrels per day (or a day), 160 km per hour | whole    | QUANTITY  |
| 24th Grand Slam / 3rd Infantry Division, 14th Amendment | 24th / none | ORDINAL |
| $85 a barrel, 5,000 a year             | $85 / 5,000             | "a ..." rates left out |
| several thousand, a few hundred        | whole                   | CARDINAL  |
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from tagger.models import Span
from tagger.nlp import number_rules as R
from tagger.nlp import number_words as W
from tagger.nlp import word_numbers as WN

# Words, numbers with their inner separators and hyphenated compounds, or one other character.
_TOKEN_RE = re.compile(
    r"((?:[A-Za-z]\.){2,}"  # U.S., a.m., p.m.
    r"|\w+(?:(?:(?<=\d)[.,:/](?=\d)|[-‐‑–](?=\w))\w+)*"
    r"|\S)"
)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_RE = re.compile(_NUM)
_TIME_RE = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")
_AMPM_RE = re.compile(r"(?:0?[1-9]|1[0-2])(?:[:.][0-5]\d)?[ap]m", re.I)
_DATE_RE = re.compile(
    r"(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|[12]\d|3[01])\1(?:\d\d|\d{4})"
)
_ORD_RE = re.compile(r"(\d+)(st|nd|rd|th)", re.I)
_DECADE_RE = re.compile(r"(?:1[0-9]|20)?[0-9]0s")
_DIGITS = frozenset("0123456789")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SENT_END = frozenset(W.SENT_END)
_GLUE_START = frozenset("KSTURNEGD")  # first letters of currency codes glued to digits


def _variants(words) -> set[str]:
    return {v for w in words for v in (w, w.capitalize(), w.upper())}


_WORD_NUMBERS = set(W.ONES) | set(W.TENS) | {"hundred", "thousand", "million", "billion", "dozen"}
_TRIGGERS = frozenset(
    _variants(_WORD_NUMBERS | W.PLURAL_SCALES | {"tens", "a", "an", "half", "several"})
    | _variants(W.ORDINALS) | _variants(W.MONTHS) | _variants(W.WEEKDAYS | W.WEEKDAYS_PLURAL)
    | _variants(W.RELATIVE_HEADS | W.DAY_WORDS | W.TIME_WORDS)
    | _variants(W.HOLIDAY_HEADS | W.SEASONS) | W.CURRENCY_PREFIX_CODES | W.CURRENCY_SYMBOLS
)


def _value(s: str) -> float:
    return float(s.replace(",", ""))


def _ordinal_ok(n: int, suffix: str) -> bool:
    suffix = suffix.lower()
    if n % 100 in (11, 12, 13):
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@lru_cache(maxsize=16384)
def shape(t: str):
    """What a token that starts with a digit is: ("int", value), ("range", a, b), ("ord", n),
    ("time",), ("date",), ("yrange",), ("decade",), ("scaled", v, letter), ("unit", v),
    ("ampm",), ("pc", v), ("compound", head_chars, tail_words), or None (an id, a model)."""
    t = t.translate(W.HYPHENS)
    m = _NUM_RE.match(t)
    if not m or m.end() > 24:
        return None  # no count runs to 25 digits; an id or a hash
    head, rest = m.group(), t[m.end() :]
    if not rest:
        if head.isdigit():
            return ("int", int(head))
        return ("num", _value(head))
    if _TIME_RE.fullmatch(t):
        return ("time",)
    if _AMPM_RE.fullmatch(t):
        return ("ampm",)
    if _DATE_RE.fullmatch(t):
        return ("date",)
    if _DECADE_RE.fullmatch(t):
        return ("decade",)
    m2 = _ORD_RE.fullmatch(t)
    if m2:
        n = int(m2.group(1))
        return ("ord", n) if _ordinal_ok(n, m2.group(2)) else None
    if rest.isalpha():
        if rest in W.ATTACHED_SCALES or rest in ("M", "K", "BN", "Bn"):
            return ("scaled", _value(head), rest)
        if rest in W.ATTACHED_UNITS:
            return ("unit", _value(head))
        if rest.lower() in ("pc", "pct"):
            return ("pc", _value(head))
        return None
    if rest[0] == "/" and head.isdigit() and len(head) == 4 and rest[1:].isdigit():
        a, b = int(head), int(rest[1:])  # "2024/25" season or fiscal year
        if 1900 <= a <= 2099 and ((len(rest) == 3 and b == (a + 1) % 100) or b == a + 1):
            return ("yrange",)
        return None
    if rest[0] != "-":
        m2 = _ORD_RE.match(t)
        if m2 and t[m2.end() : m2.end() + 1] == "-" and t[m2.end() + 1 :].replace("-", "").isalpha():
            n = int(m2.group(1))
            tail = tuple(t[m2.end() + 1 :].lower().split("-"))
            return ("ordcompound", m2.end(), tail, n) if _ordinal_ok(n, m2.group(2)) else None
        return None
    second = rest[1:]
    m3 = _NUM_RE.fullmatch(second)
    if m3:
        a, b = _value(head), _value(second)
        if head.isdigit() and len(head) == 4 and 1000 <= a <= 2099 and second.isdigit():
            if (len(second) == 2 and b > a % 100) or (len(second) == 4 and a < b <= a + 100):
                return ("yrange",)
        return ("range", a, b) if a < b else ("score",)
    parts = second.split("-")
    if all(p.isalpha() for p in parts):
        return ("compound", len(head), tuple(p.lower() for p in parts))
    return None


class Scanner:
    """The token stream of one text and the rules that read it."""

    __slots__ = ("text", "toks", "starts", "ends", "n", "looking")

    def __init__(self, text: str, tokens: Sequence[tuple[int, int]] | None = None):
        self.text = text
        if tokens is None:
            # split() gives gap, token, gap, token, ..., gap; running sums of their lengths
            # are the offsets, all computed in C (twice as fast as a loop over matches).
            parts = _TOKEN_RE.split(text)
            offsets = list(accumulate(map(len, parts)))
            toks = parts[1::2]
            starts = offsets[0::2][: len(toks)]
            ends = offsets[1::2]
        else:
            toks, starts, ends = [], [], []
            for s, e in _runs(text, tokens):
                for m in _TOKEN_RE.finditer(text, s, e):
                    toks.append(m.group())
                    starts.append(m.start())
                    ends.append(m.end())
        self.toks, self.starts, self.ends, self.n = toks, starts, ends, len(toks)
        self.looking = False  # inside a one-token look-ahead (see number_context.range_label)

    # -- token helpers -----------------------------------------------------------------
    def tok(self, j: int) -> str:
        return self.toks[j] if 0 <= j < self.n else ""

    def low(self, j: int) -> str:
        return self.toks[j].lower() if 0 <= j < self.n else ""

    def cap(self, j: int) -> bool:
        return 0 <= j < self.n and self.toks[j][:1].isupper()

    def adj(self, j: int) -> bool:
        """Token j touches the token before it."""
        return 0 < j < self.n and self.ends[j - 1] == self.starts[j]

    def near(self, j: int) -> bool:
        """Token j follows the token before it on the same line, after spaces at most."""
        if not 0 < j < self.n:
            return False
        a, b = self.ends[j - 1], self.starts[j]
        if b == a or (b - a == 1 and self.text[a] == " "):
            return True
        gap = self.text[a:b]
        return gap.isspace() and not _LINE_BREAK.search(gap)

    def sent_start(self, j: int) -> bool:
        if j <= 0:
            return True
        return self.toks[j - 1] in _SENT_END or "\n" in self.text[self.ends[j - 1] : self.starts[j]]

    def shape(self, j: int):
        t = self.tok(j)
        return shape(t) if t[:1] in _DIGITS else None

    # -- the scan ----------------------------------------------------------------------
    def run(self) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        toks, n = self.toks, self.n
        last_end = 0
        i = 0
        while i < n:
            t = toks[i]
            c = t[0]
            if not (c in _DIGITS or t in _TRIGGERS or "-" in t or "–" in t or (
                    c in _GLUE_START and not t.isalpha())):
                i += 1
                continue
            r = self.rule(i)
            if r is None:
                i += 1
                continue
            label, s, e, nxt = r
            if label is not None and s >= last_end and e > s:
                out.append((label, s, e))
                last_end = e
            i = max(nxt, i + 1)
        return out

    def rule(self, i: int):
        """The span a rule finds starting at token i, or None."""
        t = self.toks[i]
        c = t[0]
        if c in _DIGITS:
            return R.digit_rule(self, i)
        if t in _TRIGGERS:
            return WN.word_rule(self, i)
        if ("-" in t or "–" in t) and len(t) > 3:
            return WN.compound_word_rule(self, i)
        if c in _GLUE_START and not t.isalpha():
            return R.glued_money_rule(self, i)
        return None


def _runs(text: str, tokens: Sequence[tuple[int, int]]):
    """Caller tokens merged into runs of touching tokens, clipped to the text."""
    size = len(text)
    run_s = run_e = -1
    for s, e in tokens:
        s, e = max(0, min(int(s), size)), max(0, min(int(e), size))
        if e <= s:
            continue
        if s == run_e:
            run_e = e
            continue
        if run_e > run_s >= 0:
            yield run_s, run_e
        run_s, run_e = s, e
    if run_e > run_s >= 0:
        yield run_s, run_e


def find_numbers(text: str, tokens: Sequence[tuple[int, int]] | None = None) -> list[Span]:
    """Number, money, percent, quantity, ordinal, date, time and duration spans of `text`.

    `tokens` are the caller's (start, end) token offsets; when given, only text they cover is
    read, so a caller that drops markup or boilerplate gets no numbers from it.
    """
    if not text:
        return []
    found = Scanner(_sentence_case_headline(text), tokens).run()
    if not found:
        return []
    if "://" in text or "www." in text or "@" in text:
        found = _drop_inside(found, [m.span() for m in _URL_RE.finditer(text)])
    return [Span(s, e, label) for label, s, e in found]


def _sentence_case_headline(text: str) -> str:
    """A Title Case headline line read as a sentence ("Wins Second Title" has an ordinal)."""
    if text[:1].isspace() or "\n" in text[:200]:
        from tagger.nlp.headline import headline_end, sentence_case
        from tagger.nlp.lexicon_tagger import common_words

        end = headline_end(text)
        if end:
            return sentence_case(text, end, common_words())
    return text


def _drop_inside(found: list[tuple[str, int, int]], blocked: list[tuple[int, int]]):
    """Spans that touch no blocked range (both lists sorted), in one merge pass."""
    out = []
    k = 0
    for f in found:
        while k < len(blocked) and blocked[k][1] <= f[1]:
            k += 1
        if k < len(blocked) and blocked[k][0] < f[2]:
            continue
        out.append(f)
    return out
