"""Session resume and the review rate: what the app remembers between runs, per reviewer.

The store keeps `{"queue", "query", "sort", "article_id", "screen"}` for each reviewer; the
app writes it a moment after the cursor settles (not on every key, because each write is
fsynced) and on quit, and reads it at start. The rate counts this reviewer's accepts in the
last hour of the store's history, so it survives a restart too.
"""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from tagger.errors import QueryError, TaggerError
from tagger.models import utc_iso
from tagger.ui.list_model import SORT_COLUMNS, Sort
from tagger.ui.widgets.progress_line import now_ts, parse_ts, rate_per_hour

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp

SAVE_DELAY_S = 0.8


class SessionKeeper:
    """Reads and writes the reviewer's session, and keeps the recent accept times."""

    def __init__(self, app: TaggerApp) -> None:
        self.app = app
        self._timer: Any = None
        self._accepts: list[float] = []
        self._last_saved: dict | None = None
        self._seq = 0
        self._written = 0
        self._put_lock = threading.Lock()

    # --- resume ------------------------------------------------------------------------
    def snapshot(self) -> dict:
        from tagger.ui.app import reading_screen_class

        app = self.app
        reading = reading_screen_class()
        in_reading = reading is not None and any(isinstance(s, reading) for s in app.screen_stack)
        screen = "reading" if in_reading else "list"
        return {
            "queue": app.queue_name,
            "query": app.query_text,
            "sort": [app.model.sort.column, app.model.sort.descending],
            "article_id": app.current_article_id,
            "screen": screen,
        }

    def restore(self) -> dict:
        """Apply the saved session (queue, filter, sort, article); returns what was read."""
        app = self.app
        try:
            data = app.store.get_session(app.reviewer) or {}
        except TaggerError as exc:
            app.report_error(exc)
            data = {}
        sort = data.get("sort")
        if isinstance(sort, list) and len(sort) == 2 and sort[0] in SORT_COLUMNS:
            app.model.sort = Sort(sort[0], bool(sort[1]))
        name = data.get("queue")
        query = data.get("query") or ""
        queues = app.queues()
        if name and name in queues:
            query = queues[name]
        else:
            name = None
        try:
            app.apply_filter(query, name=name, quiet=True, raise_errors=True)
        except QueryError:
            app.apply_filter("", quiet=True)
        aid = data.get("article_id")
        index = app.model.index_of(aid) if isinstance(aid, str) else None
        if index is None and app.model.ids:
            index, aid = 0, app.model.ids[0]
        app.set_current(aid if index is not None else None, index)
        self._last_saved = self.snapshot() if data else None
        return data

    def start_fresh(self) -> dict:
        """No resume: every article, import order, the first one current."""
        self.app.apply_filter("", quiet=True)
        ids = self.app.model.ids
        self.app.set_current(ids[0] if ids else None, 0 if ids else None)
        return {}

    def changed(self) -> None:
        """Something the session records changed: save it once things settle."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(SAVE_DELAY_S, partial(self.save, background=True))

    def save(self, background: bool = False) -> None:
        """Write the session if it changed; in a thread while running (the store's lock may
        be busy with another reviewer's save), synchronously on quit."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        data = self.snapshot()
        if data == self._last_saved:
            return
        self._last_saved = data
        self._seq += 1
        if background:
            self.app.run_worker(partial(self._put, data, self._seq), thread=True,
                                group="session", exit_on_error=False)
        else:
            self._put(data, self._seq)

    def _put(self, data: dict, seq: int) -> None:
        # A background write still running when quit writes must not land after it.
        with self._put_lock:
            if seq <= self._written:
                return
            try:
                self.app.store.put_session(self.app.reviewer, data)
            except (TaggerError, OSError):
                # Losing a resume point is harmless; the next move or quit writes it again.
                self._last_saved = None
                return
            self._written = seq

    # --- rate --------------------------------------------------------------------------
    def load_rate(self) -> None:
        """Read the last hour's accepts from the history in a thread, off the first paint."""
        self.app.run_worker(self._read_accepts, thread=True, group="rate", exit_on_error=False)

    def _read_accepts(self) -> None:
        now = now_ts()
        stamps = []
        since = utc_iso(now - 3600)
        for change in self.app.store.iter_history(reviewer=self.app.reviewer, since=since):
            if change.field == "reviewed_at" and change.new and change.action == "set":
                t = parse_ts(change.at)
                if t is not None and now - t <= 3600:
                    stamps.append(t)
        self.app.call_from_thread(self._set_accepts, stamps)

    def _set_accepts(self, stamps: list[float]) -> None:
        seen = set(self._accepts)
        self._accepts = sorted(seen | set(stamps))
        listing = self.app.list_screen
        if listing is not None and listing.is_mounted:
            listing.show_progress()

    def record_accept(self) -> None:
        self._accepts.append(now_ts())

    def rate(self) -> float:
        return rate_per_hour(self._accepts, now_ts())
