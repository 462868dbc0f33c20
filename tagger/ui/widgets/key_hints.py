"""The key line under the list: the main bindings, drawn from the keymap as one line of text.

Textual's Footer rebuilds its widgets whenever focus or the screen changes, which cost tens of
milliseconds per picker closed or filter applied on a slow machine; this is one Static that
changes only when the mode does (list keys, or filter-editing keys).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tagger.ui.keymap import Keymap

# Shown while the filter bar has focus.
FILTER_HINTS = (("enter", "Apply"), ("esc", "Close"), ("ctrl+u", "Clear"))


class KeyHints(Static):
    """One line of "key action" pairs; keys in reverse video so they read without colour."""

    DEFAULT_CSS = "KeyHints { height: 1; background: $panel; }"

    def __init__(self, keymap: Keymap, **kw) -> None:
        super().__init__(**kw)
        self.keymap = keymap
        self._mode = ""

    def _pairs(self, mode: str) -> list[tuple[str, str]]:
        if mode == "filter":
            return list(FILTER_HINTS)
        shown = [s for s in self.keymap.specs if s.show and s.scope == "list"]
        shown += [s for s in self.keymap.specs if s.show and s.scope == "app"]
        pairs = [(self.keymap.keys(s.id)[0], s.description) for s in shown]
        return [(self.keymap.display_key(k), d) for k, d in pairs] + [("^p", "palette")]

    def show_mode(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        line = Text(no_wrap=True, overflow="crop")
        for key, description in self._pairs(mode):
            line.append(key, style="bold reverse")
            line.append(f" {description} ")
        self.update(line)
