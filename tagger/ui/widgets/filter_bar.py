"""The filter bar: always shows the current filter; `/` edits it, enter applies, escape leaves.

Parsing happens in the screen (it owns the model); this widget only collects the text and
shows a QueryError under it with a caret at the reported position, so a mistake is found
without reading the whole message. It stays on screen, so applying a filter never changes
the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static


class FilterBar(Vertical):
    """An Input for the query language, hidden until `/`."""

    BINDINGS = [Binding("escape", "cancel", "Close filter", show=True, id="filter.cancel")]

    @dataclass
    class Applied(Message):
        text: str

    class Cancelled(Message):
        pass

    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield Static("filter /", id="filter-label")
            yield Input(
                placeholder="no filter: press / and type e.g. topic:conflict status:untagged",
                id="filter-input",
                compact=True,
            )
        yield Static("", id="filter-error")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def on_mount(self) -> None:
        self.show_error(None)

    def open(self) -> None:
        self.show_error(None)
        self.input.cursor_position = len(self.input.value)
        self.input.focus()

    def show_query(self, text: str) -> None:
        """Show the filter in force (the Input keeps what was typed until then)."""
        self.show_error(None)
        if self.input.value != text:
            self.input.value = text

    def show_error(self, message: str | None, position: int | None = None) -> None:
        error = self.query_one("#filter-error", Static)
        if not message:
            error.update("")
            error.display = False
            return
        out = Text()
        if position is not None:
            # Put the caret under the character the parser points at.
            offset = self.input.content_region.x - error.content_region.x
            out.append(" " * max(0, position + offset) + "^ ", style="bold")
        out.append(message, style="bold")
        error.update(out)
        error.display = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Applied(event.value))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
