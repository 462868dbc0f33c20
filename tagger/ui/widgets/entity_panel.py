"""The list of an article's entities, grouped by label with counts, to step through mentions.

Grouping is a pure function (`group_entities`) so it is tested without a screen; the widget
only draws the groups and reports which entity was chosen. Names are article text, so every
prompt is a rich Text built from cleaned strings, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tagger.models import ENTITY_LABELS, Span, normalise_for_id
from tagger.ui.sanitize import clean_line


@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct entity: its label, the name as first written, and every mention."""

    label: str
    name: str
    mentions: tuple[Span, ...]


def group_entities(body: str, spans: Iterable[Span]) -> dict[str, list[Entity]]:
    """Entities per label (in the standard label order), most mentioned first.

    Mentions are the same entity when their text matches ignoring case, width and spacing.
    """
    found: dict[tuple[str, str], list[Span]] = {}
    for span in sorted(spans):
        if span.kind != "entity":
            continue
        key = normalise_for_id(body[span.start : span.end])
        if key:
            found.setdefault((span.label, key), []).append(span)
    groups: dict[str, list[Entity]] = {}
    for label in ENTITY_LABELS + tuple(sorted({lb for lb, _ in found} - set(ENTITY_LABELS))):
        entities = [
            Entity(label, clean_line(body[m[0].start : m[0].end]), tuple(m))
            for (lb, _), m in found.items()
            if lb == label
        ]
        if entities:
            entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
            groups[label] = entities
    return groups


class EntityPanel(OptionList):
    """Entity names under label headings; `enter` posts `EntityPanel.Chosen`."""

    DEFAULT_CSS = """
    EntityPanel {
        width: 32;
        height: 1fr;
        border: none;
        border-left: vkey $foreground 30%;
        padding: 0;
    }
    EntityPanel:focus {
        border: none;
        border-left: vkey $accent;
    }
    """

    @dataclass
    class Chosen(Message):
        """An entity was chosen in the panel."""

        entity: Entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: list[Entity] = []

    def show_entities(self, groups: dict[str, list[Entity]], empty: str = "No entities") -> None:
        """Replace the list with these groups; `empty` is shown when there are none."""
        self._entities = []
        options: list[Option] = []
        for label, entities in groups.items():
            mentions = sum(len(e.mentions) for e in entities)
            heading = Text(label, style="bold")
            heading.append(f" {mentions} mention{'s' if mentions != 1 else ''}", style="dim")
            options.append(Option(heading, disabled=True))
            for entity in entities:
                prompt = Text("  ")
                prompt.append(entity.name)
                prompt.append(f" ×{len(entity.mentions)}", style="dim")
                options.append(Option(prompt, id=f"entity-{len(self._entities)}"))
                self._entities.append(entity)
        if not options:
            options.append(Option(Text(empty, style="italic"), disabled=True))
        self.clear_options()
        self.add_options(options)

    @property
    def entities(self) -> list[Entity]:
        return list(self._entities)

    @property
    def highlighted_entity(self) -> Entity | None:
        """The entity under the panel's highlight, if any."""
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        return self._entities[int(option_id[7:])] if option_id.startswith("entity-") else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("entity-"):
            self.post_message(self.Chosen(self._entities[int(option_id[7:])]))
