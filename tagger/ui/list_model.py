"""The review list's data: every article's summary and reviews in memory, filtered and sorted.

The list must stay fluid at 100,000 articles, so the store is read once (summaries and all
reviews in one pass) and then kept in step one article at a time after each save. Filters run
`tagger.query` matchers over cached `Candidate`s; only queries that read bodies or entities go
back to the store. Nothing here imports Textual, so it is tested and benchmarked on its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tagger.models import ArticleSummary, Review
from tagger.query import Candidate, Query
from tagger.selection import effective, reviews_by_article

if TYPE_CHECKING:
    from tagger.store import Store

# Statuses that count as "reviewed" in the progress line and queue counts: the reviewer has
# dealt with the article. "unsure" still needs a second look, so it stays remaining.
DONE_STATUSES = frozenset({"tagged", "skipped", "flagged"})

SORT_COLUMNS = ("imported", "status", "title", "source", "date", "topic", "region", "sentiment")
_STATUS_ORDER = {"untagged": 0, "unsure": 1, "flagged": 2, "skipped": 3, "tagged": 4}


@dataclass(frozen=True, slots=True)
class Sort:
    """A sort column and direction; "imported" is the store's import order."""

    column: str = "imported"
    descending: bool = False

    def next_column(self) -> Sort:
        i = SORT_COLUMNS.index(self.column) if self.column in SORT_COLUMNS else 0
        return Sort(SORT_COLUMNS[(i + 1) % len(SORT_COLUMNS)], self.descending)

    def reversed(self) -> Sort:
        return Sort(self.column, not self.descending)

    def label(self) -> str:
        return f"{self.column} {'desc' if self.descending else 'asc'}"


def status_of(review: Review | None) -> str:
    return review.status if review else "untagged"


