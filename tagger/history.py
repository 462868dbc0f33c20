"""Reviews and per-reviewer undo/redo stacks, computed by folding the history's entries.

Replay on open and a live save use the same `apply`, so what a process holds in memory is
always what the journal says. A snapshot of this fold (the checkpoint, `tagger.snapshot`)
spares replaying the whole journal on open; the journal alone is enough to rebuild it.

Memory is what limits a store of 100,000 reviews, so the fold is compact: each review is
held as the frozen `Review` that readers receive (built once per change, never rebuilt per
read, so no cache of them can go stale), with reviewer, status, group and label names
interned and equal tag sets shared. An undo step keeps only its batch id and the byte
ranges of its entries in the journal; the changes themselves are read back from the
journal when the step is undone or redone, so a bulk edit of 100,000 articles costs a few
bytes of memory instead of 100,000 small lists.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson

from tagger.models import Review

UNDO_DEPTH = 200  # batches kept per reviewer for undo (and for redo)

# Journal entries are Change dicts; an "import" entry also carries the imported review's
# created_at and updated_at, so a round trip keeps them.
IMPORT_TIMES = ("created_at", "updated_at")

REVIEW_KEYS = frozenset(
    ("article_id", "reviewer", "tags", "status", "note", "unsure", "created_at", "updated_at",
     "reviewed_at")
)
DEFAULTS: dict[str, Any] = {"status": "untagged", "note": "", "unsure": [], "reviewed_at": None}
NO_TAGS: Mapping[str, tuple[str, ...]] = {}
_SHARED_MAX = 50_000
TOUCH_LOG = 20_000  # changed article ids remembered for readers' caches

intern = sys.intern
Change4 = list  # [article_id, field, old, new]


def new_batch_id() -> str:
    """Changes saved together share a batch id; undo and redo take a whole batch."""
    return uuid.uuid4().hex[:16]


def field_value(review: Review | None, field: str) -> Any:
    """The current value of a Change field in a review (the default when absent), as JSON."""
    if field.startswith("tags."):
        return list(review.tags.get(field[5:], ())) if review else []
    if review is None:
        value = DEFAULTS[field]
        return list(value) if isinstance(value, list) else value
    value = getattr(review, field)
    return list(value) if isinstance(value, tuple) else value


class UndoStep:
    """One batch on an undo or redo stack: where its entries are in the journal.

    `changes` holds [article_id, field, old, new] lists only for steps read from a snapshot
    written before steps kept journal ranges.
    """

    __slots__ = ("batch", "changes", "ranges")

    def __init__(self, batch: str, ranges: list[list[int]] | None = None,
                 changes: list[Change4] | None = None) -> None:
        self.batch = batch
        self.ranges = ranges if ranges is not None else []
        self.changes = changes

    def add(self, e: dict[str, Any], span: tuple[int, int] | None) -> None:
        if span is None:  # not from the journal (a test's hand-made entry): keep it inline
            if self.changes is None:
                self.changes = []
            self.changes.append([e["article_id"], e["field"], e["old"], e["new"]])
        elif self.ranges and self.ranges[-1][1] == span[0]:
            self.ranges[-1][1] = span[1]
        else:
            self.ranges.append([span[0], span[1]])

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"batch": self.batch, "ranges": self.ranges}
        if self.changes is not None:
            doc["changes"] = self.changes
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> UndoStep:
        ranges = [[int(a), int(b)] for a, b in doc.get("ranges", ())]
        changes = doc.get("changes")
        return cls(str(doc["batch"]), ranges, list(changes) if changes is not None else None)

    def plan(self, reviewer: str, read: Callable[[list[list[int]]], Iterable[dict]]) -> list[Change4]:
        """The step's changes, oldest first; `read` yields the journal entries in ranges."""
        out = list(self.changes or ())
        for e in read(self.ranges):
            if e["batch"] == self.batch and e["reviewer"] == reviewer and e.get(
                "action", "set"
            ) == "set":
                out.append([e["article_id"], e["field"], e["old"], e["new"]])
        return out


