"""The command palette (ctrl+p): every action, titled "category: action", plus queues and labels.

Titles come from the keymap, so the palette and the keys cannot drift apart; each entry
shows its key as help. Saved queues ("go: queue …") and single labels ("tag: topic = …")
are added from the store and the taxonomy each time the palette opens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp


class TaggerCommands(Provider):
    """Commands for the current screen: app actions always, list actions from the list."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from tagger.ui.screens.list_screen import ListScreen

        app: TaggerApp = self.app  # type: ignore[assignment]
        listing = next((s for s in app.screen_stack if isinstance(s, ListScreen)), None)
        on_list = isinstance(self.screen, ListScreen)
        out: list[tuple[str, Callable[[], object], str]] = []
        for spec in app.keymap.specs:
            if not spec.palette or spec.scope in ("picker", "reading"):
                continue
            if spec.scope == "list":
                if not on_list or listing is None:
                    continue
                run = partial(app.run_action, spec.action, listing)
            else:
                run = partial(app.run_action, spec.action)
            out.append((spec.palette, run, f"key: {app.keymap.display(spec.id)}"))
        for group in app.taxonomy.groups:
            for label in group.labels:
                out.append((
                    f"tag: {group.title.lower()} = {label.title}",
                    partial(app.apply_label, group.name, label.name),
                    f"{group.title} picker key {group.picker_key or '-'}, then {label.key}",
                ))
        for name, query in app.queues().items():
            out.append((f"go: queue {name}", partial(app.apply_filter, query, name=name),
                        f"filter: {query}"))
        return out

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            if not title.startswith("tag: ") or " = " not in title:
                yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
