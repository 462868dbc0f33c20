"""The tag picker: a modal list of one group's labels, each chosen by its key letter.

A single-choice group closes as soon as a label is chosen; a multi-choice group toggles labels
and stays open. Every choice goes straight to `apply`, which saves it and returns the state the
store now holds, so the picker never shows a change that was not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingsMap
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tagger.config import Group


@dataclass(frozen=True, slots=True)
class PickState:
    """What a group holds for the article(s): chosen labels and the unsure mark."""

    labels: tuple[str, ...] = ()
    unsure: bool = False


# apply(current, desired) saves the difference and returns the state the store now holds.
Apply = Callable[[PickState, PickState], PickState]


class TagPicker(ModalScreen[PickState]):
    """Choose labels of `group` for `target`; every choice is saved through `apply` at once."""

    def __init__(
        self,
        group: Group,
        state: PickState,
        apply: Apply,
        *,
        target: str,
        bindings: list,
        unsure_key: str = "!",
    ) -> None:
        super().__init__()
        self.group = group
        self.state = state
        self.apply = apply
        self.target = target
        self.unsure_key = unsure_key
        # Bindings come from the keymap (remappable), so they are set per instance.
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(bindings)])

    def compose(self) -> ComposeResult:
        kind = "several" if self.group.multi else "one"
        with Vertical(id="picker-box"):
            yield Static(Text(f"{self.group.title} — choose {kind}", style="bold"),
                         id="picker-title")
            yield Static(Text(self.target, no_wrap=True, overflow="ellipsis"),
                         id="picker-target")
            yield OptionList(*self._options(), id="picker-options")
            yield Static(self._hint(), id="picker-hint")

    def _hint(self) -> Text:
        u = self.unsure_key
        if self.group.multi:
            return Text(f"letter/space toggle · ↑↓ · {u} unsure · ⌫ clear · enter/esc done")
        return Text(f"letter/enter choose · ↑↓ · {u} unsure · ⌫ clear · esc close")

    def _options(self) -> list[Option]:
        out = []
        for label in self.group.labels:
            on = label.name in self.state.labels
            box = ("[x]" if on else "[ ]") if self.group.multi else ("(•)" if on else "( )")
            prompt = Text()
            prompt.append(f"{box} ")
            prompt.append(label.key, style="bold underline")
            prompt.append(f"  {label.title}", style="bold" if on else "")
            out.append(Option(prompt, id=label.name))
        mark = "[x]" if self.state.unsure else "[ ]"
        out.append(Option(Text(f"{mark} {self.unsure_key}  unsure about {self.group.title.lower()}"),
                          id="__unsure__"))
        return out

    def _redraw(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        if highlighted is not None:
            options.highlighted = highlighted

    def on_mount(self) -> None:
        self._highlight_first()

    def _highlight_first(self) -> None:
        names = [lb.name for lb in self.group.labels]
        first = next((names.index(n) for n in self.state.labels if n in names), 0)
        self.query_one(OptionList).highlighted = first

    def reuse(self, state: PickState, apply: Apply, target: str) -> None:
        """Show this (already built) picker for another article: opening stays cheap."""
        self.state, self.apply, self.target = state, apply, target
        self.query_one("#picker-target", Static).update(
            Text(target, no_wrap=True, overflow="ellipsis"))
        self._redraw()
        self._highlight_first()

    # --- choosing ----------------------------------------------------------------------
    def _save(self, desired: PickState) -> None:
        self.state = self.apply(self.state, desired)
        self._redraw()

    def choose(self, name: str) -> None:
        names = [lb.name for lb in self.group.labels]
        if name in names:
            self.query_one(OptionList).highlighted = names.index(name)
        if self.group.multi:
            labels = list(self.state.labels)
            if name in labels:
                labels.remove(name)
            else:
                labels.append(name)
            self._save(PickState(tuple(labels), self.state.unsure))
            return
        if self.state.labels != (name,):
            self._save(PickState((name,), self.state.unsure))
        if self.state.labels == (name,):
            self.dismiss(self.state)

    def on_key(self, event: events.Key) -> None:
        char = (event.character or "").lower()
        if len(char) == 1 and char.isalnum():
            event.stop()
            event.prevent_default()
            label = self.group.by_key(char)
            if label is not None:
                self.choose(label.name)
            else:
                self.notify(f"No {self.group.title.lower()} label has key '{char}'.",
                            severity="warning", timeout=2)
        elif event.key == "space" and self.group.multi:
            event.stop()
            self._activate_highlighted()

    def _activate_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option_id = options.get_option_at_index(options.highlighted).id
        if option_id == "__unsure__":
            self.action_unsure()
        elif option_id:
            self.choose(option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.group.multi and event.option.id != "__unsure__":
            self.dismiss(self.state)  # enter closes a multi-choice picker: toggles are saved
            return
        self._activate_highlighted()

    def action_unsure(self) -> None:
        self._save(PickState(self.state.labels, not self.state.unsure))

    def action_clear(self) -> None:
        self._save(PickState((), self.state.unsure))

    def action_close(self) -> None:
        self.dismiss(self.state)
