"""A Title Case headline line at the top of a text, and the same text in sentence case for it.

Wire copy as users paste it starts "Kamau Wins Second Title\n\nNAIROBI (AP) — ...": in the
headline every word has a capital, so capitals say nothing about names ("Dockworkers Vow")
and the number rules read "Second Title" as a name like "Second World War". Knowing where
the headline ends lets the typer ask for stronger evidence there, and lowering its common
words (same length, so offsets hold) lets the number rules read it as a sentence.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’-][A-Za-z]+)*")
_MAX_WORDS = 20
# Months and weekdays keep their capital: the date rules need it.
_KEEP = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def headline_end(text: str) -> int:
    """End offset of a Title Case headline line that opens `text` (0 when there is none).

    A headline is the first non-empty line, followed by a blank line, of at most 20 words,
    with no final full stop, and most of its longer words capitalised.
    """
    lead = len(text) - len(text.lstrip())
    nl = text.find("\n", lead)
    nxt = text.find("\n", nl + 1)
    if nl < 0 or nxt < 0 or text[nl + 1 : nxt].strip():
        return 0  # no blank line after the first line
    line = text[lead:nl].rstrip()
    if not line or line.endswith(".") and not line.endswith(("U.S.", "Inc.", "Co.")):
        return 0
    words = line.split()
    if len(words) < 3 or len(words) > _MAX_WORDS:
        return 0
    long_words = [w for w in words if len(w.strip("\"'“”‘’,:;")) > 3 and w[:1].isalpha()]
    if len(long_words) < 2:
        return 0
    caps = sum(1 for w in long_words if w[:1].isupper())
    return lead + len(line) if caps * 5 >= len(long_words) * 4 else 0


def sentence_case(text: str, end: int, common: frozenset[str]) -> str:
    """`text` with the capitalised common words before `end` in lowercase, offsets unchanged."""
    if end <= 0:
        return text

    def lower(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if low in common and low not in _KEEP and len(low) == len(w) and w[1:] == low[1:]:
            return low
        return w

    return _WORD.sub(lower, text[:end]) + text[end:]


def headline_evidence(text: str, tokens, cands, first, common: frozenset[str]) -> None:
    """In a headline, capitals prove nothing: a candidate keeps its first-pass type only with
    gazetteer or head evidence, or with a word of it named again in the body ("Kamau" before
    "Eliud Kamau"); `first` holds (label, strength, weak) per candidate and is edited in place."""
    end = headline_end(text)
    if not end:
        return
    body = text[end:]
    for k, c in enumerate(cands):
        if tokens.starts[c.i] >= end:
            break
        if first[k][1] in ("forced", "major", "strong"):
            continue
        words = [w for w in tokens.words[c.i : c.j] if w[:1].isupper()]
        if not any(_in_body(w, body, w.lower() in common) for w in words):
            first[k] = (None, None, None)


def _in_body(word: str, body: str, common: bool) -> bool:
    """Whether the body names `word`; a common word ("Sinner") must be capitalised there in
    mid-sentence, where a capital means a name."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", body):
        if not common:
            return True
        before = body[: m.start()].rstrip()
        if before and before[-1].isalpha():
            return True
    return False
