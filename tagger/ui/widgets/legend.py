"""One or two lines naming each highlight label in its own style, with its mention count.

The samples use the very styles the article view draws with, so the legend stays true under
any theme and without colour, where the attributes alone tell the labels apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tagger.models import ENTITY_LABELS, NUMBER_LABELS
from tagger.ui.highlight import Options

SHORT_NAMES = {"ORGANIZATION": "org", "LOCATION": "loc"}


def legend_text(
    counts: Mapping[str, int], styles: Mapping[str, Style], options: Options, *, pending: bool
) -> Text:
    """The legend line: labels present in the article, per kind, or why there are none."""
    text = Text(end="")
    for kind, labels, shown in (
        ("entities", ENTITY_LABELS, options.entities),
        ("numbers", NUMBER_LABELS, options.numbers),
    ):
        if text:
            text.append(" │ ", style="dim")
        text.append(f"{kind}{'' if shown else ' (off)'}:", style="dim")
        present = [label for label in labels if counts.get(label)]
        if pending:
            text.append(" …", style="dim")
        elif not present:
            text.append(" none", style="dim")
        for label in present:
            text.append(" ")
            name = SHORT_NAMES.get(label, label.lower())
            hidden = not shown or label in options.hidden_labels
            text.append(name, style=Style(dim=True) if hidden else styles.get(label, Style()))
            text.append(f" {counts[label]}")
    return text


class Legend(Static):
    """The highlight legend under the article."""

    DEFAULT_CSS = """
    Legend {
        height: auto;
        max-height: 2;
        padding: 0 1;
    }
    """

    def show(
        self,
        counts: Mapping[str, int],
        styles: Mapping[str, Style],
        options: Options,
        *,
        pending: bool = False,
    ) -> None:
        self.update(legend_text(counts, styles, options, pending=pending))
