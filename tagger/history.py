"""Reviews and per-reviewer undo/redo stacks, computed by folding the history's entries.

Replay on open and a live save use the same `apply`, so what a process holds in memory is
always what the journal says. A snapshot of this fold (the checkpoint) spares replaying
the whole journal on open; the journal alone is enough to rebuild it.
"""

from __future__ import annotations

import uuid
from typing import Any

from tagger.models import Review

UNDO_DEPTH = 200  # batches kept per reviewer for undo (and for redo)

# Journal entries are Change dicts; an "import" entry also carries the imported review's
# created_at and updated_at, so a round trip keeps them.
IMPORT_TIMES = ("created_at", "updated_at")


REVIEW_KEYS = frozenset(
    ("article_id", "reviewer", "tags", "status", "note", "unsure", "created_at", "updated_at",
     "reviewed_at")
)


def new_batch_id() -> str:
    """Changes saved together share a batch id; undo and redo take a whole batch."""
    return uuid.uuid4().hex[:16]


def blank_review(article_id: str, reviewer: str, at: str) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "reviewer": reviewer,
        "tags": {},
        "status": "untagged",
        "note": "",
        "unsure": [],
        "created_at": at,
        "updated_at": at,
        "reviewed_at": None,
    }


def field_value(review: dict[str, Any] | None, field: str) -> Any:
    """The current value of a Change field in a review dict (the default when absent)."""
    if field.startswith("tags."):
        return list(review["tags"].get(field[5:], ())) if review else []
    if review is None:
        return {"status": "untagged", "note": "", "unsure": [], "reviewed_at": None}[field]
    value = review[field]
    return list(value) if isinstance(value, list) else value


class ReviewBook:
    """article id -> reviewer -> review dict, plus undo and redo stacks per reviewer."""

    def __init__(self) -> None:
        self.reviews: dict[str, dict[str, dict[str, Any]]] = {}
        self.undo: dict[str, list[dict[str, Any]]] = {}
        self.redo: dict[str, list[dict[str, Any]]] = {}
        self.count = 0  # number of reviews

    def get(self, article_id: str, reviewer: str) -> dict[str, Any] | None:
        by = self.reviews.get(article_id)
        return by.get(reviewer) if by else None

    def review(self, article_id: str, reviewer: str) -> Review | None:
        d = self.get(article_id, reviewer)
        return Review.from_dict(d) if d else None

    def effective(self, article_id: str, reviewer: str | None) -> dict[str, Any] | None:
        """The reviewer's own review, else the most recently updated one by anyone."""
        by = self.reviews.get(article_id)
        if not by:
            return None
        if reviewer is not None and reviewer in by:
            return by[reviewer]
        return max(by.values(), key=lambda r: (r["updated_at"], r["reviewer"]))

    # -- the fold -------------------------------------------------------------------
    def apply(self, e: dict[str, Any]) -> None:
        aid, who, field, new, at = e["article_id"], e["reviewer"], e["field"], e["new"], e["at"]
        by = self.reviews.setdefault(aid, {})
        rv = by.get(who)
        if rv is None:
            rv = by[who] = blank_review(aid, who, at)
            self.count += 1
        if field.startswith("tags."):
            group = field[5:]
            if new:
                rv["tags"][group] = list(new)
            else:
                rv["tags"].pop(group, None)
        else:
            rv[field] = list(new) if isinstance(new, list) else new
        if e.get("action") == "import":
            for key in IMPORT_TIMES:
                if e.get(key):
                    rv[key] = e[key]
        else:
            rv["updated_at"] = at
        self._track(e)

    def _track(self, e: dict[str, Any]) -> None:
        action, who, batch = e.get("action", "set"), e["reviewer"], e["batch"]
        undo = self.undo.setdefault(who, [])
        redo = self.redo.setdefault(who, [])
        step = [e["article_id"], e["field"], e["old"], e["new"]]
        if action == "set":
            if undo and undo[-1]["batch"] == batch:
                undo[-1]["changes"].append(step)
            else:
                undo.append({"batch": batch, "changes": [step]})
                del undo[:-UNDO_DEPTH]
                redo.clear()
        elif action == "undo":
            if undo and undo[-1]["batch"] == batch:
                redo.append(undo.pop())
                del redo[:-UNDO_DEPTH]
        elif action == "redo":
            if redo and redo[-1]["batch"] == batch:
                undo.append(redo.pop())

    def next_undo(self, reviewer: str) -> dict[str, Any] | None:
        stack = self.undo.get(reviewer)
        return stack[-1] if stack else None

    def next_redo(self, reviewer: str) -> dict[str, Any] | None:
        stack = self.redo.get(reviewer)
        return stack[-1] if stack else None

    # -- snapshot as TinyDB tables ---------------------------------------------------
    def to_tables(self) -> dict[str, dict[str, Any]]:
        reviews: dict[str, Any] = {}
        n = 0
        for by in self.reviews.values():
            for rv in by.values():
                n += 1
                reviews[str(n)] = rv
        stacks = {}
        for i, who in enumerate(sorted(set(self.undo) | set(self.redo)), 1):
            stacks[str(i)] = {
                "reviewer": who,
                "undo": self.undo.get(who, []),
                "redo": self.redo.get(who, []),
            }
        return {"reviews": reviews, "undo": stacks}

    @classmethod
    def from_tables(cls, tables: dict[str, dict[str, Any]]) -> ReviewBook:
        """Raises KeyError or TypeError on a malformed snapshot; the caller reports it."""
        book = cls()
        for rv in tables["reviews"].values():
            if not REVIEW_KEYS <= rv.keys():
                raise KeyError("review fields")
            by = book.reviews.setdefault(rv["article_id"], {})
            if rv["reviewer"] not in by:
                book.count += 1
            by[rv["reviewer"]] = rv
            if not isinstance(rv["tags"], dict) or not isinstance(rv["unsure"], list):
                raise TypeError("review fields")
        for doc in tables.get("undo", {}).values():
            book.undo[doc["reviewer"]] = list(doc["undo"])
            book.redo[doc["reviewer"]] = list(doc["redo"])
        return book
