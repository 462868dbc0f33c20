"""The export dialog: choose a format and a file name for the current filter.

It only collects the choice; the app runs `tagger.export.export` in a thread worker with a
progress bar and then says the absolute path written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Format (a select) and file name (an input); enter in the file name exports."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, formats: list[tuple[str, str, str]], folder: Path, stem: str,
                 where: str) -> None:
        """`formats`: (name, suffix, summary) of every export format."""
        super().__init__()
        self.formats = formats
        self.folder = folder
        self.stem = stem
        self.where = where

    def compose(self) -> ComposeResult:
        first = self.formats[0]
        with Vertical(classes="dialog-box"):
            yield Static(Text("Export the current filter", style="bold"), classes="dialog-title")
            yield Static(Text(f"filter: {self.where or '(all articles)'}", no_wrap=True,
                              overflow="ellipsis"))
            yield Select([(name, name) for name, _, _ in self.formats],
                         value=first[0], allow_blank=False, id="export-format")
            yield Static(Text(first[2]), id="export-summary")
            yield Input(str(self.folder / f"{self.stem}{first[1]}"), id="export-path")
            yield Static(Text("tab next field · enter in the file name exports · esc cancel"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        found = {name: (sfx, summary) for name, sfx, summary in self.formats}
        suffix, summary = found.get(str(event.value), ("", ""))
        self.query_one("#export-summary", Static).update(Text(summary))
        path_input = self.query_one(Input)
        path = Path(path_input.value)
        if suffix and path.name.startswith(self.stem):
            path_input.value = str(path.with_name(f"{self.stem}{suffix}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            return
        self.dismiss(ExportChoice(str(self.query_one(Select).value),
                                  Path(value).expanduser().absolute()))

    def action_cancel(self) -> None:
        self.dismiss(None)
