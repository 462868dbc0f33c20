"""Tagging actions of the app: pickers, accept, skip, flag, note, undo, redo and bulk tagging.

Every change is written to the store synchronously (about a millisecond; never in an
exclusive worker, which would cancel an earlier save), then the article is re-read from the
store, so the screen shows what was saved and a failed save shows an error instead of a tag.
With marks in the list, the picker applies to every marked article as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from tagger.config import Group
from tagger.errors import TaggerError
from tagger.store import new_batch_id
from tagger.ui.dialogs.picker import PickState, TagPicker
from tagger.ui.messages import ReviewChanged
from tagger.ui.sanitize import clean_line

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp

    _Base = TaggerApp
else:
    _Base = object


class ReviewActions(_Base):
    """Mixed into TaggerApp."""

    # --- which articles a key acts on --------------------------------------------------
    def bulk_targets(self) -> list[str]:
        """Marked articles in view order, when the list is showing and has marks."""
        from tagger.ui.screens.list_screen import ListScreen

        if not self.marks or not isinstance(self.screen, ListScreen):
            return []
        return [i for i in self.model.ids if i in self.marks]

    def targets(self) -> list[str]:
        return self.bulk_targets() or (
            [self.current_article_id] if self.current_article_id else []
        )

    # --- saving ------------------------------------------------------------------------
    def save(self, ids: list[str], write: Callable[[], object], done: str = "") -> bool:
        """Run `write`, then re-read `ids` from the store whatever happened."""
        try:
            write()
            ok = True
        except (TaggerError, OSError) as exc:
            self.report_error(exc)
            ok = False
        self.refresh_articles(ids)
        if ok and done:
            self.say(done)
        return ok

    def refresh_articles(self, ids: Iterable[str]) -> None:
        model = self.model
        ids = list(dict.fromkeys(ids))
        for aid in ids:
            before = model.is_done(aid)
            model.update(aid)
            after = model.is_done(aid)
            if before != after and aid in model.view_set:
                self.view_done += 1 if after else -1
        listing = self.list_screen
        if listing is not None and listing.is_mounted:
            if len(ids) == 1:
                listing.article_changed(ids[0])
            else:
                listing.table.refresh()
                listing.show_progress()
        for aid in ids if len(ids) <= 20 else [self.current_article_id]:
            if aid:
                self.broadcast_review_changed(aid)

    def broadcast_review_changed(self, article_id: str) -> None:
        for screen in self.screen_stack:
            screen.post_message(ReviewChanged(article_id))

    # --- pickers -------------------------------------------------------------------------
    def pick_state(self, article_id: str, group: str) -> PickState:
        review = self.model.review(article_id)
        if review is None:
            return PickState()
        return PickState(review.labels(group), group in review.unsure)

    def action_pick(self, group_name: str) -> None:
        group = self.taxonomy.group(group_name)
        bulk = self.bulk_targets()
        ids = bulk or ([self.current_article_id] if self.current_article_id else [])
        if not ids:
            self.notify("No article to tag: the queue is empty.", timeout=3)
            return
        if bulk:
            state = PickState()
            target = f"{len(ids)} marked articles; each change is one undo step"
        else:
            state = self.pick_state(ids[0], group.name)
            target = clean_line(self.model.summaries[ids[0]].title)
        apply = partial(self._apply_pick, group, ids, bool(bulk))
        # One picker per group is built once and kept installed: building its widgets is
        # most of the cost of opening it.
        name = f"picker-{group.name}"
        if self.is_screen_installed(name):
            picker = self.get_screen(name)
            picker.reuse(state, apply, target)
        else:
            picker = TagPicker(group, state, apply, target=target,
                               bindings=self.keymap.bindings("picker"),
                               unsure_key=self.keymap.display("picker.unsure"))
            self.install_screen(picker, name)
        self.push_screen(name)

    def _apply_pick(
        self, group: Group, ids: list[str], bulk: bool, current: PickState, desired: PickState
    ) -> PickState:
        store, me, name = self.store, self.reviewer, group.name
        shown = ", ".join(desired.labels) or "none"
        if not bulk:
            aid = ids[0]

            def write_one() -> None:
                if desired.labels != current.labels:
                    store.set_tags(aid, me, name, list(desired.labels))
                if desired.unsure != current.unsure:
                    store.set_unsure(aid, me, name, desired.unsure)

            note = " (unsure)" if desired.unsure else ""
            self.save([aid], write_one, f"saved {name}: {shown}{note}")
            return self.pick_state(aid, name)

        def write_bulk() -> None:
            if desired.unsure != current.unsure:
                batch = new_batch_id()
                for aid in ids:
                    store.set_unsure(aid, me, name, desired.unsure, batch=batch)
            elif not group.multi or not desired.labels:
                store.bulk_set_tags(ids, me, name, list(desired.labels), mode="set")
            else:
                added = [lb for lb in desired.labels if lb not in current.labels]
                removed = [lb for lb in current.labels if lb not in desired.labels]
                if added:
                    store.bulk_set_tags(ids, me, name, added, mode="add")
                if removed:
                    store.bulk_set_tags(ids, me, name, removed, mode="remove")

        ok = self.save(ids, write_bulk, f"saved {name} on {len(ids)} articles: {shown}")
        return desired if ok else current

    # --- one-key actions -----------------------------------------------------------------
    def action_accept_next(self) -> None:
        aid = self.current_article_id
        if aid is None:
            return
        if self.save([aid], lambda: self.store.accept(aid, self.reviewer), self._tags_line(aid)):
            self.session.record_accept()
            self.action_go(1)

    def _tags_line(self, aid: str) -> str:
        review = self.store.effective_review(aid, self.reviewer)
        parts = [", ".join(review.labels(g)) for g in self.taxonomy.names] if review else []
        return "accepted: " + (" · ".join(p for p in parts if p) or "no tags")

    def action_set_status(self, status: str) -> None:
        ids = self.targets()
        if not ids:
            return
        batch = new_batch_id()

        def write() -> None:
            for aid in ids:
                self.store.set_status(aid, self.reviewer, status, batch=batch)

        label = f"{status} {len(ids)} articles" if len(ids) > 1 else status
        if self.save(ids, write, label) and status == "skipped" and len(ids) == 1:
            self.action_go(1)

    def action_note(self) -> None:
        from tagger.ui.dialogs.note import TextPrompt

        aid = self.current_article_id
        if aid is None:
            return
        review = self.model.review(aid)
        title = clean_line(self.model.summaries[aid].title)

        def done(text: str | None) -> None:
            if text is None:
                return
            self.save([aid], lambda: self.store.set_note(aid, self.reviewer, text.strip()),
                      "note saved" if text.strip() else "note cleared")

        self.push_screen(
            TextPrompt(f"Note for: {title}", review.note if review else "",
                       placeholder="what should the next reader know?"),
            done,
        )

    def action_undo(self) -> None:
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, which: str) -> None:
        try:
            changes = getattr(self.store, which)(self.reviewer)
        except (TaggerError, OSError) as exc:
            self.report_error(exc)
            return
        if not changes:
            self.say(f"nothing to {which}")
            return
        ids = list(dict.fromkeys(c.article_id for c in changes))
        self.refresh_articles(ids)
        verb = "undid" if which == "undo" else "redid"
        where = clean_line(self.model.summaries[ids[0]].title)[:40] if len(ids) == 1 and \
            ids[0] in self.model.summaries else f"{len(ids)} articles"
        self.say(f"{verb} {len(changes)} change{'s' if len(changes) != 1 else ''} on {where}")

    def apply_label(self, group_name: str, label: str) -> None:
        """The palette's "tag: group = label": set it (single choice) or toggle it (multi)."""
        group = self.taxonomy.group(group_name)
        bulk = self.bulk_targets()
        ids = bulk or ([self.current_article_id] if self.current_article_id else [])
        if not ids:
            return
        current = PickState() if bulk else self.pick_state(ids[0], group.name)
        if group.multi and label in current.labels:
            labels = tuple(lb for lb in current.labels if lb != label)
        elif group.multi:
            labels = (*current.labels, label)
        else:
            labels = (label,)
        self._apply_pick(group, ids, bool(bulk), current, PickState(labels, current.unsure))
