"""Every read of reviews: one review, an article's reviews, all of them, and the bulk read path.

Reviews are held as the frozen Review objects handed out (`tagger.history.ReviewBook`),
replaced per article by every write and every refresh that applies another process's
changes: a read builds nothing, and there is no separate cache that could go stale.
`iter_effective` is what filters, lists and counts use: one pass over the articles in
import order, rows made a chunk at a time so the garbage collector never scans 100,000 of
them at once.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tagger.models import ArticleSummary, Review

if TYPE_CHECKING:
    from tagger.store import Store

ROW_CHUNK = 4096  # rows iter_effective builds per hold of the lock


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

    def iter_effective(
        self: Store, reviewer: str | None
    ) -> Iterator[tuple[ArticleSummary, Review | None, tuple[str, ...]]]:
        """(summary, effective review, names of all its reviewers) per article, import order.

        The bulk read path for filters, lists and counts: one pass, no Review is built, and
        each tuple matches `effective_review` and `reviews_for` for that article.
        """
        reviews, pick = self._book.reviews, self._book.effective_in
        summaries = self._articles.summaries
        names: dict[str, tuple[str, ...]] = {}  # one shared tuple per lone reviewer
        start, stop = 0, len(summaries)
        while start < stop:
            # Rows are made a chunk at a time under the lock and dropped once consumed, so
            # the garbage collector never sees 100,000 live tuples at once.
            with self._lock.thread:
                chunk = []
                for s in summaries[start : min(stop, start + ROW_CHUNK)]:
                    by = reviews.get(s.id)
                    if not by:
                        chunk.append((s, None, ()))
                    elif len(by) == 1:
                        for who, rv in by.items():
                            lone = names.get(who) or names.setdefault(who, (who,))
                            chunk.append((s, rv, lone))
                    else:
                        chunk.append((s, pick(by, reviewer), tuple(by)))
            yield from chunk
            start += ROW_CHUNK

    def untagged_ids(self: Store, reviewer: str | None = None) -> list[str]:
        """Ids (import order) whose effective review is absent or still "untagged"."""
        reviews, pick = self._book.reviews, self._book.effective_in
        with self._lock.thread:
            out = []
            for s in self._articles.summaries:
                by = reviews.get(s.id)
                if not by or pick(by, reviewer).status == "untagged":
                    out.append(s.id)
            return out

    def count_by(self: Store, group: str, reviewer: str | None = None) -> collections.Counter:
        """Articles per label of `group` (or per status when group is "status")."""
        counts: collections.Counter = collections.Counter()
        name = None if group == "status" else self._group(group)
        pick, known = self._book.effective_in, self._articles.number
        with self._lock.thread:
            reviewed = 0
            for aid, by in self._book.reviews.items():
                if not by or aid not in known:
                    continue
                rv = pick(by, reviewer)
                if name is None:
                    counts[rv.status] += 1
                    reviewed += 1
                else:
                    counts.update(rv.tags.get(name, ()))
            if name is None and len(self._articles.summaries) > reviewed:
                counts["untagged"] += len(self._articles.summaries) - reviewed
        return counts
