"""Candidate names: capitalised token runs chunked with nltk.RegexpParser, then split by rule.

Each token gets a one-letter class from `tagger.nlp.capitals` (N name-like, C connector such
as "of"/"bin"/"arap", P a preposition joining organisation names, D "the", O other) and the
parser groups runs such as "Daniel arap Moi" or "Bank of the Ozarks". The rules after it apply the span
conventions: titles ("President", "Foreign Minister") are cut off and make what follows a
person, nationality words in front are split off, and connectors never end a span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tagger.nlp.capitals import (
    CONNECTORS,
    PARTICLES,
    PREPOSITIONS,
    UNIT_HEADS,
    TokenClassifier,
    unit_number,
)
from tagger.nlp.gazetteer import Gazetteer
from tagger.nlp.tokens import Tokens

GRAMMAR = r"NAME: {<N>+(<[CP]>+<D>?<N>+)*}"
# Lowercase nouns after a name that make it an organisation's: "the Georgian Dream party".
_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "aire", "eur", "man", "woman")
ORG_NOUNS = frozenset("party alliance coalition movement militia bloc faction group".split())
# The longest capitalised run worth reading as names ("Luiz Inacio Lula da Silva" has 5).
MAX_RUN = 16
ON_JOINERS = frozenset(
    "Commission Committee Council Conference Convention Panel Forum Coalition Network "
    "Alliance Initiative Institute Centre Center Task Force Campaign Coordination".split()
)
DEBT_NOUNS = frozenset(
    "yield yields bond bonds note notes bill bills prices price market markets securities "
    "futures auction auctions curve rally selloff sell-off holdings".split()
)
# A model code mixing letters and digits: "X2", "A320", "Mk4", "T-90M" (not a plain number).
_MODEL = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z]{1,3}-?\d+[A-Za-z]{0,3}$|^\d+[A-Za-z]{1,3}$")
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ary", "ian")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens i..j-1 form a name; `forced` is a label the context already decided."""

    i: int
    j: int
    forced: str | None = None


