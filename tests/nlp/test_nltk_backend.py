"""The NLTK back-end on the shared models (binary chunker only); skipped when absent."""

from __future__ import annotations

import pytest

from tagger.nlp import base
from tagger.nlp.spans import check

pytestmark = pytest.mark.nltk_data


@pytest.fixture
def nltk_analyzer(shared_nltk_data, monkeypatch):
    monkeypatch.setattr(base, "_cache", {})
    return base.get_analyzer("nltk")


def test_auto_picks_nltk_when_models_are_present(shared_nltk_data, monkeypatch):
    monkeypatch.setattr(base, "_cache", {})
    assert base.choose_backend("auto") == "nltk"


def test_chunker_is_built_once(nltk_analyzer, monkeypatch):
    import nltk.chunk.named_entity as ne

    built = []
    real_init = ne.Maxent_NE_Chunker.__init__
    monkeypatch.setattr(
        ne.Maxent_NE_Chunker, "__init__", lambda self, *a, **k: built.append(1) or real_init(self, *a, **k)
    )
    for _ in range(3):
        nltk_analyzer.analyze("Kenyans met Ruto in Nairobi.")
    assert built == []
    assert base.get_analyzer("nltk") is nltk_analyzer
    assert nltk_analyzer.binary


def test_conventions_on_nltk(nltk_analyzer):
    text = (
        "NAIROBI, Kenya (AP) — President Daniel arap Moi's government met the United States "
        "envoy. Moi later flew to Mombasa with Mr. Smith of the Bank of England."
    )
    spans = nltk_analyzer.analyze(text)
    check(text, spans)
    got = [(text[s.start : s.end], s.label) for s in spans]
    assert ("Daniel arap Moi", "PERSON") in got
    assert ("Moi", "PERSON") in got
    assert ("United States", "GPE") in got
    assert ("Smith", "PERSON") in got
    assert ("Bank of England", "ORGANIZATION") in got
    assert ("NAIROBI", "GPE") in got
    assert not any(m.startswith(("the ", "President", "Mr")) or m.endswith("'s") for m, _ in got)


def test_robust_inputs_on_nltk(nltk_analyzer):
    for text in ["", "Zelenskyy met Šefčovič in Łódź.", "[b]x[/b] \x00\x1b[0m Ã©", "Kenya " * 5000]:
        check(text, nltk_analyzer.analyze(text))


def test_multiclass_labels_replace_only_guesses(nltk_analyzer, monkeypatch):
    """With the multiclass model, the chunker's label types names the typer can only guess."""
    from nltk.tree import Tree

    class FakeMulticlass:
        def parse(self, tagged):
            out = []
            for word, pos in tagged:
                label = {"Zorblat": "LOCATION", "Kenya": "PERSON"}.get(word)
                out.append(Tree(label, [(word, pos)]) if label else (word, pos))
            return Tree("S", out)

    monkeypatch.setattr(nltk_analyzer, "chunker", FakeMulticlass())
    monkeypatch.setattr(nltk_analyzer, "binary", False)
    text = "Officials from Kenya flew over Zorblat yesterday."
    got = [(text[s.start : s.end], s.label) for s in nltk_analyzer.analyze(text) if s.kind == "entity"]
    assert ("Zorblat", "LOCATION") in got  # a guess, replaced by the chunker's label
    assert ("Kenya", "GPE") in got  # gazetteer evidence wins over the chunker
