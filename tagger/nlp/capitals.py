"""Which capitalised words can be names: one class letter per token for the run grammar.

Capitals in news copy mean many things besides a name: a sentence start ("Police said"),
a headline in Title Case, a dateline dash, a function word after a quote ("— The"), a
month. This module decides, token by token, N (may be part of a name), C (a connector
inside names: "of", "bin", "arap"), P (a preposition that joins organisation names only),
D ("the") or O (anything else), using the lexicon's common words and the gazetteers.
"""

from __future__ import annotations

import re

from tagger.nlp.gazetteer import Gazetteer
from tagger.nlp.tokens import Tokens

# Lowercase words that may sit inside a name.
CONNECTORS = frozenset(
    "of de del della dei da das do dos du des las los van von der den ten ter la le les bin "
    "ibn bint "
    "al el ul ud arap wa y di & ben abu".split()
)
# Prepositions that join only after an organisation word ("Commission for Human Rights").
PREPOSITIONS = frozenset(("for", "on", "and", "in"))
PARTICLES = CONNECTORS - {"of", "&"}
# Plural nouns whose possessive opens an organisation's name, never a place's genitive.
GROUP_NOUNS = frozenset(
    "Women Children People Peoples Men Workers Farmers Veterans Citizens Journalists Teachers "
    "Nurses Doctors Lawyers Students Mothers Pilots Traders Employers Growers Miners".split()
)
# Legal forms written before a company's name.
COMPANY_PREFIXES = frozenset("PT JSC PJSC OJSC OAO ZAO OOO".split())
# Heads of military unit names, which carry an ordinal or a number: "3rd Infantry Division".
UNIT_HEADS = frozenset(
    "Brigade Brigades Battalion Battalions Regiment Division Corps Army Fleet Squadron Wing "
    "Group Company Detachment Infantry Guards Marines Rangers".split()
)
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")
_DASHES = frozenset("—–-")
_MONTH_NAMES = frozenset(("April", "June", "August"))  # months that are also first names
# Penn Treebank tags of words that are never the start of a name.
_NOT_NOUN_TAGS = ("VB", "RB", "JJ", "IN", "DT", "CC", "PRP", "MD", "WDT", "WP", "WRB", "TO", "EX", "UH")
# Closed-class words that start sentences; never the first name of "Will Smith".
FUNCTION_WORDS = frozenset(
    "the a an this that these those he she it we they i you his her its our their my your "
    "but and or so yet if when while after before as at in on of for with by from to into "
    "there here what which who whom whose where why how not no some any all many most more "
    "such both each every other another one is was are were be been has have had do does did "
    "will would can could may might must should shall also still even only just then thus "
    "several few various numerous".split()
)


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


