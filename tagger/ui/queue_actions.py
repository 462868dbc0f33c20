"""What the app does with filters and queues: apply, sort, save, switch, count, and keep fresh.

A queue is a saved filter; the current one is `queue_name` (None for an unsaved filter) and
`query_text`. Filters that only read summaries and reviews run in memory at once; the few
that read bodies (`body:`, `entity:`) run in a thread so keys never wait. Other reviewers'
saves are picked up by polling `store.refresh()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tagger.errors import QueryError, TaggerError
from tagger.query import Query, parse_query
from tagger.ui.list_model import Sort

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp

    _Base = TaggerApp
else:
    _Base = object


class QueueActions(_Base):
    """Mixed into TaggerApp."""

    def init_queues(self) -> None:
        self.queue_name: str | None = None
        self.query_text = ""

    def queues(self) -> dict[str, str]:
        try:
            return dict(self.store.saved_filters())
        except TaggerError as exc:
            self.report_error(exc)
            return {}

    def queue_title(self) -> str:
        if self.queue_name:
            return f"queue {self.queue_name}"
        return f"filter {self.query_text}" if self.query_text else "all articles"

    # --- filtering -----------------------------------------------------------------------
    def apply_filter(
        self, text: str, *, name: str | None = None, quiet: bool = False,
        raise_errors: bool = False,
    ) -> QueryError | None:
        """Show the articles `text` selects; returns the QueryError instead of raising it."""
        try:
            query = parse_query(text, self.taxonomy)
        except QueryError as exc:
            if raise_errors:
                raise
            return exc
        if name is None:
            # A filter typed to equal a saved queue is that queue.
            name = next((n for n, q in self.queues().items() if q.strip() == text.strip()), None)
        self.queue_name = name
        self.query_text = text.strip()
        if query.needs_body and not quiet:
            self.say("filtering (reads article bodies)…")
            self._filter_in_thread(query)
            return None
        self.model.apply(query)
        self._view_changed()
        return None

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _filter_in_thread(self, query: Query) -> None:
        ids = self.model.matching(query)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._filtered, query, ids)

    def _filtered(self, query: Query, ids: list[str]) -> None:
        if query.text.strip() != self.query_text:
            return  # a newer filter was applied meanwhile
        self.model.apply(query, ids=ids)
        self._view_changed()

    def _view_changed(self) -> None:
        self.view_done = self.model.done_count()
        self.marks.intersection_update(self.model.summaries)
        listing = self.list_screen
        if listing is not None and listing.is_mounted:
            listing.rows_changed()
            self.set_current(listing.table.current_id, listing.table.cursor)
        elif self.current_article_id is None and self.model.ids:
            self.set_current(self.model.ids[0], 0)
        self.session.changed()

    def resort(self, sort: Sort) -> None:
        self.model.resort(sort)
        self._view_changed()

    def count_queue(self, text: str) -> tuple[int, int]:
        """(remaining, total) for a query: remaining = not yet reviewed."""
        ids = self.model.matching(parse_query(text, self.taxonomy))
        done = sum(1 for i in ids if self.model.is_done(i))
        return len(ids) - done, len(ids)

    # --- queues --------------------------------------------------------------------------
    def action_queues(self) -> None:
        from tagger.ui.widgets.queue_list import ALL, QueueDialog

        def chosen(name: str | None) -> None:
            if name is None:
                return
            if name == ALL:
                self.apply_filter("", name=None)
                return
            query = self.queues().get(name)
            if query is not None:
                self.apply_filter(query, name=name)

        self.push_screen(QueueDialog(self.queues(), self.count_queue, self.delete_queue), chosen)

    def delete_queue(self, name: str) -> bool:
        try:
            self.store.delete_filter(name)
        except (TaggerError, OSError) as exc:
            self.report_error(exc)
            return False
        if self.queue_name == name:
            self.queue_name = None
        return True

    def action_save_queue(self) -> None:
        from tagger.ui.dialogs.note import TextPrompt

        if not self.query_text:
            self.notify("Filter first (/), then save the filter as a queue.", timeout=3)
            return

        def named(name: str | None) -> None:
            if not name or not name.strip():
                return
            try:
                self.store.save_filter(name.strip(), self.query_text)
            except (TaggerError, OSError) as exc:
                self.report_error(exc)
                return
            self.queue_name = name.strip()
            self.session.changed()
            self.say(f"saved queue {self.queue_name}")

        self.push_screen(
            TextPrompt(f"Save the filter '{self.query_text}' as a queue named:",
                       self.queue_name or "", placeholder="queue name"),
            named,
        )

    # --- other reviewers -----------------------------------------------------------------
    def poll_store(self) -> None:
        """Pick up saves by other processes (another reviewer on the same server).

        The check runs in a thread: while another process holds the store's lock, the check
        may wait for it, and a key must never wait behind a poll.
        """
        self._poll_in_thread()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll_in_thread(self) -> None:
        """New articles mean a full reload; otherwise only the rows whose reviews changed."""
        from tagger.selection import reviews_by_article

        try:
            if not self.store.refresh():
                return
        except (TaggerError, OSError):
            return  # a busy or briefly unreadable store: look again next time
        worker = get_current_worker()
        if self.store.article_count() != len(self.model.order):
            summaries = self.store.summaries()
            reviews = reviews_by_article(self.store.iter_reviews())
            if not worker.is_cancelled:
                self.call_from_thread(self._reloaded, summaries, reviews)
            return
        fresh = reviews_by_article(self.store.iter_reviews())
        known = self.model.reviews.copy()
        changed = [aid for aid in fresh.keys() | known.keys()
                   if _signature(fresh.get(aid)) != _signature(known.get(aid))]
        if changed and not worker.is_cancelled:
            self.call_from_thread(self.refresh_articles, changed)

    def _reloaded(self, summaries, reviews) -> None:
        self.model.replace(summaries, reviews)
        self.model.apply(self.model.query)
        self._view_changed()
        if self.current_article_id:
            self.broadcast_review_changed(self.current_article_id)


def _signature(reviews) -> tuple:
    if not reviews:
        return ()
    return tuple(sorted((r.reviewer, r.updated_at, r.status) for r in reviews))
