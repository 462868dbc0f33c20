"""Every read of reviews: one review, an article's reviews, all of them, and the bulk read path.

Reviews are held as the frozen Review objects handed out (`tagger.history.ReviewBook`),
replaced per article by every write and every refresh that applies another process's
changes: a read builds nothing, and there is no separate cache that could go stale.
`effective_view` (and `iter_effective` over it) is what filters, lists and counts use: each
article's effective review for a reviewer, built once and then updated one article at a
time from the ids that writes and refreshes changed (`ReviewBook.touched`).
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tagger.models import ArticleSummary, Review

if TYPE_CHECKING:
    from tagger.store import Store

VIEWS_KEPT = 4  # reviewers whose effective view is kept up to date


@dataclass(slots=True)
class EffectiveView:
    """Articles in import order and each one's effective review (None when unreviewed).

    `names` lists the reviewers only of articles reviewed by two or more; for the rest the
    effective review's own reviewer is the only one.
    """

    summaries: list[ArticleSummary]
    reviews: list[Review | None]
    names: dict[int, tuple[str, ...]]
    version: int

    def reviewers(self, n: int) -> tuple[str, ...]:
        found = self.names.get(n)
        if found is not None:
            return found
        rv = self.reviews[n]
        return (rv.reviewer,) if rv is not None else ()


class ReviewReads:
    """Mixed into Store; relies on its lock, book and article index."""

    def get_review(self: Store, article_id: str, reviewer: str) -> Review | None:
        return self._book.get(article_id, reviewer)

    def reviews_for(self: Store, article_id: str) -> list[Review]:
        with self._lock.thread:
            found = list((self._book.reviews.get(article_id) or {}).values())
        return sorted(found, key=lambda r: r.updated_at)

    def iter_reviews(self: Store) -> Iterator[Review]:
        with self._lock.thread:
            return iter(self._book.all_reviews())

    def effective_review(self: Store, article_id: str, reviewer: str | None) -> Review | None:
        return self._book.effective(article_id, reviewer)

    def effective_view(self: Store, reviewer: str | None) -> EffectiveView:
        """Every article's effective review for `reviewer`, in import order (a copy).

        The bulk read path for filters, lists and counts. Built once per reviewer and then
        kept up to date one article at a time from the ids each write or refresh changed,
        so a filter after a save costs a copy of two lists, not 100,000 lookups.
        """
        with self._lock.thread:
            view = self._views.get(reviewer)
            if view is None or not self._catch_up(view, reviewer):
                view = self._build_view(reviewer)
                self._views.pop(reviewer, None)
                while len(self._views) >= VIEWS_KEPT:
                    self._views.pop(next(iter(self._views)))
                self._views[reviewer] = view
            return EffectiveView(list(view.summaries), list(view.reviews), dict(view.names),
                                 view.version)

    def _build_view(self: Store, reviewer: str | None) -> EffectiveView:
        reviews, pick = self._book.reviews, self._book.effective_in
        summaries = list(self._articles.summaries)
        found: list[Review | None] = []
        names: dict[int, tuple[str, ...]] = {}
        for n, s in enumerate(summaries):
            by = reviews.get(s.id)
            if not by:
                found.append(None)
                continue
            found.append(pick(by, reviewer))
            if len(by) > 1:
                names[n] = tuple(by)
        return EffectiveView(summaries, found, names, self._book.version)

    def _catch_up(self: Store, view: EffectiveView, reviewer: str | None) -> bool:
        """Bring a cached view up to date; False when rebuilding it is cheaper or needed."""
        book, summaries = self._book, self._articles.summaries
        changed = book.touched_since(view.version)
        if changed is None or len(changed) > max(1000, len(summaries) // 8):
            return False
        if len(summaries) < len(view.summaries):
            return False
        number = self._articles.number
        for aid in set(changed):
            n = number.get(aid)
            if n is None or n >= len(view.reviews):
                continue
            by = book.reviews.get(aid)
            view.reviews[n] = book.effective_in(by, reviewer) if by else None
            if by and len(by) > 1:
                view.names[n] = tuple(by)
            else:
                view.names.pop(n, None)
        for n in range(len(view.summaries), len(summaries)):
            s = summaries[n]
            view.summaries.append(s)
            by = book.reviews.get(s.id)
            view.reviews.append(book.effective_in(by, reviewer) if by else None)
            if by and len(by) > 1:
                view.names[n] = tuple(by)
        view.version = book.version
        return True

    def iter_effective(
        self: Store, reviewer: str | None
    ) -> Iterator[tuple[ArticleSummary, Review | None, tuple[str, ...]]]:
        """(summary, effective review, names of all its reviewers) per article, import order.

        Each row matches `effective_review` and `reviews_for` for that article.
        """
        view = self.effective_view(reviewer)
        for n, (s, rv) in enumerate(zip(view.summaries, view.reviews, strict=True)):
            yield s, rv, view.reviewers(n)

    def untagged_ids(self: Store, reviewer: str | None = None) -> list[str]:
        """Ids (import order) whose effective review is absent or still "untagged"."""
        view = self.effective_view(reviewer)
        return [
            s.id for s, rv in zip(view.summaries, view.reviews, strict=True)
            if rv is None or rv.status == "untagged"
        ]

    def count_by(self: Store, group: str, reviewer: str | None = None) -> collections.Counter:
        """Articles per label of `group` (or per status when group is "status")."""
        counts: collections.Counter = collections.Counter()
        found = self.effective_view(reviewer).reviews
        if group == "status":
            counts.update(rv.status if rv is not None else "untagged" for rv in found)
            return counts
        name = self._group(group)
        for rv in found:
            if rv is not None:
                labels = rv.tags.get(name)
                if labels:
                    counts.update(labels)
        return counts
