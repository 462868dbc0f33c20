"""Every key binding of the review app, with an id, default keys and help, remappable by id.

One table serves the App and screen `BINDINGS`, the help screen, the command palette and the
`[keys]` table of the config file, so they can never disagree. Keys are limited to those a
terminal passes reliably over SSH (letters, digits, punctuation, arrows, enter, escape, a few
ctrl keys); remapping checks ids and conflicts at start-up and raises a ConfigError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tagger.errors import ConfigError

if TYPE_CHECKING:
    from textual.binding import Binding

    from tagger.config import Taxonomy

# Scopes: "app" keys act on the current article from any screen; "list" keys belong to the
# article list; "picker" keys to the tag picker. Keys must be unique within the keys that can
# be active together: app+list, and picker alone (modal screens cut off app bindings).
SCOPES_TOGETHER = (("app", "list"), ("app", "reading"), ("picker",))
# Keys Textual itself binds (palette, quit, focus), or that a terminal turns into another key
# (ctrl+i is tab, ctrl+m is enter, ctrl+[ is escape); no binding of ours may take them.
RESERVED = {"ctrl+p": "the command palette", "ctrl+q": "quit", "ctrl+c": "quit",
            "tab": "focus", "shift+tab": "focus", "ctrl+i": "tab", "ctrl+m": "enter",
            "ctrl+left_square_bracket": "escape"}


@dataclass(frozen=True, slots=True)
class Spec:
    id: str
    keys: str  # comma-separated Textual key names
    action: str
    description: str
    scope: str = "app"
    show: bool = False  # shown in the Footer
    palette: str = ""  # "category: action" title in the command palette; "" = not offered


def _fixed_specs() -> list[Spec]:
    return [
        Spec("tag.accept", "a", "accept_next", "Accept", show=True,
             palette="tag: accept tags and go to the next article"),
        Spec("tag.skip", "s", "set_status('skipped')", "Skip",
             palette="tag: skip this article"),
        Spec("tag.flag", "f", "set_status('flagged')", "Flag",
             palette="tag: flag this article"),
        Spec("tag.note", "m", "note", "Note", palette="tag: write a note…"),
        Spec("edit.undo", "u", "undo", "Undo", palette="tag: undo the last change"),
        Spec("edit.redo", "ctrl+r", "redo", "Redo", palette="tag: redo"),
        Spec("go.next", "n", "go(1)", "Next", palette="go: next article in the queue"),
        Spec("go.previous", "p", "go(-1)", "Previous",
             palette="go: previous article in the queue"),
        Spec("app.help", "question_mark", "help", "Help", show=True,
             palette="go: help with every key"),
        Spec("app.quit", "q", "quit_app", "Quit", show=True, palette="go: quit"),
        Spec("app.back", "escape", "go_back", "Back", palette="go: back (clears marks in the list)"),
        Spec("list.down", "j,down", "cursor(1)", "Down", scope="list"),
        Spec("list.up", "k,up", "cursor(-1)", "Up", scope="list"),
        Spec("list.page_down", "pagedown", "page(1)", "Page down", scope="list"),
        Spec("list.page_up", "pageup", "page(-1)", "Page up", scope="list"),
        Spec("list.top", "home", "jump(0)", "First", scope="list"),
        Spec("list.bottom", "end", "jump(-1)", "Last", scope="list"),
        Spec("list.open", "enter", "open", "Open", scope="list", show=True,
             palette="go: open the article in the reading view"),
        Spec("list.mark", "space", "mark", "Mark", scope="list",
             palette="queue: mark or unmark this article for bulk tagging"),
        Spec("list.mark_all", "asterisk", "mark_all", "Mark all", scope="list",
             palette="queue: mark all matching the filter"),
        Spec("list.filter", "slash", "filter", "Filter", scope="list", show=True,
             palette="queue: filter…"),
        Spec("list.queues", "g", "queues", "Queues", scope="list",
             palette="queue: switch to a saved queue…"),
        Spec("list.save_queue", "w", "save_queue", "Save queue", scope="list",
             palette="queue: save the current filter as a queue…"),
        Spec("list.sort", "o", "sort_next", "Sort column", scope="list",
             palette="queue: sort by the next column"),
        Spec("list.sort_reverse", "i", "sort_reverse", "Reverse sort", scope="list",
             palette="queue: reverse the sort direction"),
        Spec("list.export", "x", "export", "Export", scope="list",
             palette="export: current filter…"),
        Spec("picker.unsure", "exclamation_mark", "unsure", "Unsure", scope="picker"),
        Spec("picker.clear", "backspace", "clear", "Clear group", scope="picker"),
        Spec("picker.close", "escape", "close", "Close", scope="picker"),
    ]


def reading_specs() -> list[Spec]:
    """The reading view's own bindings (its module lists them), so help and remapping see them."""
    try:
        from tagger.ui.screens.reading import READING_BINDINGS
    except ImportError:  # the reading view is optional for the list's own tests
        return []
    return [Spec(bid, keys, action, desc, scope="reading")
            for bid, keys, action, desc in READING_BINDINGS]


