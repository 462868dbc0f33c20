"""The scrollable article body with highlights and a mention cursor, drawn line by line.

It wraps the prebuilt Text itself (line API) so it knows which line holds any character
offset: jumping to a mention scrolls exactly to it, and a cursor move repaints a few lines
instead of rebuilding the article. The Text is rebuilt only when the article, its spans, the
toggles or the theme change, and re-wrapped only when the width changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Span as RichSpan
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tagger.models import Span
from tagger.ui.highlight import (
    BOILERPLATE_STYLE,
    CURSOR_STYLE,
    LABELS,
    Options,
    boilerplate_lines,
    component_class,
    label_styles,
    layout,
    reachable,
    shown_length,
)


def wrap_starts(text: str, width: int) -> list[int]:
    """Offsets where each drawn line begins when `text` is word-wrapped to `width` cells."""
    width = max(width, 1)
    starts: list[int] = []
    position = 0
    for paragraph in text.split("\n"):
        starts.append(position)
        starts.extend(position + offset for offset in divide_line(paragraph, width, fold=True))
        position += len(paragraph) + 1
    return starts


class ArticleView(ScrollView, can_focus=True):
    """Shows one article body; `move` and `go_to` put a cursor on a mention and reveal it."""

    COMPONENT_CLASSES = {component_class(label) for label in LABELS} | {
        "hl--boilerplate",
        "hl--fold",
    }

    DEFAULT_CSS = """
    ArticleView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        padding: 0 1;
    }
    ArticleView > .hl--person { color: $text-primary; }
    ArticleView > .hl--organization { color: $text-secondary; }
    ArticleView > .hl--gpe { color: $text-success; }
    ArticleView > .hl--location { color: $text-success; }
    ArticleView > .hl--facility { color: $text-secondary; }
    ArticleView > .hl--norp { color: $text-accent; }
    ArticleView > .hl--cardinal { color: $text-warning; }
    ArticleView > .hl--money { color: $text-warning; }
    ArticleView > .hl--percent { color: $text-warning; }
    ArticleView > .hl--quantity { color: $text-warning; }
    ArticleView > .hl--ordinal { color: $text-warning; }
    ArticleView > .hl--date { color: $text-error; }
    ArticleView > .hl--time { color: $text-error; }
    ArticleView > .hl--duration { color: $text-error; }
    ArticleView > .hl--boilerplate { color: $text-muted; }
    ArticleView > .hl--fold { color: $text-muted; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self._body = ""
        self._boilerplate_at: int | None = None
        self._spans: list[Span] = []
        self._options = Options()
        self.fold_hint = "press b to show it"
        self._plain = ""
        self._styled: list[RichSpan] = []
        self._reach: list[Span] = []
        self._reach_starts: list[int] = []
        # Per drawn line, the Text's spans that touch it; line Texts are made only when drawn.
        self._buckets: list[list] = []
        self._line_starts: list[int] = [0]
        self._wrap_width = 0
        self._wrapped_plain = ""
        self._strips: dict[int, Strip] = {}
        self._colours: dict[str, Style] | None = None
        self.cursor: Span | None = None

    # -- content -------------------------------------------------------------------------

    @property
    def options(self) -> Options:
        return self._options

    @property
    def spans(self) -> list[Span]:
        """Mentions that can be reached in what is drawn (boilerplate excluded when folded)."""
        return self._reach

    @property
    def text(self) -> Text:
        """Everything drawn as one Text (built on demand: for tests and inspection)."""
        text = Text(self._plain, end="")
        text.spans = list(self._styled)
        return text

    @property
    def styles_by_label(self) -> dict[str, Style]:
        """Each label's style as drawn here (attributes plus theme colour)."""
        return label_styles(self._theme_colours())

    @property
    def folded_lines(self) -> int:
        """Lines of boilerplate hidden by the fold, 0 when nothing is folded."""
        if not self._options.fold_boilerplate:
            return 0
        return boilerplate_lines(self._body, self._boilerplate_at)

    def set_article(self, body: str, boilerplate_at: int | None, spans: Iterable[Span] = ()) -> None:
        """Show a new body (spans may follow later); the view returns to the top."""
        self._body = body
        self._boilerplate_at = boilerplate_at
        self._spans = list(spans)
        self.cursor = None
        self._rebuild()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_spans(self, spans: Iterable[Span]) -> None:
        """Highlights arrived: redraw, keeping the reading position."""
        self._spans = list(spans)
        self._rebuild()

    def set_options(self, options: Options) -> None:
        if options != self._options:
            self._options = options
            if self.cursor and self.cursor.end > self._limit():
                self.cursor = None
            self._rebuild()

    def _limit(self) -> int:
        return shown_length(self._body, self._boilerplate_at, self._options.fold_boilerplate)

    def _theme_colours(self) -> dict[str, Style]:
        if self._colours is None:
            self._colours = {}
            if not getattr(self.app, "no_color", False):
                for label in LABELS:
                    style = self.get_component_rich_style(component_class(label), partial=True)
                    self._colours[label] = Style(color=style.color, bgcolor=style.bgcolor)
        return self._colours

    def _part_style(self, name: str, base: Style) -> Style:
        if getattr(self.app, "no_color", False):
            return base
        style = self.get_component_rich_style(name, partial=True)
        return base + Style(color=style.color, bgcolor=style.bgcolor)

    def _rebuild(self) -> None:
        if not self.is_attached:
            return
        lines = self.folded_lines
        notice = f"⋯ {lines} line{'s' if lines != 1 else ''} of boilerplate folded, {self.fold_hint}"
        self._plain, self._styled = layout(
            self._body,
            self._spans,
            self.styles_by_label,
            self._options,
            boilerplate_at=self._boilerplate_at,
            boilerplate_style=self._part_style("hl--boilerplate", BOILERPLATE_STYLE),
            fold_notice=notice,
            fold_style=self._part_style("hl--fold", Style(italic=True)),
        )
        self._reach = reachable(self._spans, self._limit())
        self._reach_starts = [s.start for s in self._reach]
        self._rewrap(force=True)

    def _rewrap(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or (width == self._wrap_width and not force):
            return
        top = self._line_starts[min(self.scroll_y_line, len(self._line_starts) - 1)]
        plain = self._plain
        # Toggles restyle the same characters: the line breaks stay where they were.
        if width != self._wrap_width or plain != self._wrapped_plain:
            self._line_starts = wrap_starts(plain, width)
            self._wrap_width, self._wrapped_plain = width, plain
        self._buckets = self._bucket_spans()
        self._strips.clear()
        self.virtual_size = Size(width, len(self._line_starts))
        if not force and top:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)
        self.refresh()

    def _bucket_spans(self) -> list[list[RichSpan]]:
        """The style ranges grouped by the drawn lines they touch, in drawing order."""
        starts = self._line_starts
        count = len(starts)
        buckets: list[list[RichSpan]] = [[] for _ in starts]
        line = 0
        for span in self._styled:
            if span.end <= span.start:
                continue
            # Ranges mostly come sorted, so walk forward; jump back by bisection otherwise.
            if span.start < starts[line]:
                line = self.line_of(span.start)
            while line + 1 < count and starts[line + 1] <= span.start:
                line += 1
            last = line
            while last + 1 < count and starts[last + 1] < span.end:
                last += 1
            for index in range(line, last + 1):
                buckets[index].append(span)
        return buckets

    def _line(self, index: int) -> Text:
        """Drawn line `index` as a Text, cut from the article Text by offsets."""
        starts = self._line_starts
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(self._wrapped_plain)
        plain = self._wrapped_plain[start:end]
        if plain.endswith("\n"):
            plain = plain[:-1]
        line = Text(plain, end="")
        for span in self._buckets[index]:
            line.stylize(span.style, max(span.start - start, 0), min(span.end - start, len(plain)))
        if plain.endswith(" "):
            line.rstrip_end(self._wrap_width)
        return line

    @property
    def scroll_y_line(self) -> int:
        return int(self.scroll_offset.y)

    class Restyled(Message):
        """The theme changed and the highlights were redrawn in its colours."""

    def _theme_changed(self, _theme: object) -> None:
        self._colours = None
        self._rebuild()
        self.post_message(self.Restyled())

    def on_mount(self) -> None:
        # Published after the new theme's CSS is applied, so component styles are current.
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._rebuild()

    def on_resize(self) -> None:
        self._rewrap()

    # -- cursor --------------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        """The drawn line that holds character `offset`."""
        return max(bisect_right(self._line_starts, offset) - 1, 0)

    def move(self, kind: str | None, step: int) -> Span | None:
        """Put the cursor on the next (`step` 1) or previous (-1) mention of `kind` (None: any).

        Starts from the cursor, or from the top of the view when there is none. Returns the
        new mention, or None when there is none that way (the cursor then stays).
        """
        pool = self._reach
        if kind is not None:
            pool = [s for s in pool if s.kind == kind]
        if not pool:
            return None
        if self.cursor is not None:
            here = self.cursor.start
        else:
            top = self._line_starts[min(self.scroll_y_line, len(self._line_starts) - 1)]
            here = top - 1 if step > 0 else top
        starts = [s.start for s in pool]
        if step > 0:
            index = bisect_right(starts, here)
            target = pool[index] if index < len(pool) else None
        else:
            index = bisect_left(starts, here) - 1
            target = pool[index] if index >= 0 else None
        if target is None:
            return None
        self.go_to(target)
        return target

    def go_to(self, span: Span | None) -> None:
        """Put the cursor on `span` (None clears it) and scroll it into view."""
        old = self.cursor
        self.cursor = span
        for mention in (old, span):
            if mention is not None:
                first, last = self.line_of(mention.start), self.line_of(max(mention.end - 1, 0))
                for line in range(first, last + 1):
                    self._strips.pop(line, None)
        if span is not None:
            line = self.line_of(span.start)
            height = self.scrollable_content_region.height
            if not self.scroll_y_line <= line < self.scroll_y_line + max(height, 1):
                self.scroll_to(y=max(line - height // 3, 0), animate=False, immediate=True)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._line_starts) or not self._buckets:
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._draw(index, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _draw(self, index: int, base: Style) -> Strip:
        line = self._line(index)
        start = self._line_starts[index]
        cursor = self.cursor
        on_cursor = cursor is not None and cursor.start < start + len(line) and cursor.end > start
        if on_cursor:
            assert cursor is not None
            line = line.copy()
            # Reverse video works in every terminal, with or without colour.
            line.stylize(
                CURSOR_STYLE,
                max(cursor.start - start, 0),
                min(cursor.end - start, len(line)),
            )
        strip = Strip(list(line.render(self.app.console, end="")), line.cell_len)
        strip = strip.apply_style(base)
        if not on_cursor:
            self._strips[index] = strip
        return strip
