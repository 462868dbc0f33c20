"""The offline back-end: NLTK's algorithms over data that PyPI packages ship, no downloads.

Punkt with news abbreviations splits sentences, a regexp span tokenizer keeps offsets,
TextBlob's Brill lexicon tags parts of speech, nltk.RegexpParser groups capitalised runs,
and gazetteers plus context cues type them. Numbers come from the shared number recogniser.
"""

from __future__ import annotations

from tagger.models import Span
from tagger.nlp.spans import normalise


def entity_parts():
    """The candidate finder, typer and number recogniser both back-ends share."""
    from tagger.nlp.candidates import CandidateFinder
    from tagger.nlp.entity_types import EntityTyper
    from tagger.nlp.gazetteer import load_gazetteer
    from tagger.nlp.lexicon_tagger import common_words
    from tagger.nlp.numbers import find_numbers

    common = common_words()
    gaz = load_gazetteer()
    return CandidateFinder(gaz, common), EntityTyper(gaz, common), find_numbers


def lowered_starts(tokens) -> list[str]:
    """The words with each sentence's first word in lowercase, as taggers expect them."""
    return [w.lower() if first else w for w, first in zip(tokens.words, tokens.sent_start, strict=True)]


class OfflineAnalyzer:
    """Entities and numbers without any downloaded NLTK model."""

    name = "offline"

    def __init__(self) -> None:
        from tagger.nlp.base import code_version
        from tagger.nlp.lexicon_tagger import pattern_tagger
        from tagger.nlp.tokens import sentence_splitter

        sentence_splitter()
        self.tagger = pattern_tagger()
        self.finder, self.typer, self.find_numbers = entity_parts()
        self.version = f"offline-{code_version()}"

    def entities(self, text: str, tokens=None) -> list[Span]:
        from tagger.nlp.tokens import tokenize

        tokens = tokens if tokens is not None else tokenize(text)
        # Parts of speech tell a sentence-initial "Speaking" or "Unlike" from a name.
        tags = [tag for _w, tag in self.tagger.tag(lowered_starts(tokens))]
        cands = self.finder.find(tokens, tags)
        return self.typer.type_document(text, tokens, cands)

    def analyze(self, text: str) -> list[Span]:
        if not text or not text.strip():
            return []
        from tagger.nlp.tokens import tokenize

        tokens = tokenize(text)
        spans = self.entities(text, tokens) + self.find_numbers(text)
        return normalise(text, spans, self.typer.gaz.possessive)
