"""Candidate names: capitalised token runs chunked with nltk.RegexpParser, then split by rule.

Each token gets a one-letter class (N name-like, C connector such as "of"/"bin"/"arap",
P a preposition that only joins organisation names, D "the", O other) and the parser groups
runs such as "Daniel arap Moi" or "Bank of the Ozarks". The rules after it apply the span
conventions: titles ("President", "Foreign Minister") are cut off and make what follows a
person, nationality words in front are split off, and connectors never end a span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tagger.nlp.gazetteer import Gazetteer
from tagger.nlp.tokens import Tokens

GRAMMAR = r"NAME: {<N>+(<[CP]>+<D>?<N>+)*}"
# Lowercase words that may sit inside a name.
CONNECTORS = frozenset(
    "of de del della dei da das do dos du van von der den ten ter la le les bin ibn bint "
    "al el ul ud arap wa y di & ben abu".split()
)
# Prepositions that join only after an organisation word ("Commission for Human Rights").
PREPOSITIONS = frozenset(("for", "on", "and"))
ON_JOINERS = frozenset(
    "Commission Committee Council Conference Convention Panel Forum Coalition Network "
    "Alliance Initiative Institute Centre Center Task Force Campaign Coordination".split()
)
PARTICLES = CONNECTORS - {"of", "&"}
_DASHES = frozenset("—–-")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
# Closed-class words that start sentences; never the first name of "Will Smith".
FUNCTION_WORDS = frozenset(
    "the a an this that these those he she it we they i you his her its our their my your "
    "but and or so yet if when while after before as at in on of for with by from to into "
    "there here what which who whom whose where why how not no some any all many most more "
    "such both each every other another one is was are were be been has have had do does did "
    "will would can could may might must should shall also still even only just then thus "
    "several few various numerous".split()
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens i..j-1 form a name; `forced` is a label the context already decided."""

    i: int
    j: int
    forced: str | None = None
    cue: str = ""  # "title", "dateline", "mr" ...


@lru_cache(maxsize=1)
def chunk_parser():
    from nltk.chunk import RegexpParser

    return RegexpParser(GRAMMAR)


def is_capitalised(word: str) -> bool:
    c = word[:1]
    if c.isupper():
        return True
    # "d'Ivoire", "N'Djamena" written "n'Djamena": a lowercase elision before a capital.
    if len(word) > 3 and word[1] in "'’" and word[2].isupper():
        return True
    # "al-Shabaab", "bin Laden" style words start lowercase but carry a capital after the dash.
    return "-" in word and word.split("-", 1)[0] in ("al", "el", "ad", "as", "ash", "an", "ar") and (
        word.split("-", 1)[1][:1].isupper()
    )


def _title_phrases(gaz: Gazetteer) -> dict[int, frozenset[tuple[str, ...]]]:
    by_len: dict[int, set[tuple[str, ...]]] = {}
    for t in gaz.lists.get("TITLE", ()):
        words = tuple(t.split())
        by_len.setdefault(len(words), set()).add(words)
    return {n: frozenset(v) for n, v in by_len.items()}


