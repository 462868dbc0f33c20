"""The reading view: one article with highlights, legend, entity panel and its current tags.

The body shows at once; annotation runs in an exclusive thread worker whose result is dropped
if another article is shown by then, so keys never wait for analysis. The screen owns only
reading-view keys (ids `read.*`, listed in READING_BINDINGS for the keymap); tagging keys are
the app's. Article text is drawn through rich Text built from cleaned strings, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tagger.annotations import annotations_for
from tagger.errors import NotFoundError
from tagger.models import Article, Span
from tagger.ui.highlight import counts
from tagger.ui.messages import AnnotationsReady, ArticleOpened, ReviewChanged
from tagger.ui.sanitize import clean_line
from tagger.ui.widgets.article_view import ArticleView
from tagger.ui.widgets.entity_panel import Entity, EntityPanel, group_entities
from tagger.ui.widgets.legend import Legend
from tagger.ui.widgets.tag_bar import TagBar

# (id, keys, action, description): the keymap includes these so users can remap them.
# Keys avoid the app's (t r e a s f u m n p q ? / space j k escape enter) and are ones
# terminals pass through unchanged over SSH.
READING_BINDINGS: list[tuple[str, str, str, str]] = [
    ("read.next_entity", "right_square_bracket", "step('entity', 1)", "Next entity"),
    ("read.prev_entity", "left_square_bracket", "step('entity', -1)", "Previous entity"),
    ("read.next_number", "full_stop", "step('number', 1)", "Next number"),
    ("read.prev_number", "comma", "step('number', -1)", "Previous number"),
    ("read.toggle_entities", "1", "toggle('entities')", "Entities on/off"),
    ("read.toggle_numbers", "2", "toggle('numbers')", "Numbers on/off"),
    ("read.toggle_boilerplate", "b", "toggle('fold_boilerplate')", "Fold/unfold boilerplate"),
    ("read.toggle_label", "x", "toggle_label", "Hide/show the current mention's label"),
    ("read.show_all", "0", "show_all", "Show every highlight again"),
    ("read.entity_panel", "l", "entity_panel", "Entity list"),
]
# The ones the Footer shows; the help screen lists them all.
FOOTER_IDS = {"read.next_entity", "read.next_number", "read.entity_panel"}


def meta_text(article: Article) -> Text:
    """Source, date, author, URL and id on one line, cleaned and never parsed as markup."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    # The URL goes last: it is the longest and the first to be cut at 80 columns.
    parts = [article.source, article.date, article.author, f"id {article.id}", article.url]
    for part in [p for p in parts if p]:
        if text:
            text.append(" · ", style="dim")
        text.append(clean_line(part))
    return text


@dataclass
class AnnotationFailed(Message):
    """The analyzer raised; the article stays readable without highlights."""

    article_id: str
    error: str


