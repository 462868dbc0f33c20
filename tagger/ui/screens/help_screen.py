"""Help: every binding with its id and keys, grouped by where it works, from the keymap itself.

Because it reads the same keymap the app binds, remapped keys show as remapped, and the ids
shown are the ones the `[keys]` table of the config file accepts.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tagger.ui.keymap import Keymap

SECTIONS = (
    ("app", "Anywhere (acts on the current article)"),
    ("list", "Article list"),
    ("reading", "Reading view"),
    ("picker", "Tag picker (label key letters choose; arrows and enter work too)"),
)


def help_table(keymap: Keymap, scope: str, title: str) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", box=None,
                  expand=True, padding=(0, 1), show_header=True, header_style="bold")
    table.add_column("keys", no_wrap=True)
    table.add_column("action")
    table.add_column("id", no_wrap=True)
    for spec in keymap.for_scope(scope):
        table.add_row(Text(keymap.display(spec.id), style="bold"), spec.description, spec.id)
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, readable at 80x24 by scrolling; escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def __init__(self, keymap: Keymap) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="dialog-box"):
            yield Static(Text("tagger keys — remap by id in the [keys] table of the config "
                              "file; `tagger config show` prints its path", style="bold"))
            for scope, title in SECTIONS:
                if self.keymap.for_scope(scope):
                    yield Static(help_table(self.keymap, scope, title))
            yield Static(Text("ctrl+p opens the command palette with every action. "
                              "esc, q or ? closes this help."))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + step, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
