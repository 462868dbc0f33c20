"""The NLTK back-end: punkt_tab, the averaged perceptron tagger and the maxent NE chunker.

The chunker is built once here (`nltk.ne_chunk` reloads its model on every call). Chunk
trees carry no offsets, so the token spans are kept and zipped with `tree2conlltags`.
With only the binary chunker installed, names are typed by the offline back-end's typer;
both back-ends share the span conventions and the number recogniser.
"""

from __future__ import annotations

from tagger.models import Span
from tagger.nlp.spans import normalise

# The multiclass model's labels, mapped to ours.
_LABELS = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORGANIZATION",
    "GPE": "GPE",
    "GSP": "GPE",
    "LOCATION": "LOCATION",
    "FACILITY": "FACILITY",
}


class NltkAnalyzer:
    """Entities and numbers with NLTK's official models (see `tagger nlp status`)."""

    name = "nltk"

    def __init__(self) -> None:
        from nltk.chunk.named_entity import Maxent_NE_Chunker
        from nltk.tag.perceptron import PerceptronTagger
        from nltk.tokenize.punkt import PunktTokenizer

        from tagger.nlp import resources
        from tagger.nlp.base import code_version
        from tagger.nlp.offline import entity_parts

        resources.ensure_data_path()
        fmt = resources.chunker_format()
        if fmt is None:
            from tagger.nlp.base import NlpError

            raise NlpError("NLTK's NE chunker model (maxent_ne_chunker_tab) is not installed.")
        self.sentences = PunktTokenizer("english")
        self.tagger = PerceptronTagger()
        self.chunker = Maxent_NE_Chunker(fmt)
        self.binary = fmt == "binary"
        self.finder, self.typer, self.find_numbers = entity_parts()
        self.version = f"nltk-{fmt}-{code_version()}"

    def _chunks(self, tokens) -> tuple[list[tuple[int, int, str]], list[str]]:
        """(first token, end token, chunker label) for each chunk, and every token's tag."""
        from nltk.chunk import tree2conlltags

        words = tokens.words
        flags = tokens.sent_start
        bounds = [i for i, f in enumerate(flags) if f and (i == 0 or not flags[i - 1])]
        bounds.append(len(words))
        out: list[tuple[int, int, str]] = []
        tags: list[str] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a == b:
                continue
            tagged = self.tagger.tag(words[a:b])
            tags.extend(tag for _w, tag in tagged)
            conll = tree2conlltags(self.chunker.parse(tagged))
            start, label = None, ""
            for k, (_w, _pos, iob) in enumerate(conll):
                i = a + k
                if iob.startswith("B-") or (iob.startswith("I-") and start is None):
                    if start is not None:
                        out.append((start, i, label))
                    start, label = i, iob[2:]
                elif iob == "O" and start is not None:
                    out.append((start, i, label))
                    start = None
            if start is not None:
                out.append((start, b, label))
        return out, tags

    def _regions(self, tokens) -> list[tuple[int, int, str]]:
        """Names from the chunker and from the capitalisation grammar, with chunker labels.

        The chunker splits names at lowercase connectors ("Daniel arap Moi") and knows no
        gazetteer, so a chunk inside a grammar run is widened to the run. A chunk outside
        every run is made of words the grammar rejects on purpose (sentence-initial common
        words, month names, "I"), so the same filters drop it for both back-ends.
        """
        import bisect

        chunks, tags = self._chunks(tokens)
        runs = self.finder.runs(tokens, tags)
        starts = [r[0] for r in runs]
        out: dict[tuple[int, int], str] = dict.fromkeys(runs, "")
        for i, j, label in chunks:
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and runs[k] == (i, j) and not self.binary:
                out[runs[k]] = _LABELS.get(label, "")
        return sorted((i, j, lab) for (i, j), lab in out.items())

    def analyze(self, text: str) -> list[Span]:
        if not text or not text.strip():
            return []
        from tagger.nlp.tokens import tokenize

        tokens = tokenize(text, self.sentences)
        cands = []
        hints: dict[tuple[int, int], str] = {}
        for i, j, label in self._regions(tokens):
            for c in self.finder.split(tokens, i, j):
                cands.append(c)
                if label and c.i == i and c.j == j:
                    hints[(c.i, c.j)] = label
        # The multiclass chunker's label replaces only a guess, never gazetteer evidence.
        spans = self.typer.type_document(text, tokens, cands, hints=hints)
        spans = spans + self.find_numbers(text)
        return normalise(text, spans, self.typer.gaz.possessive)
