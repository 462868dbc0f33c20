"""A one-line summary of an article's current tags, unsure marks and status.

It is reused by the list and the reading view, so it takes plain values (a Review and the
Taxonomy) and draws them as a rich Text; stored label names can come from imported files, so
they are never treated as markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tagger.config import Taxonomy
from tagger.models import Review
from tagger.ui.sanitize import clean_line


class TagBar(Static):
    """Tags of every taxonomy group for one review; call `show` whenever it changes."""

    COMPONENT_CLASSES = {
        "tagbar--group",
        "tagbar--label",
        "tagbar--unsure",
        "tagbar--none",
        "tagbar--status",
    }

    DEFAULT_CSS = """
    TagBar {
        height: auto;
        max-height: 2;
        padding: 0 1;
        background: $boost;
    }
    TagBar > .tagbar--group { color: $text-muted; }
    TagBar > .tagbar--label { color: $text; text-style: bold; }
    TagBar > .tagbar--unsure { color: $text-warning; text-style: bold reverse; }
    TagBar > .tagbar--none { color: $text-muted; }
    TagBar > .tagbar--status { color: $text-primary; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._review: Review | None = None
        self._taxonomy: Taxonomy | None = None
        self._reviewer: str | None = None

    def show(self, review: Review | None, taxonomy: Taxonomy, reviewer: str | None = None) -> None:
        """Draw `review`'s tags; name its author when it is not `reviewer`'s own."""
        self._review, self._taxonomy, self._reviewer = review, taxonomy, reviewer
        self.update(self._render_tags())

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self._taxonomy is not None:
            self.update(self._render_tags())

    def _style(self, name: str) -> Style:
        style = self.get_component_rich_style(name, partial=True)
        if getattr(self.app, "no_color", False):
            return Style(bold=style.bold, reverse=style.reverse, italic=style.italic)
        return style

    def _render_tags(self) -> Text:
        review, taxonomy = self._review, self._taxonomy
        assert taxonomy is not None
        text = Text(end="", no_wrap=False)
        for group in taxonomy.groups:
            if text:
                text.append(" │ ", style="dim")
            text.append(group.title, style=self._style("tagbar--group"))
            labels = review.labels(group.name) if review else ()
            if review and group.name in review.unsure:
                text.append(" ?", style=self._style("tagbar--unsure"))
            text.append(" ")
            if labels:
                text.append(clean_line(", ".join(labels)), style=self._style("tagbar--label"))
            else:
                text.append("—", style=self._style("tagbar--none"))
        text.append(" │ ", style="dim")
        text.append(review.status if review else "untagged", style=self._style("tagbar--status"))
        if review and self._reviewer and review.reviewer != self._reviewer:
            text.append(" by ", style="dim")
            text.append(clean_line(review.reviewer))
        if review and review.note:
            text.append(" │ ", style="dim")
            text.append("note", style="italic")
        return text