@lru_cache(maxsize=1)
def chunk_parser():
    from nltk.chunk import RegexpParser

    return RegexpParser(GRAMMAR)


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
        self.not_name = gaz.words("NOT_NAME")
        self.titles = gaz.words("TITLE")
        self.title_mods = gaz.words("TITLE_MODIFIER")
        self.org_heads = gaz.words("ORG_HEAD")
        self.org_first = gaz.words("ORG_FIRST")
        self.heads = gaz.heads()
        self.joiners_before_of = self.org_first | gaz.words("LOC_HEAD") | gaz.words("GPE_HEAD")
        self.title_phrases = _title_phrases(gaz)
        self.event_heads = gaz.words("EVENT_HEAD")
        self.event_first = gaz.words("EVENT_FIRST")
        self.speech = gaz.words("PERSON_VERB")
        self.max_title = max(self.title_phrases, default=1)
        self.classifier = TokenClassifier(gaz, common)

    # --- token classes (tagger.nlp.capitals) ---------------------------------------------
    def classes(self, tokens: Tokens, protected: set[int], tags=None) -> list[str]:
        return self.classifier.classes(tokens, protected, tags)

    def protected_phrases(self, words: list[str]) -> set[int]:
        return self.classifier.protected_phrases(words)

    # --- chunking --------------------------------------------------------------------
    def runs(self, tokens: Tokens, tags: list[str] | None = None) -> list[tuple[int, int]]:
        """Maximal name-like token runs, via RegexpParser over the class tags."""
        from nltk.tree import Tree

        words = tokens.words
        cls = self.classes(tokens, self.protected_phrases(words), tags)
        parser = chunk_parser()
        out: list[tuple[int, int]] = []
        # Parse sentence by sentence so runs never cross a sentence boundary.
        starts = [i for i, f in enumerate(tokens.sent_start) if f and (i == 0 or not tokens.sent_start[i - 1])]
        starts.append(len(words))
        for a, b in zip(starts, starts[1:], strict=False):
            # An O token always ends a run, so only the stretches between them that hold an
            # N are parsed: the same runs, without regex work on long name-free stretches.
            k = a
            while k < b:
                while k < b and cls[k] != "N":
                    k += 1
                end = k
                while end < b and cls[end] != "O":
                    end += 1
                if k < end:
                    tree = parser.parse([(i, cls[i]) for i in range(k, end)])
                    for node in tree:
                        if isinstance(node, Tree):
                            idx = [leaf[0] for leaf in node.leaves()]
                            out.append((idx[0], idx[-1] + 1))
                k = end
        return out

    # --- splitting ---------------------------------------------------------------------
    def split(self, tokens: Tokens, i: int, j: int) -> list[Candidate]:
        """Apply the conventions to one run: cut titles and wrong joins, keep the names."""
        words = tokens.words
        if j - i > MAX_RUN and (j - i > 2 * MAX_RUN or sum(w[:1].isupper() for w in words[i:j]) > MAX_RUN):
            return []  # a wall of capitals (a list, a shouted line) is no single name
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
                if w == "of" and not keep:
                    # "Centre for the Study of Conflict", "Institute for the Study of War": the
                    # name is already an organisation's complement ("Centre for ..."), so "of"
                    # goes on with it.
                    keep = any(
                        (words[p] in self.org_first or words[p] in self.org_heads)
                        and words[p + 1] in ("for", "on")
                        for p in range(start, k - 1)
                    )
                if self._inside_known(words, start, k, j):
                    keep = True  # "Alternative for Germany", "Trinidad and Tobago"
                elif w == "and":
                    keep = self._and_joins(words, start, k, j)
                elif w == "in":
                    keep = left in ("Mission", "Missions")  # "UN Assistance Mission in Afghanistan"
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
        if " ".join(words[c.i : c.j]) in self.gaz.names or any(
            w in self.heads for w in words[c.i + 1 : c.j]
        ):
            return [c]  # "Russian Foreign Ministry", "African Union Transition Mission in Somalia"
        if words[c.j : c.j + 1] and words[c.j] in ORG_NOUNS:
            return [c]  # "the ruling Georgian Dream party"
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
        if not left or " ".join(left) in self.gaz.names or k + 1 >= j or words[k + 1] == "the":
            return False
        right = words[k + 1 : j]
        if (
            any(w in self.org_first and nxt in ("of", "for", "on") for w, nxt in zip(left, left[1:], strict=False))
            and all(w.lower() in self.common for w in right)
            and (
                left[-1].endswith(_ADJECTIVE_ENDINGS)
                or any(w in ("Ministry", "Department", "Ministries") for w in left)  # portfolios
                or not any(w in self.org_heads or w in self.org_first for w in right)
                or (right[0] not in self.org_first and right[-1] in self.org_heads and len(right) <= 2)
            )
            and not any(" ".join(right[:n]) in self.gaz.names for n in range(1, len(right) + 1))
        ):
            # "Centre for Strategic and International Studies", "Ministry of Foreign Affairs
            # and International Cooperation", "Association of Mineworkers and Construction
            # Union": common words after "and" that no known name starts.
            return True
        if left[-1] in self.org_heads:
            return False  # "Reliance Industries and Tata Consultancy Services": two names
        right = words[k + 1 : j]
        if len(right) > 1 and any(w in self.org_heads or w in self.org_first for w in left):
            return False  # "U.S. Agency for International Development and Gulf Cooperation Council"
        if words[j - 1] in self.org_heads:
            return True
        # The part before "and" is itself an organisation by its head ("Service of ..."), and
        # both words around "and" are common ("Meteorology and Hydrology"), unlike
        # "Commonwealth Bank of Australia and Westpac".
        if left[-1].lower() not in self.common or words[k + 1].lower() not in self.common:
            return False
        return j == k + 2 and any(
            w in self.org_first and nxt in ("of", "for") for w, nxt in zip(left, left[1:], strict=False)
        )

    def _role_word(self, tokens: Tokens, a: int, b: int) -> bool:
        """A sentence-initial job word before a first name, which no gazetteer knows."""
        words = tokens.words
        if b - a < 3 or not (tokens.sent_start[a] or words[a] in self.title_mods):
            return False
        first, second = words[a], words[a + 1]
        gaz = self.gaz
        # A title word or a common noun ("Substitute", "Analyst", "Executive" left over
        # from "Chief Executive") before a first name is a role, not part of the name.
        role = first.endswith(_ROLE_ENDINGS) or first in self.titles or first in self.title_mods or (
            first.lower() in self.common and first.isalpha()
        )
        return (
            role
            and first not in gaz.first_names
            and first not in gaz.names
            and first.lower() not in gaz.first_names
            and second in gaz.first_names
            and (second.lower() not in self.common or first in self.title_mods or first in self.titles)
            and words[b - 1] not in self.heads
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
        if self._role_word(tokens, a, b):
            a += 1  # "Billionaire Bidzina Ivanishvili", "Striker Victor Osimhen"
        # A token with digits ends a name ("Airbus A350", "Boeing 737 MAX") unless the whole
        # is known ("G7"); events ("Berlin Marathon", "Typhoon Yagi") are not in our labels.
        for k in range(a, b):
            if any(ch.isdigit() for ch in words[k]) and words[k] not in self.gaz.names:
                if unit_number(words, k, UNIT_HEADS):
                    continue  # "31st Assault Brigade", "Mountain Regiment 112"
                if k > a and _MODEL.match(words[k]) and " ".join(words[a:k]) not in self.gaz.names:
                    return []  # "Kestrel X2 drone": a product and its model code
                return self._split_titles(tokens, a, k) if k > a else []
        last = words[b - 1] if not _ROMAN.match(words[b - 1]) or b - a < 2 else words[b - 2]
        org_of = any(
            words[p] in self.org_first and words[p + 1] in ("of", "for", "on") for p in range(a, b - 1)
        )  # "Institute for the Study of Maritime Law" is no law
        speaks = b - a == 1 and words[b : b + 1] and words[b] in self.speech  # "Summit said"
        if (words[a] in self.event_first or last in self.event_heads) and not org_of and not speaks:
            if " ".join(words[a:b]) not in self.gaz.names:
                # "Finance Bill", "World War II" are no names; in "Melbourne Test" or
                # "Paris Olympics" the place still is one.
                for k in range(b - 1, a, -1):
                    if self.gaz.names.get(" ".join(words[a:k])) in ("GPE", "LOCATION"):
                        return [Candidate(a, k)]
                return []
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
        if t_start < 0 or (
            words[a] in self.org_first and any(w in ("of", "for", "on") for w in words[a + 1 : t_start])
        ):
            # "Office of the High Commissioner for Human Rights", "Commission on Human Rights
            # and Administrative Justice": a title word inside an organisation's complement.
            return [Candidate(a, b)]
        # Extend the title to the left over modifiers: "Deputy Foreign Minister".
        q = t_start
        while q > a and (words[q - 1] in self.title_mods or words[q - 1] in self.titles):
            q -= 1
        if q == a + 1 and tokens.sent_start[a] and words[a].lower() in self.common and (
            words[a] not in self.gaz.names and words[a] not in self.gaz.first_names
        ):
            q = a  # "(Chief) Operating Officer Ruth Wanjiru": a common word opening the title
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
                out.append(Candidate(rest, b, forced="PERSON"))  # after a title: a person
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
        # "U.S. Treasury yields": government debt, not the department; the place stays.
        if words[j - 1] in ("Treasury", "Treasuries", "Bund", "Bunds") and words[j : j + 1] and (
            words[j] in DEBT_NOUNS
        ):
            j -= 1
        if i >= j:
            return None
        if j - i == 1 and c.forced is None:
            w = words[i]
            if (w in self.titles or w in self.title_mods) and w not in self.gaz.names:
                return None
        return Candidate(i, j, c.forced)

    def find(self, tokens: Tokens, tags: list[str] | None = None) -> list[Candidate]:
        out: list[Candidate] = []
        for i, j in self.runs(tokens, tags):
            out.extend(self.split(tokens, i, j))
        return out
