"""Span rules every back-end applies: sorted, non-overlapping, trimmed to the name itself.

Both back-ends and the number recogniser produce spans independently; these functions make
their union obey the annotation conventions (no determiner, title or possessive inside a
span) and the interface promise (sorted, no overlaps, `text[start:end]` is the mention).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tagger.models import Span

_LEADING = re.compile(
    r"^(?:(?:the|The|THE|a|an|An|A)\s+|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt)\.?\s+)+"
)
_TRAILING = re.compile(r"(?:['’][sS]?|[\s,.;:!?\"“”‘’()\[\]-])+$")
_LEADING_PUNCT = re.compile(r"^[\s,.;:!?\"“”‘’()\[\]'-]+")

# When two spans overlap, the longer wins; on a tie, this order decides ("May" PERSON in
# "Theresa May" beats DATE only by being longer; "G7" ORGANIZATION beats CARDINAL "7").
PRIORITY = {
    "PERSON": 9,
    "ORGANIZATION": 9,
    "GPE": 8,
    "FACILITY": 8,
    "LOCATION": 8,
    "NORP": 7,
    "MONEY": 6,
    "PERCENT": 6,
    "QUANTITY": 6,
    "DATE": 5,
    "TIME": 5,
    "DURATION": 5,
    "ORDINAL": 4,
    "CARDINAL": 3,
}


def trim(text: str, span: Span, keep: frozenset[str] = frozenset()) -> Span | None:
    """Drop a leading determiner or honorific and trailing possessive or punctuation; names
    in `keep` hold their "'s" ("Moody's")."""
    s, e = span.start, span.end
    if span.kind == "entity":
        piece = text[s:e]
        m = _LEADING.match(piece)
        if m and m.end() < len(piece):
            s += m.end()
    piece = text[s:e]
    m = _LEADING_PUNCT.match(piece)
    if m:
        s += m.end()
    piece = text[s:e]
    m = _TRAILING.search(piece)
    if m and piece in keep and piece[m.start() :] in ("'s", "’s"):
        m = None  # a known name keeps its "'s" ("Moody's", "Cox's Bazar")
    if m and m.start() > 0:
        keep = text[s : s + m.start()]
        # Keep the period of an abbreviation ("U.S.", "Inc.", "St.").
        if text[s + m.start() : s + m.start() + 1] == "." and (
            re.search(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros))$", keep)
        ):
            e = s + m.start() + 1
        else:
            e = s + m.start()
    if e <= s:
        return None
    if s == span.start and e == span.end:
        return span
    return Span(s, e, span.label)


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans: longer first, then by label priority, then earlier."""
    ranked = sorted(
        (sp for sp in spans if sp.end > sp.start),
        key=lambda sp: (-(sp.end - sp.start), -PRIORITY.get(sp.label, 0), sp.start),
    )
    taken: list[Span] = []
    starts: list[int] = []
    import bisect

    for sp in ranked:
        k = bisect.bisect_left(starts, sp.start)
        if k > 0 and taken[k - 1].end > sp.start:
            continue
        if k < len(taken) and taken[k].start < sp.end:
            continue
        starts.insert(k, sp.start)
        taken.insert(k, sp)
    return taken


def normalise(text: str, spans: Iterable[Span], keep: frozenset[str] = frozenset()) -> list[Span]:
    """Trim every span to the conventions (`keep`: names whose "'s" is their own), drop those
    inside ticker codes and index names, then resolve overlaps."""
    from tagger.nlp.markets import market_ranges

    trimmed = [sp for sp in (trim(text, sp, keep) for sp in spans) if sp is not None]
    ranges = market_ranges(text)
    if ranges:
        trimmed = [sp for sp in trimmed if not any(a < sp.end and sp.start < b for a, b in ranges)]
    return resolve(trimmed)


def check(text: str, spans: list[Span]) -> None:
    """Raise ValueError unless spans are sorted, in bounds and non-overlapping."""
    prev_end = 0
    for sp in spans:
        if not (0 <= sp.start < sp.end <= len(text)):
            raise ValueError(f"span out of bounds: {sp}")
        if sp.start < prev_end:
            raise ValueError(f"overlapping or unsorted span: {sp}")
        prev_end = sp.end
