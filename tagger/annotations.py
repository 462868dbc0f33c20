"""Cache-aware annotation of an article: the store's cached spans, else the analyzer's.

The reading view and the exporters call this instead of the analyzer, so an article is
analysed once per text and pipeline version; NLTK is never imported here (the analyzer is
passed in), which keeps this a domain module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tagger.models import Article, Span

if TYPE_CHECKING:
    from tagger.store import Store

def cache_version(analyzer: Any) -> str:
    """The cache key's version part: pipeline version plus the back-end and its data."""
    # tagger.nlp.base loads no NLTK, so this stays a domain module.
    from tagger.nlp.base import PIPELINE_VERSION

    name = getattr(analyzer, "name", type(analyzer).__name__)
    version = getattr(analyzer, "version", "")
    return f"{PIPELINE_VERSION}/{name}/{version}"


def annotations_for(store: Store | None, article: Article, analyzer: Any) -> list[Span]:
    """Spans of `article.body`: from the cache when this text was analysed before, else fresh.

    A store that cannot save (read-only, busy) only costs the cache, never the spans.
    """
    version = cache_version(analyzer)
    digest = article.text_hash
    if store is not None:
        cached = store.get_annotations(article.id, digest, version)
        if cached is not None:
            return list(cached)
    spans = list(analyzer.analyze(article.body))
    if store is not None:
        try:
            store.put_annotations(article.id, digest, version, spans)
        except Exception as exc:  # noqa: BLE001 - a failed cache write must not lose the spans
            from tagger.errors import StoreError

            if not isinstance(exc, (StoreError, OSError)):
                raise
    return spans


def annotate_store(store: Store, analyzer: Any, *, force: bool = False, progress=None) -> dict:
    """Analyse every article of the store whose spans are not cached yet.

    `progress(done, total)` is called after each article. Returns counts: analysed, cached.
    """
    version = cache_version(analyzer)
    total = store.article_count()
    counts = {"analysed": 0, "cached": 0, "total": total}
    for n, article in enumerate(store.iter_articles(), 1):
        digest = article.text_hash
        if not force and store.get_annotations(article.id, digest, version) is not None:
            counts["cached"] += 1
        else:
            store.put_annotations(article.id, digest, version, analyzer.analyze(article.body))
            counts["analysed"] += 1
        if progress is not None:
            progress(n, total)
    return counts
