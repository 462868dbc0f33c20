"""Run a filter query over a Store: one pass over summaries and reviews, bodies only on demand.

The list, saved queues and exports all select articles here, so they agree on what a filter
means; reading every review once (instead of one store call per article) keeps it fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tagger.errors import TaggerError
from tagger.models import Article, Review
from tagger.query import Candidate, Query

if TYPE_CHECKING:
    from tagger.store import Store


def annotation_version(backend: str = "auto") -> str | None:
    """The annotation-cache key of the analyzer `backend` picks; None when none can be built.

    The cache is keyed by pipeline, back-end and data version (tagger.annotations), so the
    entity filter reads the spans the reading view and exports cached with that analyzer.
    """
    try:
        from tagger.annotations import cache_version
        from tagger.nlp.base import get_analyzer

        return cache_version(get_analyzer(backend))
    except (ImportError, TaggerError):
        return None


def lazy_version(backend: str = "auto") -> Callable[[], str | None]:
    """`annotation_version`, computed on first call only: most filters never need it."""
    box: list[str | None] = []

    def get() -> str | None:
        if not box:
            box.append(annotation_version(backend))
        return box[0]

    return get


def reviews_by_article(reviews: Iterable[Review]) -> dict[str, list[Review]]:
    out: dict[str, list[Review]] = {}
    for review in reviews:
        out.setdefault(review.article_id, []).append(review)
    return out


def effective(reviews: list[Review] | None, reviewer: str | None) -> Review | None:
    """The reviewer's own review, else the latest by anyone (Store.effective_review's rule)."""
    if not reviews:
        return None
    if reviewer:
        for review in reviews:
            if review.reviewer == reviewer:
                return review
    return max(reviews, key=lambda r: (r.updated_at or r.created_at or "", r.reviewer))


def latest(reviews: list[Review] | None) -> Review | None:
    return effective(reviews, None)


def _lazy_article(store: Store, article_id: str) -> Callable[[], Article]:
    box: list[Article] = []

    def load() -> Article:
        if not box:
            box.append(store.get_article(article_id))
        return box[0]

    return load


def entity_texts(store: Store, article: Article, version: str | None) -> list[str] | None:
    """Entity mention texts from the annotation cache, or None when nothing is cached."""
    if version is None:
        return None
    spans = store.get_annotations(article.id, article.text_hash, version)
    if spans is None:
        return None
    return [article.body[s.start : s.end] for s in spans if s.kind == "entity"]


def _entity_loader(store: Store, article: Callable[[], Article], version: Callable[[], str | None]):
    return lambda: entity_texts(store, article(), version())


def candidates(
    store: Store,
    reviewer: str | None,
    *,
    by_article: dict[str, list[Review]] | None = None,
    with_body: bool = False,
    backend: str = "auto",
) -> list[Candidate]:
    """Every article of the store in import order, with its effective review for `reviewer`."""
    if by_article is None:
        # The store's bulk read path: its own Review objects, nothing rebuilt per article.
        rows = store.iter_effective(reviewer)
    else:
        rows = (
            (s, effective(by_article.get(s.id), reviewer),
             tuple(r.reviewer for r in by_article.get(s.id) or ()))
            for s in store.summaries()
        )
    version = lazy_version(backend)
    out: list[Candidate] = []
    for summary, review, names in rows:
        if with_body:
            article = _lazy_article(store, summary.id)
            out.append(
                Candidate(
                    summary,
                    review,
                    reviewers=names,
                    body=lambda a=article: a().body,
                    entities=_entity_loader(store, article, version),
                )
            )
        else:
            out.append(Candidate(summary, review, reviewers=names))
    return out


def filter_ids(
    store: Store, query: Query, reviewer: str | None, *, backend: str = "auto"
) -> list[str]:
    """Ids of the articles matching `query`, in import order; bodies read only if it needs them.

    `backend` names the NLP back-end whose cached annotations `entity:` terms read.
    """
    matches = query.matches
    if query.needs_body:
        found = candidates(store, reviewer, with_body=True, backend=backend)
        return [c.summary.id for c in found if matches(c)]
    # Nothing lazy to keep: one Candidate, re-aimed at each article, spares 100,000 objects;
    # the store's cached view spares looking up 100,000 reviews.
    view = store.effective_view(reviewer)
    names = view.names  # only multi-reviewer articles; the Candidate infers the others
    probe = Candidate(None)  # type: ignore[arg-type]
    reset = probe.reset
    out = []
    for n, (summary, review) in enumerate(zip(view.summaries, view.reviews, strict=True)):
        reset(summary, review, names.get(n) if names else None)
        if matches(probe):
            out.append(summary.id)
    return out