class ListModel:
    """Summaries and reviews of every article, and the ordered ids of the current view."""

    def __init__(self, store: Store, reviewer: str, groups: tuple[str, ...]) -> None:
        self.store = store
        self.reviewer = reviewer
        self.groups = groups
        self.summaries: dict[str, ArticleSummary] = {}
        self.order: dict[str, int] = {}
        self.reviews: dict[str, list[Review]] = {}
        # Query candidates in import order (None until built), so a filter is one pass over
        # a list instead of a dict lookup per article.
        self._candidates: list[Candidate | None] = []
        self.query: Query | None = None
        self.sort = Sort()
        self.import_ids: list[str] = []
        self.done: set[str] = set()
        self._lock = threading.Lock()
        self.ids: list[str] = []  # the current view: filtered, then sorted
        self.view_set: set[str] = set()
        self.reload()

    # --- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read every summary and review again (start-up, and after another process wrote)."""
        self.replace(self.store.summaries(), reviews_by_article(self.store.iter_reviews()))

    def replace(self, summaries: list[ArticleSummary], reviews: dict[str, list[Review]]) -> None:
        """Swap in data read elsewhere (a worker's reload); the view is re-applied by the caller."""
        with self._lock:
            self.summaries = {s.id: s for s in summaries}
            self.order = {s.id: i for i, s in enumerate(summaries)}
            self.import_ids = [s.id for s in summaries]
            self.reviews = reviews
            self._candidates = [None] * len(summaries)
        # Only reviewed articles can be done, so this pass is over the reviews, not all rows.
        self.done = {aid for aid in reviews if status_of(self.review(aid)) in DONE_STATUSES}

    def update(self, article_id: str) -> Review | None:
        """Re-read one article's reviews from the store after a save; returns the effective one."""
        reviews = self.store.reviews_for(article_id)
        with self._lock:
            if reviews:
                self.reviews[article_id] = list(reviews)
            else:
                self.reviews.pop(article_id, None)
            index = self.order.get(article_id)
            if index is not None:
                self._candidates[index] = None
        review = self.review(article_id)
        if status_of(review) in DONE_STATUSES:
            self.done.add(article_id)
        else:
            self.done.discard(article_id)
        return review

    # --- reading -----------------------------------------------------------------------
    def review(self, article_id: str) -> Review | None:
        return effective(self.reviews.get(article_id), self.reviewer)

    def status(self, article_id: str) -> str:
        return status_of(self.review(article_id))

    def is_done(self, article_id: str) -> bool:
        return article_id in self.done

    def candidate(self, article_id: str) -> Candidate:
        c = self._candidates[self.order[article_id]]
        if c is None:
            # The lock keeps `warm` (a thread) from caching a candidate built from reviews
            # that `update` replaced meanwhile, or into a list that `replace` swapped.
            with self._lock:
                reviews = self.reviews.get(article_id)
                c = Candidate(
                    self.summaries[article_id],
                    effective(reviews, self.reviewer),
                    reviewers=tuple(r.reviewer for r in reviews) if reviews else (),
                )
                self._candidates[self.order[article_id]] = c
        return c

    def all_candidates(self) -> list[Candidate]:
        """Every article's candidate, in import order (building the missing ones)."""
        cands = self._candidates
        if None in cands:
            for aid, c in zip(self.import_ids, cands, strict=True):
                if c is None:
                    self.candidate(aid)
        return self._candidates  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.ids)

    def index_of(self, article_id: str | None) -> int | None:
        """Position of an article in the current view (linear, called once per jump)."""
        if article_id is None:
            return None
        try:
            return self.ids.index(article_id)
        except ValueError:
            return None

    # --- filtering and sorting ---------------------------------------------------------
    def matching(self, query: Query | None) -> list[str]:
        """Ids (import order) that `query` selects; store-backed when it reads bodies."""
        if query is None or query.is_empty:
            return list(self.import_ids)
        if query.needs_body:
            from tagger.selection import filter_ids

            return filter_ids(self.store, query, self.reviewer)
        matches = query.matches
        return [c.summary.id for c in self.all_candidates() if matches(c)]

    def warm(self) -> None:
        """Build every Candidate ahead of the first filter (run from a thread at start-up)."""
        self.all_candidates()

    def apply(self, query: Query | None = None, sort: Sort | None = None, ids=None) -> None:
        """Set the view from a query (or precomputed `ids`) and a sort."""
        if query is not None or ids is not None:
            self.query = query
        if sort is not None:
            self.sort = sort
        base = ids if ids is not None else self.matching(self.query)
        self.ids = self._sorted(base, in_import_order=True)
        self.view_set = set(self.ids)

    def resort(self, sort: Sort) -> None:
        self.sort = sort
        self.ids = self._sorted(self.ids)

    def _sorted(self, ids: list[str], in_import_order: bool = False) -> list[str]:
        """`ids` in the current sort; `in_import_order` says they already are in import order
        (every filter result is), which saves a sort."""
        key = self._sort_key(self.sort.column)
        base = list(ids) if in_import_order else sorted(ids, key=self.order.__getitem__)
        # Sorting import-ordered ids with a stable sort keeps equal keys in import order.
        out = base if key is None else sorted(base, key=key)
        if self.sort.descending:
            out.reverse()
        return out

    def _sort_key(self, column: str) -> Callable[[str], object] | None:
        s = self.summaries
        if column == "title":
            return lambda i: s[i].title.casefold()
        if column == "source":
            return lambda i: s[i].source.casefold()
        if column == "date":
            return lambda i: s[i].date
        if column == "status":
            return lambda i: _STATUS_ORDER.get(self.status(i), 9)
        if column in self.groups:
            return lambda i: self.labels(i, column) or ("~",)
        return None

    def labels(self, article_id: str, group: str) -> tuple[str, ...]:
        review = self.review(article_id)
        return review.labels(group) if review else ()

    # --- counts --------------------------------------------------------------------------
    def done_count(self, ids: list[str] | None = None) -> int:
        if ids is None:
            return len(self.view_set & self.done)
        return sum(1 for i in ids if i in self.done)
