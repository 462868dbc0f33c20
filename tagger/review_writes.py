"""Every write to reviews: tag, status, note, unsure, accept, bulk, undo, redo and import.

Each one takes the store lock, applies what other processes wrote, computes its Changes
from the current review, appends them to the journal (fsynced) and only then applies
them in memory, so a change is acknowledged exactly when it is on disk. Status
side-effects are Changes of the same batch, so one undo reverts both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import orjson

from tagger.errors import NotFoundError, StoreError, ValidationError
from tagger.history import IMPORT_TIMES, field_value, new_batch_id
from tagger.models import STATUSES, Change, Review, utc_now

if TYPE_CHECKING:
    from tagger.store import Store

Step = tuple[str, Any, Any]  # field, old, new
BULK_MODES = ("set", "add", "remove")


class ReviewWrites:
    """Mixed into Store; relies on its lock, journal, book and validation helpers."""

    # -- the single write path -------------------------------------------------------
    def _entries(
        self: Store, steps: list[tuple[str, str, Any, Any]], reviewer: str, batch: str,
        action: str = "set", extra: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        at, seq, out = utc_now(), self._journal.seq, []
        for aid, fld, old, new in steps:
            seq += 1
            out.append({
                "seq": seq, "batch": batch, "at": at, "reviewer": reviewer, "article_id": aid,
                "field": fld, "old": old, "new": new, "action": action, **(extra or {}),
            })
        return out

    def _commit(self: Store, entries: list[dict[str, Any]]) -> None:
        if not entries:
            return
        spans = self._journal.append(entries)
        for entry, span in zip(entries, spans, strict=True):
            self._book.apply(entry, span)
        if self._journal.seq - self._snapshot_seq >= self._checkpoint_every:
            try:
                self._checkpoint()
            except StoreError:
                pass  # the save itself is in the journal; the next save tries again

    def _change(
        self: Store, article_id: str, reviewer: str, batch: str | None,
        compute: Callable[[Review | None], list[Step]],
    ) -> Review:
        reviewer = self._reviewer(reviewer)
        with self._lock.held():
            self._sync()
            self._require(article_id)
            steps = compute(self._book.get(article_id, reviewer))
            if steps:
                entries = self._entries(
                    [(article_id, f, o, n) for f, o, n in steps], reviewer, batch or new_batch_id()
                )
                self._commit(entries)
            found = self._book.get(article_id, reviewer)
        return found or Review(article_id, reviewer)

    # -- single-article writes ----------------------------------------------------------
    def set_tags(self: Store, article_id, reviewer, group, labels, *, batch=None) -> Review:
        name = self._group(group)
        wanted = self._labels(name, labels)

        def compute(rv: Review | None) -> list[Step]:
            steps: list[Step] = []
            old = field_value(rv, f"tags.{name}")
            if old != wanted:
                steps.append((f"tags.{name}", old, wanted))
            status = field_value(rv, "status")
            if wanted and status == "untagged":
                steps.append(("status", status, "tagged"))
            return steps

        return self._change(article_id, reviewer, batch, compute)

    def set_status(self: Store, article_id, reviewer, status, *, batch=None) -> Review:
        if status not in STATUSES:
            raise ValidationError(f"'{status}' is not a status. Use one of: {', '.join(STATUSES)}.")

        def compute(rv: Review | None) -> list[Step]:
            old = field_value(rv, "status")
            return [("status", old, status)] if old != status else []

        return self._change(article_id, reviewer, batch, compute)

    def set_note(self: Store, article_id, reviewer, note, *, batch=None) -> Review:
        if not isinstance(note, str):
            raise ValidationError("A note is text.")

        def compute(rv: Review | None) -> list[Step]:
            old = field_value(rv, "note")
            return [("note", old, note)] if old != note else []

        return self._change(article_id, reviewer, batch, compute)

    def set_unsure(self: Store, article_id, reviewer, group, unsure: bool, *, batch=None) -> Review:
        name = self._group(group)

        def compute(rv: Review | None) -> list[Step]:
            old = field_value(rv, "unsure")
            new = [g for g in old if g != name] + ([name] if unsure else [])
            steps: list[Step] = [("unsure", old, new)] if sorted(new) != sorted(old) else []
            status = field_value(rv, "status")
            if unsure and status != "unsure":
                steps.append(("status", status, "unsure"))
            elif not unsure and not new and status == "unsure":
                tagged = bool(rv and rv.tags)
                steps.append(("status", status, "tagged" if tagged else "untagged"))
            return steps

        return self._change(article_id, reviewer, batch, compute)

    def accept(self: Store, article_id, reviewer, *, batch=None) -> Review:
        """Mark the tags as checked: status "tagged", reviewed_at now, unsure marks cleared."""

        def compute(rv: Review | None) -> list[Step]:
            steps: list[Step] = []
            status = field_value(rv, "status")
            if status != "tagged":
                steps.append(("status", status, "tagged"))
            unsure = field_value(rv, "unsure")
            if unsure:
                steps.append(("unsure", unsure, []))
            steps.append(("reviewed_at", field_value(rv, "reviewed_at"), utc_now()))
            return steps

        return self._change(article_id, reviewer, batch, compute)

    # -- many articles at once ------------------------------------------------------------
    def bulk_set_tags(self: Store, article_ids, reviewer, group, labels, mode="set") -> str:
        """Set, add or remove labels on many articles as one batch (one undo step)."""
        if mode not in BULK_MODES:
            raise ValidationError(f"Bulk mode '{mode}' is not one of {', '.join(BULK_MODES)}.")
        reviewer = self._reviewer(reviewer)
        name = self._group(group)
        given = self._labels(name, labels)
        ids = list(dict.fromkeys(article_ids))
        batch = new_batch_id()
        with self._lock.held():
            self._sync()
            missing = [a for a in ids if not self.has_article(a)]
            if missing:
                raise NotFoundError(
                    f"{len(missing)} of the articles are not in the store "
                    f"({', '.join(missing[:3])}); nothing was changed."
                )
            steps = []
            for aid in ids:
                rv = self._book.get(aid, reviewer)
                old = field_value(rv, f"tags.{name}")
                if mode == "set" or (mode == "add" and not self._multi(name)):
                    new = list(given)
                elif mode == "add":
                    new = old + [x for x in given if x not in old]
                else:
                    new = [x for x in old if x not in given]
                if new != old:
                    steps.append((aid, f"tags.{name}", old, new))
                status = field_value(rv, "status")
                if new and status == "untagged":
                    steps.append((aid, "status", status, "tagged"))
            self._commit(self._entries(steps, reviewer, batch))
        return batch

    # -- undo and redo ------------------------------------------------------------------
    def undo(self: Store, reviewer: str) -> list[Change]:
        """Revert the reviewer's latest batch not yet undone; [] when there is none."""
        return self._replay(reviewer, "undo")

    def redo(self: Store, reviewer: str) -> list[Change]:
        """Re-apply the batch the reviewer undid last; [] when there is none."""
        return self._replay(reviewer, "redo")

    def _replay(self: Store, reviewer: str, action: str) -> list[Change]:
        reviewer = self._reviewer(reviewer)
        with self._lock.held():
            self._sync()
            step = (self._book.next_undo if action == "undo" else self._book.next_redo)(reviewer)
            if step is None:
                return []
            changes = step.plan(reviewer, self._journal.read_ranges)
            plan = reversed(changes) if action == "undo" else changes
            steps = []
            for aid, fld, old, new in plan:
                current = field_value(self._book.get(aid, reviewer), fld)
                steps.append((aid, fld, current, old if action == "undo" else new))
            entries = self._entries(steps, reviewer, step.batch, action)
            self._commit(entries)
        return [Change.from_dict(e) for e in entries]

    # -- reviews from elsewhere ---------------------------------------------------------
    def import_review(self: Store, review: Review) -> str:
        """Store a review from an export: "added", "same", or "conflict" (nothing written)."""
        reviewer = self._reviewer(review.reviewer)
        if review.status not in STATUSES:
            raise ValidationError(f"'{review.status}' is not a status.")
        tags = {self._group(g): self._labels(self._group(g), v) for g, v in review.tags.items() if v}
        fields: dict[str, Any] = {
            "status": review.status, "note": review.note or "",
            "unsure": [self._group(g) for g in review.unsure], "reviewed_at": review.reviewed_at,
        }
        with self._lock.held():
            self._sync()
            self._require(review.article_id)
            current = self._book.get(review.article_id, reviewer)
            if current is not None:
                same = {g: list(v) for g, v in current.tags.items()} == tags and all(
                    field_value(current, k) == v for k, v in fields.items()
                )
                return "same" if same else "conflict"
            steps = [(review.article_id, "status", None, review.status)]
            steps += [(review.article_id, f"tags.{g}", [], v) for g, v in tags.items()]
            steps += [
                (review.article_id, k, field_value(None, k), v)
                for k, v in fields.items() if k != "status" and v
            ]
            now = utc_now()
            times = {k: getattr(review, k) or now for k in IMPORT_TIMES}
            self._commit(self._entries(steps, reviewer, new_batch_id(), "import", times))
        return "added"

    # -- history ------------------------------------------------------------------------
    def history(self: Store, article_id: str | None = None, reviewer: str | None = None) -> list[Change]:
        """Every change, oldest first, optionally for one article and/or one reviewer."""
        return list(self.iter_history(article_id, reviewer))

    def iter_history(
        self: Store,
        article_id: str | None = None,
        reviewer: str | None = None,
        since: str | None = None,
    ) -> Iterator[Change]:
        """`history`, streamed from the journal: memory stays flat however long it is.

        Lines are matched as bytes before they are parsed (a `"reviewer":"ann"` pair can
        only be the entry's own field, since quotes inside strings are escaped), so picking
        one article's or one reviewer's changes parses only theirs. With `since` (an ISO
        timestamp), only changes made at or after it, found by a binary search.
        """
        with self._lock.thread:
            stop = self._journal.pos  # append-only: what lies before this never changes
        needles = [
            b'"%s":%s' % (key.encode(), orjson.dumps(value))
            for key, value in (("article_id", article_id), ("reviewer", reviewer))
            if value is not None
        ]
        start = 0 if since is None else self._journal.offset_since(since, stop)
        for _, e in self._journal.scan(start, stop, needles):
            if (
                (article_id is None or e["article_id"] == article_id)
                and (reviewer is None or e["reviewer"] == reviewer)
                and (since is None or e["at"] >= since)
            ):
                yield Change.from_dict(e)
