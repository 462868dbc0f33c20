"""Saved filters as review queues: a dialog listing each with its remaining count.

Counting a queue means running its filter over every article, so the counts are filled in by
a thread worker after the dialog shows; choosing a queue never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

ALL = "\x00all"  # the option id of "all articles" (no saved filter has this name)

Counter = Callable[[str], tuple[int, int]]  # query -> (remaining, total)


class QueueList(OptionList):
    """One line per queue: name, remaining / total, and the query."""

    def __init__(self, queues: dict[str, str], **kw) -> None:
        super().__init__(**kw)
        self.queues = dict(queues)
        self.counts: dict[str, tuple[int, int]] = {}

    def on_mount(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        entries = [(ALL, "all articles", "")] + [(n, n, q) for n, q in self.queues.items()]
        for option_id, name, query in entries:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{name}", style="bold")
            count = self.counts.get(option_id)
            if count is None:
                line.append("  … remaining")
            else:
                line.append(f"  {count[0]} remaining of {count[1]}")
            if query:
                line.append(f"  {query}", style="italic")
            self.add_option(Option(line, id=option_id))
        self.highlighted = highlighted if highlighted is not None else 0

    def set_count(self, option_id: str, count: tuple[int, int]) -> None:
        self.counts[option_id] = count
        self.rebuild()


class QueueDialog(ModalScreen[str | None]):
    """Choose a queue; the result is its name, ALL for every article, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="queues.close"),
        Binding("d", "delete", "Delete queue", id="queues.delete"),
    ]

    def __init__(self, queues: dict[str, str], count: Counter,
                 delete: Callable[[str], bool]) -> None:
        super().__init__()
        self.queues = queues
        self.count = count
        self.delete = delete

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text("Review queues", style="bold"), classes="dialog-title")
            yield QueueList(self.queues, id="queue-list")
            yield Static(Text("enter switch · d delete · esc close · "
                              "(w in the list saves the current filter as a queue)"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(QueueList).focus()
        self._count_all()

    @work(thread=True, exclusive=True, group="queue-counts", exit_on_error=False)
    def _count_all(self) -> None:
        worker = get_current_worker()
        listing = self.query_one(QueueList)
        for option_id, query in [(ALL, "")] + list(self.queues.items()):
            if worker.is_cancelled:
                return
            try:
                count = self.count(query)
            except Exception:  # a bad saved query shows no count rather than failing
                continue
            self.app.call_from_thread(listing.set_count, option_id, count)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_delete(self) -> None:
        listing = self.query_one(QueueList)
        if listing.highlighted is None:
            return
        name = listing.get_option_at_index(listing.highlighted).id
        if name and name != ALL and self.delete(name):
            listing.queues.pop(name, None)
            listing.rebuild()

    def action_cancel(self) -> None:
        self.dismiss(None)