class ReviewBook:
    """article id -> reviewer -> Review, plus undo and redo stacks per reviewer."""

    def __init__(self) -> None:
        self.reviews: dict[str, dict[str, Review]] = {}
        self.undo: dict[str, list[UndoStep]] = {}
        self.redo: dict[str, list[UndoStep]] = {}
        self.count = 0  # number of reviews
        self._tags: dict[bytes, Mapping[str, tuple[str, ...]]] = {}
        self._at = ""
        # Article ids changed by `apply`, in order, so a reader's cache can catch up one
        # article at a time; `version` counts them. Trimmed: an older cache rebuilds.
        self.touched: list[str] = []
        self.touched_base = 0

    @property
    def version(self) -> int:
        return self.touched_base + len(self.touched)

    def touched_since(self, version: int) -> list[str] | None:
        """Ids changed since `version`, or None when the log no longer reaches back that far."""
        if version < self.touched_base:
            return None
        return self.touched[version - self.touched_base :]

    def get(self, article_id: str, reviewer: str) -> Review | None:
        by = self.reviews.get(article_id)
        return by.get(reviewer) if by else None

    def effective(self, article_id: str, reviewer: str | None) -> Review | None:
        """The reviewer's own review, else the most recently updated one by anyone."""
        by = self.reviews.get(article_id)
        if not by:
            return None
        return self.effective_in(by, reviewer)

    @staticmethod
    def effective_in(by: dict[str, Review], reviewer: str | None) -> Review:
        if reviewer is not None:
            own = by.get(reviewer)
            if own is not None:
                return own
        if len(by) == 1:
            for only in by.values():
                return only
        return max(by.values(), key=lambda r: (r.updated_at, r.reviewer))

    # -- compact values ---------------------------------------------------------------
    def shared_tags(self, tags: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
        """One shared, never mutated dict per distinct tag set, its names interned."""
        if not tags:
            return NO_TAGS
        key = orjson.dumps(tags)  # lists and tuples give the same bytes: a cheap exact key
        found = self._tags.get(key)
        if found is None:
            if len(self._tags) >= _SHARED_MAX:
                self._tags.clear()
            found = self._tags[key] = {intern(g): tuple(map(intern, v)) for g, v in tags.items()}
        return found

    def _stamp(self, at: str) -> str:
        # Entries of one batch share their time: keep one string for all of them.
        if at != self._at:
            self._at = at
        return self._at

    def put(self, rv: dict[str, Any]) -> None:
        """Add a review given as a snapshot record (checked by the caller)."""
        aid, who = intern(rv["article_id"]), intern(rv["reviewer"])
        by = self.reviews.get(aid)
        if by is None:
            by = self.reviews[aid] = {}
        if who not in by:
            self.count += 1
        by[who] = Review(
            aid, who, self.shared_tags(rv["tags"]), intern(rv["status"]), rv["note"],
            tuple(map(intern, rv["unsure"])), self._stamp(rv["created_at"]),
            self._stamp(rv["updated_at"]), rv["reviewed_at"],
        )

    # -- the fold -------------------------------------------------------------------
    def apply(self, e: dict[str, Any], span: tuple[int, int] | None = None) -> None:
        """Fold one journal entry in; `span` is its byte range in the journal, for undo."""
        aid, who, field, new = e["article_id"], e["reviewer"], e["field"], e["new"]
        at = self._stamp(e["at"])
        by = self.reviews.get(aid)
        if by is None:
            aid = intern(aid)
            by = self.reviews[aid] = {}
        rv = by.get(who)
        if rv is None:
            who = intern(who)
            rv = Review(aid, who, NO_TAGS, "untagged", "", (), at, at, None)
            self.count += 1
        tags, status, note, unsure, reviewed = rv.tags, rv.status, rv.note, rv.unsure, rv.reviewed_at
        if field.startswith("tags."):
            changed = dict(tags)
            if new:
                changed[field[5:]] = tuple(new)
            else:
                changed.pop(field[5:], None)
            tags = self.shared_tags(changed)
        elif field == "status":
            status = intern(new)
        elif field == "note":
            note = new
        elif field == "unsure":
            unsure = tuple(map(intern, new))
        elif field == "reviewed_at":
            reviewed = new
        created, updated = rv.created_at, at
        if e.get("action") == "import":
            created = e.get("created_at") or created
            updated = e.get("updated_at") or rv.updated_at
        by[rv.reviewer] = Review(
            rv.article_id, rv.reviewer, tags, status, note, unsure, created, updated, reviewed
        )
        if len(self.touched) >= TOUCH_LOG:
            self.touched_base += len(self.touched)
            self.touched = []
        self.touched.append(rv.article_id)
        self._track(e, span)

    def _track(self, e: dict[str, Any], span: tuple[int, int] | None) -> None:
        action, who, batch = e.get("action", "set"), e["reviewer"], e["batch"]
        undo = self.undo.setdefault(who, [])
        redo = self.redo.setdefault(who, [])
        if action == "set":
            if not (undo and undo[-1].batch == batch):
                undo.append(UndoStep(batch))
                del undo[:-UNDO_DEPTH]
                redo.clear()
            undo[-1].add(e, span)
        elif action == "undo":
            if undo and undo[-1].batch == batch:
                redo.append(undo.pop())
                del redo[:-UNDO_DEPTH]
        elif action == "redo":
            if redo and redo[-1].batch == batch:
                undo.append(redo.pop())

    def next_undo(self, reviewer: str) -> UndoStep | None:
        stack = self.undo.get(reviewer)
        return stack[-1] if stack else None

    def next_redo(self, reviewer: str) -> UndoStep | None:
        stack = self.redo.get(reviewer)
        return stack[-1] if stack else None

    def all_reviews(self) -> list[Review]:
        return [rv for by in self.reviews.values() for rv in by.values()]

    # -- undo stacks as a TinyDB table ------------------------------------------------
    def stacks_table(self) -> dict[str, Any]:
        stacks = {}
        for i, who in enumerate(sorted(set(self.undo) | set(self.redo)), 1):
            stacks[str(i)] = {
                "reviewer": who,
                "undo": [s.to_doc() for s in self.undo.get(who, [])],
                "redo": [s.to_doc() for s in self.redo.get(who, [])],
            }
        return stacks

    def load_stacks(self, table: dict[str, Any]) -> None:
        """Raises KeyError, TypeError or ValueError on a malformed table; the caller reports it."""
        for doc in table.values():
            who = intern(doc["reviewer"])
            self.undo[who] = [UndoStep.from_doc(s) for s in doc["undo"]]
            self.redo[who] = [UndoStep.from_doc(s) for s in doc["redo"]]