def default_specs(taxonomy: Taxonomy) -> list[Spec]:
    """Every binding: one picker per taxonomy group (`tag.<group>`), the fixed ones, reading's."""
    groups = [
        Spec(f"tag.{g.name}", g.picker_key, f"pick('{g.name}')", g.title, show=True,
             palette=f"tag: {g.title.lower()}…")
        for g in taxonomy.groups
        if g.picker_key
    ]
    return groups + _fixed_specs() + reading_specs()


def _split(keys: str) -> list[str]:
    from textual.keys import _normalize_key_list

    return [k for k in _normalize_key_list(keys).split(",") if k]


class Keymap:
    """The bindings in force: defaults overridden by `[keys]`, checked for unknown ids and clashes."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        overrides: Mapping[str, str] | None = None,
    ) -> None:
        specs = default_specs(taxonomy)
        known = {s.id for s in specs}
        for bid in overrides or {}:
            if bid not in known:
                raise ConfigError(
                    f"[keys] has an unknown binding id '{bid}'. Known ids: "
                    f"{', '.join(sorted(known))}."
                )
        self.overrides = {k: v for k, v in (overrides or {}).items()}
        self.specs: list[Spec] = []
        for spec in specs:
            if spec.id in self.overrides:
                keys = _split(self.overrides[spec.id])
                if not keys:
                    raise ConfigError(f"[keys] '{spec.id}' has no keys.")
                spec = Spec(spec.id, ",".join(keys), spec.action, spec.description,
                            spec.scope, spec.show, spec.palette)
            self.specs.append(spec)
        self._check_clashes(taxonomy)
        self.by_id = {s.id: s for s in self.specs}

    def _check_clashes(self, taxonomy: Taxonomy) -> None:
        for spec in self.specs:
            for key in spec.keys.split(","):
                if key in RESERVED:
                    raise ConfigError(
                        f"[keys] '{spec.id}' uses '{key}', which is reserved for "
                        f"{RESERVED[key]}; choose another key."
                    )
        for scopes in SCOPES_TOGETHER:
            owner: dict[str, str] = {}
            for spec in self.specs:
                if spec.scope not in scopes:
                    continue
                for key in spec.keys.split(","):
                    if key in owner and owner[key] != spec.id:
                        raise ConfigError(
                            f"[keys] key '{key}' is bound to both '{owner[key]}' and "
                            f"'{spec.id}'; give one of them another key."
                        )
                    owner[key] = spec.id
        letters = {lb.key for g in taxonomy.groups for lb in g.labels}
        for spec in self.specs:
            if spec.scope == "picker":
                for key in spec.keys.split(","):
                    if key in letters:
                        raise ConfigError(
                            f"[keys] '{spec.id}' uses '{key}', a label key letter in the "
                            "tag pickers; choose a key that is not a letter or digit."
                        )

    def keys(self, binding_id: str) -> list[str]:
        return self.by_id[binding_id].keys.split(",")

    def display(self, binding_id: str) -> str:
        """Keys of a binding as a person types them: "j, down", "?", "ctrl+r"."""
        from textual.keys import format_key

        return ", ".join(format_key(k) for k in self.keys(binding_id))

    @staticmethod
    def display_key(key: str) -> str:
        from textual.keys import format_key

        return format_key(key)

    def bindings(self, scope: str) -> list[Binding]:
        """Textual Bindings (with ids) for one scope, keys already remapped."""
        from textual.binding import Binding

        return [
            Binding(s.keys, s.action, s.description, show=s.show, id=s.id)
            for s in self.specs
            if s.scope == scope
        ]

    def textual_keymap(self, scope: str) -> dict[str, str]:
        """Overrides for bindings declared in class BINDINGS elsewhere (the reading view)."""
        return {s.id: s.keys for s in self.specs if s.scope == scope and s.id in self.overrides}

    def for_scope(self, scope: str) -> list[Spec]:
        return [s for s in self.specs if s.scope == scope]
