"""The article list screen: column header, the virtual table, the filter bar and progress.

It is a view over the app's ListModel: keys here move the cursor, mark rows and edit the
filter, while tagging keys are app bindings that act on `app.current_article_id`, so the
same keys work here and in the reading view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingsMap
from textual.screen import Screen
from textual.widgets import Static

from tagger.ui.sanitize import clean_line
from tagger.ui.widgets.article_table import ArticleTable, ColumnHeader
from tagger.ui.widgets.filter_bar import FilterBar
from tagger.ui.widgets.key_hints import KeyHints
from tagger.ui.widgets.progress_line import ProgressLine
from tagger.ui.widgets.tag_bar import TagBar

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp


class ListScreen(Screen):
    """All articles of the current queue, one per line."""

    CSS_PATH = "list_screen.tcss"
    AUTO_FOCUS = "ArticleTable"

    app: TaggerApp

    def __init__(self, bindings: list) -> None:
        super().__init__(name="list")
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(bindings)])

    def compose(self) -> ComposeResult:
        app = self.app
        titles = {"status": "Status", "title": "Title", "source": "Source", "date": "Date"}
        titles.update({g.name: g.title for g in app.taxonomy.groups})
        yield ColumnHeader(app.taxonomy.names, titles, id="list-header")
        yield ArticleTable(app.model, app.taxonomy, app.marks, id="list-table")
        yield Static("", id="list-detail")
        yield TagBar(id="list-tags")
        yield FilterBar(id="filter-bar")
        yield ProgressLine(id="progress-line")
        yield KeyHints(app.keymap, id="key-hints")

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def on_mount(self) -> None:
        self.query_one(FilterBar).show_query(self.app.query_text)
        self.query_one(KeyHints).show_mode("list")
        self.rows_changed()

    # --- refreshing from the app -------------------------------------------------------
    def rows_changed(self) -> None:
        table = self.table
        table.rows_changed()
        sort = self.app.model.sort
        self.query_one(ColumnHeader).set_sort(sort.column, sort.descending)
        bar = self.query_one(FilterBar)
        if not bar.input.has_focus:
            bar.show_query(self.app.query_text)
        index = self.app.model.index_of(self.app.current_article_id)
        table.move_to(index if index is not None else 0)
        self.show_detail()
        self.show_progress()

    def article_changed(self, article_id: str) -> None:
        self.table.refresh_article(article_id)
        if article_id == self.table.current_id:
            self.show_detail()
        self.show_progress()

    def show_detail(self) -> None:
        """The current article's full title (the column cuts it) and all its tags."""
        app = self.app
        aid = self.table.current_id
        detail = self.query_one("#list-detail", Static)
        if aid is None:
            detail.update("")
            self.query_one(TagBar).show(None, app.taxonomy, reviewer=app.reviewer)
            return
        summary = app.model.summaries[aid]
        review = app.model.review(aid)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(clean_line(summary.title), style="bold")
        meta = " · ".join(clean_line(x) for x in (summary.source, summary.date) if x)
        if meta:
            line.append(f"  {meta}")
        if review is not None and review.note:
            line.append(f"  note: {clean_line(review.note)}", style="italic")
        detail.update(line)
        self.query_one(TagBar).show(review, app.taxonomy, reviewer=app.reviewer)

    def show_progress(self, message: str = "") -> None:
        app = self.app
        self.query_one(ProgressLine).show(
            done=app.view_done,
            total=len(app.model),
            rate=app.rate(),
            queue=app.queue_title(),
            marks=len(app.marks),
            message=message,
        )

    # --- cursor ------------------------------------------------------------------------
    def _moved(self) -> None:
        self.app.set_current(self.table.current_id, index=self.table.cursor)
        self.show_detail()

    def action_cursor(self, step: int) -> None:
        self.table.move_to(self.table.cursor + step)
        self._moved()

    def action_page(self, direction: int) -> None:
        step = max(1, self.table.scrollable_content_region.height - 1)
        self.table.move_to(self.table.cursor + direction * step)
        self._moved()

    def action_jump(self, index: int) -> None:
        self.table.move_to(index if index >= 0 else len(self.app.model) - 1)
        self._moved()

    def move_to_article(self, article_id: str | None, index: int | None = None) -> None:
        if index is None:
            index = self.app.model.index_of(article_id)
        if index is not None:
            self.table.move_to(index)
            self.show_detail()

    def action_open(self) -> None:
        self._moved()
        self.app.open_reading()

    # --- marks -------------------------------------------------------------------------
    def action_mark(self) -> None:
        aid = self.table.current_id
        if aid is None:
            return
        marks = self.app.marks
        marks.symmetric_difference_update({aid})
        self.table.refresh_article(aid)
        self.action_cursor(1)
        self.show_progress()

    def action_mark_all(self) -> None:
        self.app.marks.update(self.app.model.ids)
        self.table.refresh()
        self.show_progress(f"marked all {len(self.app.model)} matching")

    def clear_marks(self) -> None:
        if self.app.marks:
            self.app.marks.clear()
            self.table.refresh()
            self.show_progress("marks cleared")

    # --- filter, queues, sort ----------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBar).open()
        self.query_one(KeyHints).show_mode("filter")

    def on_filter_bar_applied(self, event: FilterBar.Applied) -> None:
        bar = self.query_one(FilterBar)
        error = self.app.apply_filter(event.text)
        if error is not None:
            bar.show_error(error.message, getattr(error, "position", None))
            return
        self._leave_filter()

    def on_filter_bar_cancelled(self) -> None:
        self._leave_filter()

    def _leave_filter(self) -> None:
        self.query_one(FilterBar).show_query(self.app.query_text)
        self.query_one(KeyHints).show_mode("list")
        self.table.focus()

    def action_queues(self) -> None:
        self.app.action_queues()

    def action_save_queue(self) -> None:
        self.app.action_save_queue()

    def action_sort_next(self) -> None:
        self.app.resort(self.app.model.sort.next_column())

    def action_sort_reverse(self) -> None:
        self.app.resort(self.app.model.sort.reversed())

    def action_export(self) -> None:
        self.app.action_export()