class CandidateFinder:
    """Finds name candidates in a tokenised, POS-tagged document."""

    def __init__(self, gaz: Gazetteer, common: frozenset[str]) -> None:
        self.gaz = gaz
        self.common = common
        lists = gaz.lists
        self.not_name = lists.get("NOT_NAME", frozenset())
        self.titles = lists.get("TITLE", frozenset())
        self.title_mods = lists.get("TITLE_MODIFIER", frozenset())
        self.org_heads = lists.get("ORG_HEAD", frozenset())
        self.org_first = lists.get("ORG_FIRST", frozenset())
        self.heads = (
            self.org_heads
            | lists.get("FAC_HEAD", frozenset())
            | lists.get("LOC_HEAD", frozenset())
            | lists.get("GPE_HEAD", frozenset())
        )
        self.joiners_before_of = (
            self.org_first | lists.get("LOC_HEAD", frozenset()) | lists.get("GPE_HEAD", frozenset())
        )
        self.title_phrases = _title_phrases(gaz)
        self.event_heads = lists.get("EVENT_HEAD", frozenset())
        self.event_first = lists.get("EVENT_FIRST", frozenset())
        self.max_title = max(self.title_phrases, default=1)

    # --- token classes -------------------------------------------------------------
    def _known(self, word: str) -> bool:
        return word in self.gaz.names or word.title() in self.gaz.names

    def looks_common(self, w: str) -> bool:
        """A common word, also inflected or compounded: "Wildfires", "Floodwaters"."""
        low = w.lower()
        common = self.common
        if low in common:
            return True
        for suffix in ("s", "es", "ed", "ing", "ly", "er", "ers"):
            if low.endswith(suffix) and low[: -len(suffix)] in common and len(low) > len(suffix) + 2:
                return True
        if w.isalpha() and len(low) >= 7:
            for cut in range(3, len(low) - 2):
                if low[:cut] in common and (low[cut:] in common or low[cut:].rstrip("s") in common):
                    return True
        return False

    def _is_common_start(self, words: list[str], i: int, mid_caps: set[str]) -> bool:
        """A capitalised word that is only capitalised because it starts a sentence."""
        w = words[i]
        if w in self.titles or self._known(w) or w in mid_caps:
            return False
        low = w.lower()
        if low in FUNCTION_WORDS:
            return True
        if not self.looks_common(w):
            return False
        if i > 0 and w in self.heads and words[i - 1][:1].isupper():
            return False  # a head word ending a name: "Crimes Commission"
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt[:1].isupper() and nxt.lower() not in FUNCTION_WORDS:
            # "Will Smith", "Peter Shalulile", "Shah Mahmood Qureshi": a first name, or a
            # word before one, starts a name.
            if w in self.gaz.first_names and nxt.lower() not in self.common:
                return False
            if nxt in self.gaz.first_names and nxt.lower() not in self.common:
                return False
            # "Central Bank of Nigeria", "Constitutional Court": a name with a head word.
            k = i + 1
            while k < len(words) and k < i + 6 and (
                words[k][:1].isupper() or words[k] in ("of", "for", "and")
            ):
                if words[k] in self.heads or words[k] in self.org_first:
                    return words[k] in self.titles
                k += 1
        return True

    def classes(self, tokens: Tokens, protected: set[int]) -> list[str]:
        words = tokens.words
        out: list[str] = []
        headline = _headline_sentences(tokens, self.common)
        # A word written with a capital in mid-sentence elsewhere is a name everywhere.
        mid_caps = {
            w for w, first in zip(words, tokens.sent_start, strict=True) if not first and w[:1].isupper()
        }
        mid_caps.difference_update(words[i] for i in headline)
        for i, w in enumerate(words):
            if i in protected:
                out.append("N")
            elif w == "May" and (not out or out[-1] != "N"):
                out.append("O")  # the month, unless it ends a name ("Theresa May")
            elif (
                w[:1].isupper()
                and w.lower() in FUNCTION_WORDS
                and w not in self.gaz.names
                and not (i > 0 and words[i - 1] in self.titles and words[i + 1 : i + 2] != []
                         and words[i + 1][:1].isupper())
            ):
                out.append("O")  # "A Warsaw court", "— The ministry"; not "Premier He Lifeng"
            elif is_capitalised(w) and w not in self.not_name and (w[0].isalpha() or w[0] in "ŁŠŽČ"):
                starts = tokens.sent_start[i] or i in headline or (
                    # After a dateline: "SANTIAGO, Chile — Wildfires raging ..."
                    i > 1 and words[i - 1] in _DASHES and _early_in_sentence(tokens, i - 1)
                )
                if starts and self._is_common_start(words, i, mid_caps):
                    out.append("O")
                else:
                    out.append("N")
            elif (
                w in ("'s", "’s")
                and out
                and out[-1] == "N"
                and words[i + 1 : i + 2]
                and words[i + 1] in self.heads
                and not (words[i + 2 : i + 3] and words[i + 2][:1].isupper())
                and words[i - 1] not in self.gaz.names
                and " ".join(words[max(0, i - 2) : i]) not in self.gaz.names
            ):
                out.append("C")  # "St. Peter's Square", "Queen's Park"; not "Kenya's Ministry"
            elif w in CONNECTORS:
                out.append("C")
            elif w in PREPOSITIONS:
                out.append("P")
            elif w == "the":
                out.append("D")
            else:
                out.append("O")
        return out

    def protected_phrases(self, words: list[str]) -> set[int]:
        """Tokens inside multi-word gazetteer names, which may hold common words ("New York")."""
        names = self.gaz.names
        out: set[int] = set()
        n = len(words)
        maxw = self.gaz.max_words
        for i in range(n):
            if not words[i][:1].isupper():
                continue
            for k in range(min(maxw, n - i), 1, -1):
                phrase = " ".join(words[i : i + k])
                if phrase in names or (phrase.isupper() and phrase.title() in names):
                    out.update(range(i, i + k))
                    break
        return out

    # --- chunking --------------------------------------------------------------------
    def runs(self, tokens: Tokens) -> list[tuple[int, int]]:
        """Maximal name-like token runs, via RegexpParser over the class tags."""
        from nltk.tree import Tree

        words = tokens.words
        cls = self.classes(tokens, self.protected_phrases(words))
        parser = chunk_parser()
        out: list[tuple[int, int]] = []
        # Parse sentence by sentence so runs never cross a sentence boundary.
        starts = [i for i, f in enumerate(tokens.sent_start) if f and (i == 0 or not tokens.sent_start[i - 1])]
        starts.append(len(words))
        for a, b in zip(starts, starts[1:], strict=False):
            if "N" not in cls[a:b]:
                continue
            tree = parser.parse([(i, cls[i]) for i in range(a, b)])
            for node in tree:
                if isinstance(node, Tree):
                    idx = [leaf[0] for leaf in node.leaves()]
                    out.append((idx[0], idx[-1] + 1))
        return out

    # --- splitting ---------------------------------------------------------------------
    def split(self, tokens: Tokens, i: int, j: int) -> list[Candidate]:
        """Apply the conventions to one run: cut titles and wrong joins, keep the names."""
        words = tokens.words
        out: list[Candidate] = []
        # Break at connectors that do not belong inside this name.
        pieces: list[tuple[int, int]] = []
        start = i
        k = i
        while k < j:
            w = words[k]
            if w in PREPOSITIONS or w == "of":
                left = words[k - 1]
                joined = " ".join(words[start:j])
                keep = left in self.joiners_before_of or left in self.titles or joined in self.gaz.names
                if self._inside_known(words, start, k, j):
                    keep = True  # "Alternative for Germany", "Trinidad and Tobago"
                elif w == "and":
                    keep = self._and_joins(words, start, k, j)
                elif w in PREPOSITIONS and left not in self.org_first and left not in self.org_heads:
                    keep = left in self.titles and w == "for"
                elif w == "on" and left not in ON_JOINERS:
                    keep = False
                if not keep:
                    pieces.append((start, k))
                    k += 1
                    while k < j and words[k] == "the":
                        k += 1
                    start = k
                    continue
            k += 1
        pieces.append((start, j))
        for a, b in pieces:
            out.extend(self._split_titles(tokens, a, b))
        out = [part for c in out for part in self._split_nationality(words, c)]
        return [c for c in (self._trim(tokens, c) for c in out) if c is not None]

    def _split_nationality(self, words: list[str], c: Candidate) -> list[Candidate]:
        """"Ethiopian Water (Minister)": a nationality word in front is a span of its own,
        unless a head word makes the whole an organisation ("Russian Foreign Ministry")."""
        if c.forced or c.j - c.i < 2 or self.gaz.names.get(words[c.i]) != "NORP":
            return [c]
        if " ".join(words[c.i : c.j]) in self.gaz.names or words[c.j - 1] in self.heads:
            return [c]
        return [Candidate(c.i, c.i + 1), Candidate(c.i + 1, c.j)]

    def _inside_known(self, words: list[str], start: int, k: int, j: int) -> bool:
        """Whether the connector at k sits inside a gazetteer name within words[start:j]."""
        names = self.gaz.names
        for a in range(start, k):
            for b in range(j, k + 1, -1):
                if b - a <= self.gaz.max_words and " ".join(words[a:b]) in names:
                    return True
        return False

    def _and_joins(self, words: list[str], start: int, k: int, j: int) -> bool:
        """ "and" inside an organisation's name: "Economic and Financial Crimes Commission",
        "National Service of Meteorology and Hydrology"; never between two known names."""
        left = words[start:k]
        if " ".join(left) in self.gaz.names or k + 1 >= j or words[k + 1] == "the":
            return False
        if left[-1] in self.org_heads:
            return False  # "Reliance Industries and Tata Consultancy Services": two names
        right = words[k + 1 : j]
        if len(right) > 1 and any(w in self.org_heads or w in self.org_first for w in left):
            return False  # "U.S. Agency for International Development and Gulf Cooperation Council"
        if words[j - 1] in self.org_heads:
            return True
        # The part before "and" is itself an organisation by its head ("Service of ...").
        return j == k + 2 and any(
            w in self.org_first and nxt in ("of", "for") for w, nxt in zip(left, left[1:], strict=False)
        )

    def _name_part(self, word: str) -> bool:
        """A word that is part of a personal name, not a title's modifier or an affiliation."""
        if word in self.titles or word in self.title_mods or word in self.gaz.names:
            return False
        return word in self.gaz.first_names and word.lower() not in self.common

    def _title_at(self, words: list[str], k: int, end: int) -> int:
        """Length of the title phrase starting at k (0 if none)."""
        for n in range(min(self.max_title, end - k), 0, -1):
            if tuple(words[k : k + n]) in self.title_phrases.get(n, ()):
                return n
        return 0

    def _split_titles(self, tokens: Tokens, a: int, b: int) -> list[Candidate]:
        words = tokens.words
        # A token with digits ends a name ("Airbus A350", "Boeing 737 MAX") unless the whole
        # is known ("G7"); events ("Berlin Marathon", "Typhoon Yagi") are not in our labels.
        for k in range(a, b):
            if any(ch.isdigit() for ch in words[k]) and words[k] not in self.gaz.names:
                return self._split_titles(tokens, a, k) if k > a else []
        last = words[b - 1] if not _ROMAN.match(words[b - 1]) or b - a < 2 else words[b - 2]
        if words[a] in self.event_first or last in self.event_heads:
            if " ".join(words[a:b]) not in self.gaz.names:
                return []  # "Finance Bill", "World War II", "Paris Agreement"
        if " ".join(words[a:b]) in self.gaz.names or b - a < 2:
            if b - a == 1 and (words[a] in self.titles or words[a] in self.title_mods):
                if words[a] not in self.gaz.names:
                    return []
            return [Candidate(a, b)]
        last = words[b - 1]
        # "Queen Elizabeth Hospital", "Kingston General Hospital": the head wins over titles.
        if last in self.heads and last not in self.titles:
            return [Candidate(a, b)]
        # The last title phrase in the run with a name after it.
        p_end = -1
        t_start = -1
        k = a
        while k < b:
            n = self._title_at(words, k, b)
            if n and k > a and self._name_part(words[k - 1]):
                n = 0  # "Hassan Sheikh Mohamud": a title word after a first name is a name
            if n and words[k] not in ("of", "the"):
                if k + n < b:
                    t_start, p_end = k, k + n
                elif t_start < 0 or k + n == b:
                    t_start, p_end = k, k + n
                k += n
                continue
            k += 1
        if t_start < 0:
            return [Candidate(a, b)]
        # Extend the title to the left over modifiers: "Deputy Foreign Minister".
        q = t_start
        while q > a and (words[q - 1] in self.title_mods or words[q - 1] in self.titles):
            q -= 1
        out: list[Candidate] = []
        if q > a:
            out.extend(self._split_titles(tokens, a, q) if q - a > 1 else [Candidate(a, q)])
        if p_end < b:
            rest = p_end
            if words[rest] in CONNECTORS and words[rest] not in PARTICLES:
                rest += 1
                while rest < b and words[rest] == "the":
                    rest += 1
                if rest < b:
                    out.append(Candidate(rest, b))
            elif self.gaz.names.get(" ".join(words[rest:b])) not in (None, "PERSON"):
                out.append(Candidate(rest, b))  # "Former Australia captain": a place
            elif all(w.lower() in self.common for w in words[rest:b]):
                # "General Staff": common words after a title word are no person's name.
                out.append(Candidate(q if t_start == p_end - 1 else rest, b))
            else:
                cue = "mr" if words[p_end - 1].rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Dr") else "title"
                out.append(Candidate(rest, b, forced="PERSON", cue=cue))
        return out

    def _trim(self, tokens: Tokens, c: Candidate) -> Candidate | None:
        """No connector or "the" at either end; no lone title or head word."""
        words = tokens.words
        i, j = c.i, c.j
        while i < j and (words[i] in CONNECTORS or words[i] in PREPOSITIONS or words[i] == "the"):
            i += 1
        while j > i and (
            words[j - 1] in CONNECTORS or words[j - 1] in PREPOSITIONS or words[j - 1] == "the"
        ):
            j -= 1
        if i >= j:
            return None
        if j - i == 1 and c.forced is None:
            w = words[i]
            if (w in self.titles or w in self.title_mods) and w not in self.gaz.names:
                return None
        return Candidate(i, j, c.forced, c.cue)

    def find(self, tokens: Tokens) -> list[Candidate]:
        out: list[Candidate] = []
        for i, j in self.runs(tokens):
            out.extend(self.split(tokens, i, j))
        return out


def _early_in_sentence(tokens: Tokens, k: int, limit: int = 8) -> bool:
    """Whether token k is among the first `limit` tokens of its sentence (a dateline dash)."""
    for back in range(limit + 1):
        if k - back < 0 or tokens.sent_start[k - back]:
            return True
    return False


def _headline_sentences(tokens: Tokens, common: frozenset[str]) -> set[int]:
    """Tokens of Title Case Lines, where capitals say nothing about names."""
    out: set[int] = set()
    words = tokens.words
    n = len(words)
    i = 0
    while i < n:
        j = i + 1
        while j < n and not tokens.sent_start[j]:
            j += 1
        caps = sum(
            1 for w in words[i:j] if w[:1].isupper() and len(w) > 3 and w.lower() in common
        )
        alpha = sum(1 for w in words[i:j] if w[:1].isalpha())
        # A headline has no final period and capitalises most of its words.
        if caps >= 3 and caps * 5 >= alpha * 3 and words[j - 1] not in (".", "?", "!"):
            out.update(range(i, j))
        i = j
    return out
