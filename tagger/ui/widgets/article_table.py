"""The article list: a Line API view that draws only the rows on screen.

Textual's DataTable builds every cell up front and slows down past a few thousand rows; this
widget asks the ListModel for the visible rows only, so 100,000 articles cost the same as 100.
Status is a symbol plus a word, and the cursor is reverse video, so nothing depends on colour.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tagger.config import Taxonomy
from tagger.ui.list_model import ListModel
from tagger.ui.sanitize import clean_line

STATUS_SYMBOLS = {
    "untagged": "·",
    "tagged": "✓",
    "skipped": "»",
    "flagged": "!",
    "unsure": "?",
}


def status_text(status: str) -> str:
    return f"{STATUS_SYMBOLS.get(status, ' ')} {status}"


def columns(width: int, groups: tuple[str, ...]) -> list[tuple[str, int]]:
    """Column names and widths for a line `width` cells wide; the title takes what is left."""
    narrow = width < 110
    fixed: list[tuple[str, int]] = [("mark", 1), ("status", 10)]
    tail: list[tuple[str, int]] = [("source", 8 if narrow else 14), ("date", 10)]
    for g in groups:
        if g == "sentiment":
            tail.append((g, 3 if narrow else 9))
        else:
            tail.append((g, 9 if narrow else 16))
    # Every column, the title's included, is followed by one space.
    used = sum(w for _, w in fixed + tail) + len(fixed) + len(tail) + 1
    title = max(8, width - used)
    return fixed + [("title", title)] + tail


def fit(text: str, width: int) -> str:
    """Pad or cut `text` to exactly `width` cells, marking a cut with an ellipsis."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class ColumnHeader(Widget):
    """Column titles over the list, with the sort column and direction."""

    DEFAULT_CSS = "ColumnHeader { height: 1; text-style: bold; }"

    def __init__(self, groups: tuple[str, ...], titles: dict[str, str], **kw) -> None:
        super().__init__(**kw)
        self.groups = groups
        self.titles = titles
        self.sort_column = "imported"
        self.descending = False

    def set_sort(self, column: str, descending: bool) -> None:
        self.sort_column, self.descending = column, descending
        self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="crop")
        for name, width in columns(self.size.width - 1, self.groups):
            label = "" if name == "mark" else self.titles.get(name, name.title())
            arrow = ""
            if name == self.sort_column:
                arrow = "▼" if self.descending else "▲"
            cell = fit(label + arrow, width) if width > 3 else fit(label[:width], width)
            if arrow and cell_len(label + arrow) > width:
                cell = fit(label, width - 1) + arrow
            out.append(cell + " ", style="underline" if name == self.sort_column else "")
        return out


class ArticleTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of the ListModel's current view, with a cursor and bulk marks."""

    COMPONENT_CLASSES = {
        "article-table--cursor",
        "article-table--marked",
        "article-table--untagged",
        "article-table--tagged",
        "article-table--skipped",
        "article-table--flagged",
        "article-table--unsure",
    }

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    def __init__(self, model: ListModel, taxonomy: Taxonomy, marks: set[str], **kw) -> None:
        super().__init__(**kw)
        self.model = model
        self.taxonomy = taxonomy
        self.marks = marks
        self.groups = taxonomy.names
        # Label names as the cells show them; titles for short single-choice groups
        # (sentiment), cut to three letters when the column is narrow.
        self._names = {
            g.name: {lb.name: (lb.title if not g.multi else lb.name) for lb in g.labels}
            for g in taxonomy.groups
        }

    # --- data ------------------------------------------------------------------------
    def rows_changed(self) -> None:
        """The model's view changed (filter, sort, reload): resize and redraw."""
        self.virtual_size = Size(self.size.width, len(self.model))
        self.cursor = min(self.cursor, max(0, len(self.model) - 1))
        self.refresh()

    def refresh_article(self, article_id: str) -> None:
        """Redraw one article's row if it is on screen."""
        top = int(self.scroll_y)
        for y in range(top, min(top + self.size.height, len(self.model))):
            if self.model.ids[y] == article_id:
                self.refresh_line(y)
                return

    @property
    def current_id(self) -> str | None:
        ids = self.model.ids
        return ids[self.cursor] if 0 <= self.cursor < len(ids) else None

    # --- cursor ----------------------------------------------------------------------
    def move_to(self, index: int) -> None:
        n = len(self.model)
        if n == 0:
            return
        self.cursor = max(0, min(n - 1, index))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.model))
        self._scroll_to_cursor()

    # --- drawing ---------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if index >= len(self.model) or width <= 0:
            return Strip.blank(width, self.rich_style)
        return Strip(self._row(index, width), width)

    def _row(self, index: int, width: int) -> list[Segment]:
        model = self.model
        aid = model.ids[index]
        summary = model.summaries[aid]
        review = model.review(aid)
        status = review.status if review else "untagged"
        base = self.rich_style
        if aid in self.marks:
            base = base + self.get_component_rich_style("article-table--marked")
        if index == self.cursor:
            base = base + self.get_component_rich_style("article-table--cursor")
        status_style = base + self.get_component_rich_style(f"article-table--{status}")
        segments: list[Segment] = []
        for name, w in columns(width, self.groups):
            style: Style = base
            if name == "mark":
                text = "*" if aid in self.marks else " "
            elif name == "status":
                text, style = status_text(status), status_style
            elif name == "title":
                text = clean_line(summary.title)
            elif name == "source":
                text = clean_line(summary.source)
            elif name == "date":
                text = clean_line(summary.date)
            else:
                labels = review.labels(name) if review else ()
                names = self._names.get(name, {})
                text = ",".join(names.get(lb, lb) for lb in labels)
                if w <= 3:
                    text = text[:w]
            segments.append(Segment(fit(text, w), style))
            segments.append(Segment(" ", base))
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        # Fewer, longer segments: every later stage (crop, filters, compositing) is per segment.
        return list(Segment.simplify(Segment.adjust_line_length(segments, width, style=base)))

    def cursor_region(self) -> Region:
        return Region(0, self.cursor, self.size.width, 1)