class ReadingScreen(Screen):
    """Shows one article; `show_article` switches to another (the app's n/p call it)."""

    CSS_PATH = "reading.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding(keys, action, description, show=bid in FOOTER_IDS, id=bid)
        for bid, keys, action, description in READING_BINDINGS
    ]

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.highlights_pending = False
        self._chosen: tuple[Entity, int] | None = None
        self._composed = False

    def compose(self) -> ComposeResult:
        yield TagBar(id="reading-tags")
        with Vertical(id="reading-header"):
            yield Static(id="reading-title")
            yield Static(id="reading-meta")
        with Horizontal(id="reading-main"):
            yield ArticleView(id="reading-body")
            yield EntityPanel(id="reading-entities")
        yield Static(id="reading-status")
        yield Legend(id="reading-legend")
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    def on_mount(self) -> None:
        self.view.fold_hint = f"press {self._key_for('read.toggle_boilerplate')} to show it"
        self._composed = True
        self.show_article(self.article_id)
        self.view.focus()

    # -- showing an article --------------------------------------------------------------

    def show_article(self, article_id: str) -> None:
        """Show `article_id` at once, then its highlights when the worker has them."""
        if not self._composed:
            self.article_id = article_id  # on_mount shows it
            return
        try:
            article = self.app.store.get_article(article_id)
        except NotFoundError:
            self.notify(
                f"Article {clean_line(article_id)} is not in the store.",
                title="Not found",
                severity="error",
                markup=False,
            )
            return
        self.article_id, self.article = article_id, article
        self._chosen = None
        self.query_one("#reading-title", Static).update(
            Text(clean_line(article.title) or "(untitled)", style="bold", end="")
        )
        self.query_one("#reading-meta", Static).update(meta_text(article))
        self.view.set_article(article.body, article.boilerplate_at)
        self.highlights_pending = True
        self._set_status(Text("Analysing entities and numbers…", style="italic"))
        self._refresh_annotation_views()
        self.refresh_tags()
        self.post_message(ArticleOpened(article_id))
        self._annotate(article)

    @work(exclusive=True, thread=True, group="reading-annotate", exit_on_error=False)
    def _annotate(self, article: Article) -> None:
        worker = get_current_worker()
        try:
            # Cache-aware: a text analysed before comes straight from the store.
            spans = annotations_for(self.app.store, article, self.app.get_analyzer())
        except Exception as error:  # the analyzer is a plug-in: any failure only costs highlights
            if not worker.is_cancelled:
                self.post_message(AnnotationFailed(article.id, str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(AnnotationsReady(article.id, article.text_hash, spans))

    def on_annotations_ready(self, event: AnnotationsReady) -> None:
        article = self.article
        if article is None or event.article_id != article.id or event.text_hash != article.text_hash:
            return  # stale: the reader has moved on
        self.highlights_pending = False
        self.view.set_spans(event.spans)
        self._set_status(Text(""))
        self._refresh_annotation_views()

    def on_annotation_failed(self, event: AnnotationFailed) -> None:
        if event.article_id != self.article_id:
            return
        self.highlights_pending = False
        self._set_status(Text("Highlights unavailable: " + clean_line(event.error)))
        self._refresh_annotation_views()

    def _refresh_annotation_views(self) -> None:
        self._refresh_legend()
        view = self.view
        body = self.article.body if self.article else ""
        empty = "Analysing…" if self.highlights_pending else "No entities"
        self.panel.show_entities(group_entities(body, view.spans), empty=empty)

    def _refresh_legend(self) -> None:
        view = self.view
        self.query_one(Legend).show(
            counts(view.spans), view.styles_by_label, view.options, pending=self.highlights_pending
        )

    # -- tags ----------------------------------------------------------------------------

    def refresh_tags(self) -> None:
        """Redraw the tag bar from the store (the app calls this, or posts ReviewChanged)."""
        app = self.app
        review = app.store.effective_review(self.article_id, app.reviewer)
        self.query_one(TagBar).show(review, app.taxonomy, reviewer=app.reviewer)

    def on_review_changed(self, event: ReviewChanged) -> None:
        if event.article_id == self.article_id:
            self.refresh_tags()

    def on_screen_resume(self) -> None:
        # A picker or dialog may have changed the tags while it covered this screen.
        if self.article is not None:
            self.refresh_tags()

    # -- reading actions -----------------------------------------------------------------

    def action_step(self, kind: str, step: int) -> None:
        """Move the cursor to the next or previous entity or number.

        While the entity list has focus and an entity was chosen there, entity keys step
        through that entity's mentions instead.
        """
        if kind == "entity" and self._chosen is not None and self.panel.has_focus:
            self._show_mention(self._chosen[0], self._chosen[1] + step)
            return
        self._chosen = None
        span = self.view.move(kind, step)
        if span is None:
            where = "below" if step > 0 else "above"
            plural = "entities" if kind == "entity" else "numbers"
            self._set_status(Text(f"No more {plural} {where}."))
            return
        pool = [s for s in self.view.spans if s.kind == kind]
        self._describe(span, f"{kind} {pool.index(span) + 1} of {len(pool)}")

    def action_toggle(self, what: str) -> None:
        """Turn entities, numbers or the boilerplate fold on or off."""
        view, article = self.view, self.article
        if what == "fold_boilerplate" and (article is None or article.boilerplate_at is None):
            self._set_status(Text("This article has no boilerplate to fold."))
            return
        options = view.options
        view.set_options(replace(options, **{what: not getattr(options, what)}))
        state = "on" if getattr(view.options, what) else "off"
        names = {"entities": "Entities", "numbers": "Numbers", "fold_boilerplate": "Folding"}
        self._set_status(Text(f"{names[what]} {state}."))
        if what == "fold_boilerplate":
            self._refresh_annotation_views()  # mentions in the boilerplate come and go
        else:
            self._refresh_legend()

    def action_toggle_label(self) -> None:
        """Hide or show the label of the mention under the cursor (or chosen in the panel)."""
        view, panel = self.view, self.panel
        label = view.cursor.label if view.cursor else None
        if panel.has_focus and panel.highlighted_entity is not None:
            label = panel.highlighted_entity.label
        if label is None:
            key = self._key_for("read.toggle_label")
            self._set_status(Text(f"Move to a mention first, then press {key} to hide its label."))
            return
        hidden = set(view.options.hidden_labels) ^ {label}
        view.set_options(replace(view.options, hidden_labels=frozenset(hidden)))
        state = "hidden" if label in hidden else "shown"
        self._set_status(Text(f"{label} {state}; {self._key_for('read.show_all')} shows every highlight."))
        self._refresh_legend()

    def action_show_all(self) -> None:
        """Turn every kind and label back on."""
        view = self.view
        view.set_options(
            replace(view.options, entities=True, numbers=True, hidden_labels=frozenset())
        )
        self._set_status(Text("Every highlight shown."))
        self._refresh_legend()

    def action_entity_panel(self) -> None:
        """Focus the entity list (opening it on narrow screens), or go back to the text."""
        panel = self.panel
        if panel.has_focus:
            panel.remove_class("-open")
            self.view.focus()
        else:
            panel.add_class("-open")
            panel.focus()
            if panel.highlighted is None and panel.entities:
                panel.action_first()

    def on_article_view_restyled(self) -> None:
        self._refresh_legend()

    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        """Choosing an entity goes to its first mention; choosing it again, to the next."""
        entity = event.entity
        index = 0
        if self._chosen is not None and self._chosen[0] == entity:
            index = self._chosen[1] + 1
        self._show_mention(entity, index)

    def _show_mention(self, entity: Entity, index: int) -> None:
        total = len(entity.mentions)
        index %= total
        self._chosen = (entity, index)
        self.view.go_to(entity.mentions[index])
        more = ", enter for the next" if total > 1 else ""
        self._describe(entity.mentions[index], f"mention {index + 1} of {total}{more}")

    # -- helpers -------------------------------------------------------------------------

    def _describe(self, span: Span, where: str) -> None:
        body = self.article.body if self.article else ""
        status = Text(end="")
        status.append(clean_line(body[span.start : span.end]), style="bold")
        status.append(f" · {span.label} · {where}")
        self._set_status(status)

    def _set_status(self, text: Text) -> None:
        self.query_one("#reading-status", Static).update(text)

    def _key_for(self, binding_id: str) -> str:
        """The key a binding currently has (after any remapping), as a person types it."""
        for key, active in self.active_bindings.items():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding) or key
        return "?"