class TokenClassifier:
    """Class letters for the tokens of a document (see the module docstring)."""

    def __init__(self, gaz: Gazetteer, common: frozenset[str]) -> None:
        self.gaz = gaz
        self.common = common
        self.not_name = gaz.words("NOT_NAME")
        self.titles = gaz.words("TITLE")
        self.org_first = gaz.words("ORG_FIRST")
        self.heads = gaz.heads()
        self.unit_heads = UNIT_HEADS
        self.org_heads = gaz.words("ORG_HEAD")
        self.speech = gaz.words("PERSON_VERB")

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

    def _is_common_start(
        self, words: list[str], i: int, mid_caps: set[str], tag: str | None = None
    ) -> bool:
        """A capitalised word that is only capitalised because it starts a sentence.

        `tag` is the part of speech of the word written in lowercase, in its sentence: a
        verb, adverb, adjective or function word there is no name ("Speaking", "Unlike").
        """
        w = words[i]
        if w in self.titles or self._known(w) or w in mid_caps:
            return False
        low = w.lower()
        if low in FUNCTION_WORDS:
            return True
        if not self.looks_common(w):
            if not (tag and tag.startswith(_NOT_NOUN_TAGS)) or w in self.gaz.first_names:
                return False
        if i > 0 and w in self.heads and words[i - 1][:1].isupper():
            return False  # a head word ending a name: "Crimes Commission"
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in self.org_first and nxt[:1].isupper() and nxt.lower() not in FUNCTION_WORDS:
            return False  # "Bank Indonesia", "University College London"
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

    def classes(
        self, tokens: Tokens, protected: set[int], tags: list[str] | None = None
    ) -> list[str]:
        """Class letters; `tags` (parts of speech, sentence starts lowercased) are optional."""
        words = tokens.words
        out: list[str] = []
        headline = _headline_sentences(tokens, self.common)
        # A word written with a capital in mid-sentence elsewhere is a name everywhere.
        mid_caps = {
            w for w, first in zip(words, tokens.sent_start, strict=True) if not first and w[:1].isupper()
        }
        mid_caps.difference_update(words[i] for i in headline)
        # Head and title words are capitalised inside names ("Kenya Police"), not as names.
        mid_caps.difference_update(self.heads)
        mid_caps.difference_update(self.titles)
        short_forms = self._company_short_forms(words)
        # Words that end a full name in the body, so that a headline may use them alone.
        surnames = {
            w
            for i, w in enumerate(words)
            if i > 0 and i not in headline and w[:1].isupper() and not tokens.sent_start[i]
            and words[i - 1][:1].isupper() and words[i - 1].lower() not in FUNCTION_WORDS
            and w not in self.heads and w.lower() not in FUNCTION_WORDS
        } if headline else set()
        lower_particles = [
            (w, words[i + 1 : i + 2]) for i, w in enumerate(words) if w in PARTICLES and i > 0
        ]
        for i, w in enumerate(words):
            if i in protected:
                out.append("N")
            elif w == "May":
                # The month, unless it ends a name ("Theresa May").
                out.append("N" if out and out[-1] == "N" and words[i - 1] in self.gaz.first_names else "O")
            elif (
                w[:1].isupper()
                and w.lower() in FUNCTION_WORDS
                and w not in self.gaz.names
                and not (i > 0 and words[i - 1] in self.titles and words[i + 1 : i + 2] != []
                         and words[i + 1][:1].isupper())
            ):
                out.append("O")  # "A Warsaw court", "— The ministry"; not "Premier He Lifeng"
            elif w in COMPANY_PREFIXES and words[i + 1 : i + 2] and words[i + 1][:1].isupper():
                out.append("N")  # "PT Sumber Jaya", "PJSC Rosneft": a company form before the name
            elif unit_number(words, i, self.unit_heads):
                out.append("N")  # "31st Assault Brigade", "Mountain Regiment 112"
            elif is_capitalised(w) and w not in self.not_name and (w[0].isalpha() or w[0] in "ŁŠŽČ"):
                starts = tokens.sent_start[i] or i in headline or (
                    # After a dateline: "SANTIAGO, Chile — Wildfires raging ..."
                    i > 1 and words[i - 1] in _DASHES and _early_in_sentence(tokens, i - 1)
                )
                tag = tags[i] if tags is not None else None
                if w in short_forms and words[i + 1 : i + 2] and words[i + 1] in self.speech:
                    out.append("N")  # "Delta said" after "Delta Air Lines"
                elif i in headline and w in surnames:
                    out.append("N")  # "Sinner Beats Medvedev" over "Jannik Sinner beat ..."
                elif w.lower() in PARTICLES and (w.lower(), words[i + 1 : i + 2]) in lower_particles:
                    out.append("N")  # "Ten Hag" at a sentence start after "Erik ten Hag"
                elif starts and self._is_common_start(words, i, mid_caps, tag):
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
            elif (
                w in ("'s", "’s", "'", "’")
                and out
                and out[-1] == "N"
                and words[i - 1] in GROUP_NOUNS
                and tokens.starts[i] == tokens.ends[i - 1]
                and words[i + 1 : i + 2]
                and words[i + 1][:1].isupper()
            ):
                out.append("C")  # "Nigerian Women's Trust Fund", "Workers' Party"
            elif (
                w in ("'", "’")
                and out
                and out[-1] == "N"
                and words[i - 1].endswith("s")
                and tokens.starts[i] == tokens.ends[i - 1]
                and words[i + 1 : i + 2]
                and (words[i + 1] in self.heads or words[i + 1] in self.org_first)
            ):
                out.append("C")  # "Airline Pilots' Association", "Farmers' Union"
            elif (
                w in _MONTH_NAMES
                and words[i + 1 : i + 2]
                and words[i + 1][:1].isupper()
                and words[i + 1].lower() not in self.common
                and words[i + 1] not in self.gaz.names
                and words[i + 1] not in self.not_name
            ):
                out.append("N")  # "Judge April Perry", "June Carter": a first name
            elif w in CONNECTORS:
                out.append("C")
            elif w in PREPOSITIONS:
                out.append("P")
            elif w == "the":
                out.append("D")
            else:
                out.append("O")
        return out

    def _company_short_forms(self, words: list[str]) -> set[str]:
        """First words of two- or three-word company names ending in an organisation head
        ("Delta Air Lines", "Apex Motors"): their short form, even a common word, is a name."""
        out: set[str] = set()
        for i in range(len(words) - 1):
            w = words[i]
            if not w[:1].isupper() or w in self.org_first or w in self.titles or w.lower() in FUNCTION_WORDS:
                continue
            if words[i + 1] in self.org_heads or (
                words[i + 1][:1].isupper() and words[i + 2 : i + 3] and words[i + 2] in self.org_heads
            ):
                out.add(w)
            elif words[i + 1][:1].isupper() and any(
                self.gaz.names.get(" ".join(words[i:k])) == "ORGANIZATION" for k in (i + 2, i + 3, i + 4)
            ):
                out.add(w)  # a known company: "Delta Air Lines"
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


def unit_number(words: list[str], i: int, heads: frozenset[str]) -> bool:
    """An ordinal before a unit's name ("31st Separate Assault Brigade"), or a number right
    after a unit head ("Mountain Regiment 112", "Brigade 47")."""
    w = words[i]
    if _ORDINAL_DIGITS.match(w):
        k = i + 1
        while k < len(words) and k < i + 5 and words[k][:1].isupper():
            if words[k] in heads:
                return True
            k += 1
        return False
    return w.isdigit() and len(w) <= 4 and i > 0 and words[i - 1] in heads and words[i - 1] != "Group"


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
