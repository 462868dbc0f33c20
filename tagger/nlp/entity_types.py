"""Entity typing for candidate names, shared by both back-ends: gazetteers, heads, cues, document.

A name gets its type from the strongest evidence available: a cue the candidate finder saw
(a title means PERSON), a dateline, the gazetteers, the name's head word ("... Ministry",
"Lake ..."), a first name, an acronym, the words around it ("in X", "X said"). Names still
untyped then borrow the type of the same name, or of a full name it is part of, elsewhere in
the document ("Moi" after "Daniel arap Moi"), before a last-resort guess.
"""

from __future__ import annotations

import re

from tagger.models import Span
from tagger.nlp.candidates import PARTICLES, Candidate
from tagger.nlp.cues import (
    ALIAS_CUES,
    COMPANY_SUFFIX,
    COMPASS,
    FACILITY_FIRST,
    LOCATION_FIRST,
    NOT_NAME_NEXT,
    ORG_CENTRE,
    PLACE_FIRST,
    PLACE_SUFFIX,
    SURNAME_SUFFIX,
    acronym,
    appositive,
    context_cue,
    coordinated,
    dateline,
    demonym,
    hyphen_parts,
    quoted,
    ticker_or_index,
)
from tagger.nlp.gazetteer import Gazetteer
from tagger.nlp.headline import headline_evidence
from tagger.nlp.tokens import Tokens

STORM_WORDS = frozenset(("Hurricane", "Typhoon", "Cyclone", "Storm"))
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
# "al-Harbi", "el-Sisi", "ash-Shara": a family name written with the Arabic article.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az)-[A-Z]")
# Lower-case particles that open a surname used alone: "de Almeida", "van Dijk".
SURNAME_PARTICLES = frozenset("de da dos das do del della di du van von der den ter bin ibn abu".split())
# A model number ("737", "A320", "X2"), not a compound such as "10-year".
_MODEL_CODE = re.compile(r"^[A-Za-z]{0,3}-?\d+[A-Za-z]{0,3}$")


