"""Merge another store into this one: its articles and every reviewer's reviews, never overwriting.

Two teams tagging on two servers end with two stores; merging keeps each reviewer's own review
of each article. A review the target already holds with different values is a conflict: it is
reported, and the target's version stays (nothing is ever overwritten). A dry run reports the
same figures without writing anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tagger.errors import StoreError, TaggerError
from tagger.models import Review

if TYPE_CHECKING:
    from tagger.store import Store

COMPARED = ("tags", "status", "note", "unsure", "reviewed_at")


@dataclass(frozen=True)
class Conflict:
    article_id: str
    reviewer: str
    fields: tuple[str, ...]  # which values differ between the two reviews


@dataclass
class MergeReport:
    dry_run: bool = False
    articles_added: list[str] = field(default_factory=list)
    articles_present: list[str] = field(default_factory=list)
    reviews_added: int = 0
    reviews_same: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (article, reviewer, why)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "articles": {
                "added": len(self.articles_added),
                "already_present": len(self.articles_present),
            },
            "reviews": {
                "added": self.reviews_added,
                "same": self.reviews_same,
                "conflicting": len(self.conflicts),
                "rejected": len(self.rejected),
            },
            "conflicts": [
                {"article_id": c.article_id, "reviewer": c.reviewer, "fields": list(c.fields)}
                for c in self.conflicts
            ],
            "rejected": [
                {"article_id": a, "reviewer": r, "reason": why} for a, r, why in self.rejected
            ],
        }


def _comparable(review: Review) -> dict[str, Any]:
    return {
        "tags": {g: tuple(v) for g, v in review.tags.items() if v},
        "status": review.status,
        "note": review.note or "",
        "unsure": tuple(review.unsure),
        "reviewed_at": review.reviewed_at or None,
    }


def differing_fields(ours: Review, theirs: Review) -> tuple[str, ...]:
    a, b = _comparable(ours), _comparable(theirs)
    return tuple(k for k in COMPARED if a[k] != b[k])


def open_other(path: str | Path) -> Store:
    """Open the store to merge from, refusing a path that is not an existing store folder."""
    from tagger.store import Store

    folder = Path(path).expanduser()
    if not folder.is_dir() or not any(folder.iterdir()):
        raise StoreError(f"{folder} is not a tagger store (no such folder, or it is empty).")
    return Store.open(folder)


def _ordered_reviews(other: Store) -> Iterable[Review]:
    # Import order of the other store's articles, then reviewer: reports read the same each run.
    rank = {s.id: i for i, s in enumerate(other.summaries())}
    return sorted(other.iter_reviews(), key=lambda r: (rank.get(r.article_id, -1), r.reviewer))


def merge_store(target: Store, other: Store, *, dry_run: bool = False) -> MergeReport:
    """Add `other`'s articles and reviews to `target`; report what was added, same or in conflict."""
    if Path(target.path).resolve() == Path(other.path).resolve():
        raise StoreError("A store cannot be merged into itself: name another store folder.")
    report = MergeReport(dry_run=dry_run)
    if dry_run:
        for summary in other.summaries():
            present = target.has_article(summary.id)
            (report.articles_present if present else report.articles_added).append(summary.id)
    else:
        result = target.add_articles(other.iter_articles())
        report.articles_added, report.articles_present = list(result.added), list(result.duplicates)

    for review in _ordered_reviews(other):
        ours = target.get_review(review.article_id, review.reviewer)
        if dry_run:
            outcome = (
                "added"
                if ours is None
                else ("same" if not differing_fields(ours, review) else "conflict")
            )
        else:
            try:
                outcome = target.import_review(review)
            except TaggerError as exc:  # e.g. a label the target's taxonomy lacks
                report.rejected.append((review.article_id, review.reviewer, exc.message))
                continue
        if outcome == "added":
            report.reviews_added += 1
        elif outcome == "same":
            report.reviews_same += 1
        else:
            diff = differing_fields(ours, review) if ours is not None else ()
            report.conflicts.append(Conflict(review.article_id, review.reviewer, diff))
    return report
