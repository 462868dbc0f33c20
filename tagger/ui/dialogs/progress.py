"""A modal progress bar for long jobs (sample import, export) run in a thread worker.

The worker reports `(done, total)` through `app.call_from_thread(dialog.advance, ...)`; the
dialog never touches the job, and escape asks the job to stop through `cancel`.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static


class ProgressDialog(ModalScreen[None]):
    """Shows a title, a bar and a count; the app dismisses it when the job ends."""

    BINDINGS = [Binding("escape", "cancel", "Stop", id="progress.cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title
        self.cancelled = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield ProgressBar(total=None, show_eta=False, id="progress-bar")
            yield Static("", id="progress-count")
            yield Static(Text("esc stops after the current item"), classes="dialog-hint")

    def advance(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#progress-count", Static).update(f"{done} / {total}")

    def action_cancel(self) -> None:
        self.cancelled = True
        self.query_one("#progress-count", Static).update("stopping…")