class EntityTyper:
    """Types candidates of one document; construct once, call `type_document` per text."""

    def __init__(self, gaz: Gazetteer, common: frozenset[str]) -> None:
        self.gaz = gaz
        self.common = common
        self.org_heads = gaz.words("ORG_HEAD")
        self.org_first = gaz.words("ORG_FIRST")
        self.fac_heads = gaz.words("FAC_HEAD")
        self.loc_heads = gaz.words("LOC_HEAD")
        self.gpe_heads = gaz.words("GPE_HEAD")
        self.person_verbs = gaz.words("PERSON_VERB")
        self.not_name = gaz.words("NOT_NAME")
        self.event_first = gaz.words("EVENT_FIRST")

    # --- evidence from the name itself ------------------------------------------------
    def _lookup(self, name: str) -> str | None:
        names = self.gaz.names
        label = names.get(name)
        if label is None and name.isupper() and len(name) > 3:
            label = names.get(name.title())
        return label

    def _by_head(self, words: list[str]) -> str | None:
        if len(words) > 1 and words[-1].isdigit():
            words = words[:-1]  # "Mountain Regiment 112"
        first, last = words[0], words[-1]
        if len(words) >= 3:
            # "Law Society of Kenya", "Institute for International Economics".
            for k in range(1, len(words) - 1):
                if words[k] in ("of", "for", "on") and (
                    words[k - 1] in self.org_heads or words[k - 1] in self.org_first
                ):
                    if words[k - 1] in self.loc_heads and words[k - 1] not in self.org_first:
                        break
                    return "ORGANIZATION"
        if len(words) >= 2:
            if len(words) >= 3 and words[1] == "of":
                if first in self.org_first:
                    return "ORGANIZATION"
                if first in self.loc_heads:
                    return "LOCATION"
                if first in self.gpe_heads:
                    return "GPE"
            if last in self.org_heads:
                return "ORGANIZATION"
            if last in ("Center", "Centre", "Centers", "Centres") and any(w in ORG_CENTRE for w in words):
                return "ORGANIZATION"  # "National Tsunami Center", "Democratic Centre"
            if last in self.fac_heads:
                return "FACILITY"
            if last in self.loc_heads:
                return "LOCATION"
            if last in self.gpe_heads:
                return "GPE"
            if first in LOCATION_FIRST:
                return "LOCATION"
            if first in PLACE_FIRST:
                return "GPE"  # "Santa Rosa de Quives", "Port Harcourt"
            if first in FACILITY_FIRST:
                return "FACILITY"  # "Hotel Thermal", "Camp Lemonnier"
            if first in COMPASS:
                rest = self._lookup(" ".join(words[1:]))
                return rest if rest in ("GPE", "LOCATION") else "LOCATION"
            if first in self.org_first and first not in ("House", "Order", "Party"):
                return "ORGANIZATION"
        return None

    def _looks_person(self, words: list[str]) -> bool:
        first = words[0]
        if len(words) < 2 or len(words) > 5:
            return False
        if any(w.isupper() and len(w) > 2 and not _INITIALS.match(w) for w in words):
            return False
        if first in self.gaz.major:
            # "Jordan Henderson", "Israel Adesanya"; not "Kenya Airways", "China Daily".
            second = words[1]
            return (
                len(words) == 2
                and first in self.gaz.first_names
                and second.lower() not in self.common
                and second not in self.gaz.names
                and second not in self.org_heads
            )
        if first in self.gaz.first_names and (
            first.lower() not in self.common or words[1][:1].isupper()
        ):
            return all(w[:1].isupper() or w in PARTICLES for w in words)
        # Initials: "John F. Kennedy", "J.K. Rowling", "S. Jaishankar".
        return any(_INITIALS.match(w) for w in words[:-1]) and not words[-1].isupper()

    # --- the document ---------------------------------------------------------------------
    def type_document(
        self,
        text: str,
        tokens: Tokens,
        cands: list[Candidate],
        hints: dict[tuple[int, int], str] | None = None,
    ) -> list[Span]:
        """Spans for the candidates; `hints` are (i, j) -> label from a statistical chunker,
        used where this typer would otherwise guess."""
        words = tokens.words
        hints = hints or {}
        names = self.gaz.names
        first = [self._first_pass(text, tokens, c) for c in cands]
        headline_evidence(text, tokens, cands, first, self.common)
        # A multi-word name with no evidence is most often a person ("Tigist Worku"); its
        # words then explain later surname-only mentions.
        typed = {
            tuple(words[c.i : c.j]) for c, (lab, st, _w) in zip(cands, first, strict=True) if lab and st != "guess"
        }  # names a context typed somewhere: "shares of Marlin Vantage" types them all
        for k, (c, (_label, strength, weak)) in enumerate(zip(cands, first, strict=True)):
            if strength == "guess" and c.j - c.i > 1 and weak is None and tuple(words[c.i : c.j]) not in typed:
                if context_cue(tokens, c, self.person_verbs) != "PLACE" and self._guess(tokens, c, None) == "PERSON":
                    first[k] = ("PERSON", "cue", None)
        doc: dict[str, str] = {}
        # "Freddy" after "Cyclone Freddy": a storm's name, no span anywhere in the document.
        storms = {nxt for w, nxt in zip(words, words[1:], strict=False) if w in STORM_WORDS and nxt[:1].isupper()}
        person_parts: set[str] = set()
        org_parts: set[str] = set()
        # A context that calls a name a company ("shares of Marlin Vantage") beats a first
        # name or a speech verb elsewhere ("Marlin Vantage said"), which people share.
        org_named = {
            tuple(words[c.i : c.j])
            for c, (lab, st, _w) in zip(cands, first, strict=True)
            if lab == "ORGANIZATION" and st in ("cue", "strong")
        }
        for k, (c, (lab, st, weak)) in enumerate(zip(cands, first, strict=True)):
            if lab == "PERSON" and st in ("cue", "strong") and tuple(words[c.i : c.j]) in org_named:
                first[k] = ("ORGANIZATION", st, weak)
        for c, (label, strength, _weak) in zip(cands, first, strict=True):
            if not label or strength == "guess":
                continue
            span_words = words[c.i : c.j]
            doc.setdefault(" ".join(span_words), label)
            if label == "PERSON":
                guessed = strength == "cue"
                for w in span_words:
                    if guessed and w.lower() in self.common:
                        continue
                    if (
                        (w[:1].isupper() or _ARABIC_ARTICLE.match(w))
                        and len(w) > 1
                        and not w.isupper()
                        and not w.endswith(".")
                        and w not in self.gaz.major
                        and names.get(w) not in ("NORP", "ORGANIZATION")
                    ):
                        person_parts.add(w)
            elif label == "ORGANIZATION" and len(span_words) > 1:
                # "Kansai" after "Kansai Motor Corp.", "Rovers" after "Ashanti Rovers".
                for part in (span_words[0], span_words[-1]):
                    if part not in names and part.lower() not in self.common and part[:1].isupper():
                        org_parts.add(part)
                if (
                    len(span_words) <= 3
                    and (span_words[-1] in self.org_heads or names.get(" ".join(span_words)) == "ORGANIZATION")
                    and span_words[0] not in names
                    and span_words[0] not in self.org_first
                ):
                    org_parts.add(span_words[0])  # "Delta" after "Delta Air Lines"
            # "Kenya Defence Forces (KDF)": the short form gets the name's type.
            if c.j + 2 < len(words) and words[c.j] == "(" and words[c.j + 2] == ")":
                short = words[c.j + 1]
                if short[:1].isupper() and len(short) <= 8 and short.isalnum():
                    doc[short] = label
        spans: list[Span] = []
        for n, (c, (label, strength, weak)) in enumerate(zip(cands, first, strict=True)):
            name = " ".join(words[c.i : c.j])
            single = c.j - c.i == 1
            if strength is None or (strength == "guess" and name in storms):
                continue  # decided: not a name ("El Niño", "COVID")
            if strength not in ("forced", "major"):
                cue = context_cue(tokens, c, self.person_verbs)
                if single and name in person_parts and cue != "PLACE":
                    label = "PERSON"
                elif strength == "guess" or label is None:
                    label = doc.get(name) or (
                        "PERSON" if not single and words[c.j - 1] in person_parts else None
                    )
                    if label is None and single and name in org_parts:
                        label = "ORGANIZATION"
                    if label is None and single:
                        label = coordinated(cands, first, n, words)
                    if label is None and spans and words[max(0, c.i - 2) : c.i] in ALIAS_CUES:
                        label = spans[-1].label  # "Joko Widodo, known as Jokowi"
                    if label is None:
                        label = weak or hints.get((c.i, c.j)) or self._guess(tokens, c, cue)
            if label:
                start = tokens.starts[c.i]
                if single and label != "NORP" and "-" in name:
                    parts = hyphen_parts(self.gaz, name, start)
                    if parts:
                        spans.extend(parts)
                        continue
                if label == "PERSON" and c.i > 0 and words[c.i - 1] in SURNAME_PARTICLES and (
                    c.i < 2 or not words[c.i - 2][:1].isupper()
                ):
                    start = tokens.starts[c.i - 1]  # "de Almeida", "van Dijk" as a surname
                spans.append(Span(start, tokens.ends[c.j - 1], label))
        return spans

    def _first_pass(
        self, text: str, tokens: Tokens, c: Candidate
    ) -> tuple[str | None, str | None, str | None]:
        """(label, strength, weak guess); strength is forced, major, strong, cue or guess."""
        words = tokens.words[c.i : c.j]
        name = " ".join(words)
        if c.forced:
            return c.forced, "forced", None
        if dateline(tokens, c, text):
            return "GPE", "forced", None
        if name in self.not_name or (len(name) == 1) or ticker_or_index(tokens, c):
            return None, None, None
        nxt = tokens.words[c.j] if c.j < len(tokens.words) else ""
        if name in COMPASS and nxt in ("and", "or", "&") and tokens.words[c.j + 1 : c.j + 2] and (
            tokens.words[c.j + 1] in COMPASS
        ):
            return None, None, None  # "North and East Africa": a dangling adjective, no place
        if nxt in NOT_NAME_NEXT and name not in self.gaz.major and self._lookup(name) != "ORGANIZATION":
            return None, None, None  # "Marburg virus", "Omicron variant"
        before = tokens.words[max(0, c.i - 2) : c.i]
        if before and (
            before[-1] in self.event_first  # "Typhoon Yagi", "Operation Desert Storm"
            or (len(before) == 2 and _MODEL_CODE.match(before[1]) and before[0][:1].isupper())
        ):
            return None, None, None  # "Boeing 737 MAX": a model name
        label = self._lookup(name)
        if label:
            if name in self.gaz.major:
                return label, "major", None
            if label == "GPE" and context_cue(tokens, c, self.person_verbs) == "ORGANIZATION":
                return "ORGANIZATION", "cue", None  # "Sevilla coach": a club, not the city
            return label, "strong", None
        label = self._by_head(words)
        if label == "FACILITY" and nxt in self.person_verbs:
            return "ORGANIZATION", "strong", None  # "Dangote Refinery said": the company speaks
        if label:
            return label, "strong", None
        for k in range(1, len(words) - 1):  # a known name of two words or more at the end
            if self.gaz.names.get(" ".join(words[k:])) == "ORGANIZATION":
                return "ORGANIZATION", "strong", None  # "Philippine Red Cross"
        if len(words) > 1 and quoted(tokens, c):
            return None, None, None  # '"The Last Harvest"': a title of a work, not a name
        cue = context_cue(tokens, c, self.person_verbs)
        if cue in ("GPE", "LOCATION", "FACILITY", "ORGANIZATION"):
            return cue, "cue", None
        if len(words) > 1:
            mixed = self._mixed(words)
            if mixed:
                return mixed, "strong", None
        if self._looks_person(words) or (
            # Bylines and headlines in capitals: "By JOHN DOE".
            len(words) > 1 and name.isupper() and self._looks_person([w.title() for w in words])
        ):
            return "PERSON", "strong", None
        weak = self.gaz.weak.get(name)
        if weak and cue == "PLACE":
            return weak, "cue", None
        if len(words) == 1:
            if acronym(name) and not any(ch.isdigit() for ch in name):
                return "ORGANIZATION", "strong", None
            after = tokens.words[c.j : c.j + 3]
            if cue == "PERSON" and after[:1] == [","] and (
                appositive(tokens.words, c.j + 1) or (len(after) == 3 and after[1].isdigit() and after[2] in ",.")
            ):
                return "PERSON", "cue", None  # "Suharyanto, head of the agency, said", "Suparman, 54,"
            norp = self._demonym(name)
            if norp:
                return norp, "strong", None
        elif cue == "PERSON":
            return "PERSON", "cue", None
        return None, "guess", weak

    def _mixed(self, words: list[str]) -> str | None:
        """Names mixing a known place with other words: "Cricket Australia", "al-" names."""
        names = self.gaz.names
        if any("&" in w for w in words):
            return "ORGANIZATION"  # "S&P Global Ratings", "Procter & Gamble"
        if words[0] in ("Al", "El") and len(words) == 2 and words[1] not in self.gaz.first_names:
            return "ORGANIZATION"  # "Al Ahly", "Al Hilal": the article before a club or a channel
        if any(w.startswith(("al-", "el-", "Al-", "El-")) or w in ("bin", "ibn", "bint") for w in words[1:]):
            if words[0] not in self.org_first and words[0] not in self.loc_heads:
                return "PERSON"
        places = [w for w in words if names.get(w) in ("GPE", "LOCATION") and w in self.gaz.major]
        if places and len(places) < len(words):
            rest = [w for w in words if w not in places]
            if all(w.lower() in self.common for w in rest):
                return "ORGANIZATION"  # "Athletics Kenya", "Public Health Ontario"
            if words[-1] in places and not any(w in self.gaz.first_names for w in rest):
                return "ORGANIZATION"  # "Greenpeace Africa", "Amnesty Kenya"
        return None

    def _demonym(self, word: str) -> str | None:
        return demonym(self.gaz, word)

    def _guess(self, tokens: Tokens, c: Candidate, cue: str | None) -> str | None:
        words = tokens.words[c.i : c.j]
        if cue == "PLACE":
            return "GPE"
        if len(words) == 1:
            w = words[0]
            if w.lower() in self.common or len(w) == 1:
                return None  # a capitalised common word on its own is not a name
            if any(ch.isdigit() for ch in w) or (len(w) > 2 and w[1] == "-"):
                return None  # "Top-40", "M-Pesa": codes and products, not names
            if cue == "PERSON" and tokens.words[c.i - 1 : c.i] in (["said"], ["says"]):
                return "PERSON"  # '..., said Kamau.'
            # Wire copy names a person in full first, so a lone unknown word that no full
            # name explains is most often a small place (a town, a district), else a company.
            if _ARABIC_ARTICLE.match(w):
                return "PERSON"  # "al-Harbi" alone: a family name (known groups are listed)
            if any(ch.isupper() for ch in w[1:]) or COMPANY_SUFFIX.search(w):
                return "ORGANIZATION"  # "DeepState", "KazMunayGas", "Safaricom"
            nxt = tokens.words[c.j] if c.j < len(tokens.words) else ""
            if tokens.sent_start[c.i] and nxt[:1].islower() and nxt.isalpha():
                return None  # "Cocoa farmers ...": an unknown word opening a sentence
            if w.endswith(("an", "ese", "ic")) and nxt[:1].islower() and nxt.isalpha():
                return "NORP"  # "Himalayan border", "Balinese dancers": an adjective of place
            if SURNAME_SUFFIX.search(w) and not PLACE_SUFFIX.search(w):
                return "PERSON"  # "Wiśniewska", "Shevchenko", "Öztürk"-like family names
            if nxt in self.person_verbs or tokens.words[c.i - 1 : c.i] == ["by"]:
                return "ORGANIZATION"  # "Gazprom said", "backed by Venmark": not a place
            return "GPE"
        if cue:
            return cue
        for k in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:k])
            if self.gaz.names.get(prefix) in ("GPE", "NORP", "LOCATION") and (
                prefix in self.gaz.major or k > 1
            ) and prefix not in self.gaz.first_names:
                return "ORGANIZATION"  # "Tokyo Electron", "Los Angeles Lakers"; not "Kemi ..."
        caps = [w for w in words if w[:1].isupper()]
        if all(w.lower() in self.common for w in caps):
            # "Economic Freedom Fighters": capitalised common words in mid-sentence are a
            # name, most often an organisation's; at a sentence start only with a head word.
            if tokens.sent_start[c.i] and not any(w in self.org_heads for w in caps):
                return None
            return "ORGANIZATION"
        first = words[0]
        if (
            first.lower() in self.common
            and first not in self.gaz.first_names
            and not any(w in self.gaz.first_names for w in words[1:])
        ):
            return "ORGANIZATION"  # "Credit Suisse", "Energy Community"; not "Shah Mahmood ..."
        if all(w[:1].isupper() and not w.isupper() for w in words) and len(words) <= 3:
            return "PERSON"
        return "ORGANIZATION"
