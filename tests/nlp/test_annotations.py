"""The annotation cache: the second call for the same text never runs the analyzer."""

from __future__ import annotations

from tagger.annotations import annotate_store, annotations_for, cache_version
from tagger.models import Article, Span, article_id
from tagger.nlp.base import PIPELINE_VERSION


class CountingAnalyzer:
    name = "counting"
    version = "1"

    def __init__(self):
        self.calls = 0

    def analyze(self, text):
        self.calls += 1
        return [Span(0, 5, "GPE")]


def _article(body: str) -> Article:
    return Article(id=article_id("t", body), title="t", body=body)


def test_second_call_uses_the_cache(tmp_path):
    from tagger.store import Store

    analyzer = CountingAnalyzer()
    art = _article("Kenya held elections.")
    with Store.open(tmp_path / "s") as store:
        store.add_articles([art])
        first = annotations_for(store, art, analyzer)
        second = annotations_for(store, art, analyzer)
    assert first == second == [Span(0, 5, "GPE")]
    assert analyzer.calls == 1


def test_changed_text_or_version_is_recomputed(tmp_path):
    from tagger.store import Store

    analyzer = CountingAnalyzer()
    art = _article("Kenya held elections.")
    with Store.open(tmp_path / "s") as store:
        store.add_articles([art])
        annotations_for(store, art, analyzer)
        edited = Article(id=art.id, title="t", body="Uganda held elections.")
        annotations_for(store, edited, analyzer)
        analyzer.version = "2"
        annotations_for(store, art, analyzer)
    assert analyzer.calls == 3
    assert PIPELINE_VERSION in cache_version(analyzer)


def test_annotate_store_precomputes_once(tmp_path):
    from tagger.store import Store

    analyzer = CountingAnalyzer()
    arts = [_article(f"Kenya story {i}") for i in range(5)]
    seen = []
    with Store.open(tmp_path / "s") as store:
        store.add_articles(arts)
        counts = annotate_store(store, analyzer, progress=lambda n, t: seen.append((n, t)))
        again = annotate_store(store, analyzer)
        assert annotations_for(store, arts[0], analyzer) == [Span(0, 5, "GPE")]
    assert counts == {"analysed": 5, "cached": 0, "total": 5}
    assert again == {"analysed": 0, "cached": 5, "total": 5}
    assert seen[-1] == (5, 5)
    assert analyzer.calls == 5


def test_without_a_store_it_still_analyses():
    analyzer = CountingAnalyzer()
    assert annotations_for(None, _article("Kenya"), analyzer) == [Span(0, 5, "GPE")]
