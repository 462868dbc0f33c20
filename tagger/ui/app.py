"""The review app: owns the store, the list model, the current article and the session.

Screens and dialogs are views; state lives here ("attributes down, messages up"). Tagging
actions are in `ReviewActions`, queues and filters in `QueueActions`, import and export jobs
in `TaskActions`; this module wires them, builds the key bindings from the keymap, and is
created by `create_app` for the CLI and the tests alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import BindingsMap
from textual.filter import Monochrome, NoColor

from tagger.config import Settings
from tagger.errors import TaggerError
from tagger.ui.commands import TaggerCommands
from tagger.ui.keymap import Keymap
from tagger.ui.list_model import ListModel
from tagger.ui.messages import ArticleOpened
from tagger.ui.queue_actions import QueueActions
from tagger.ui.review_actions import ReviewActions
from tagger.ui.screens.list_screen import ListScreen
from tagger.ui.session import SessionKeeper
from tagger.ui.task_actions import TaskActions

if TYPE_CHECKING:
    from tagger.store import Store


def reading_screen_class() -> Any:
    """The reading view, or None while it is not installed (the list works without it)."""
    try:
        from tagger.ui.screens.reading import ReadingScreen
    except ImportError:
        return None
    return ReadingScreen


class TaggerApp(ReviewActions, QueueActions, TaskActions, App[None]):
    """Review and tag the articles of one store as one reviewer."""

    CSS_PATH = "app.tcss"
    TITLE = "tagger"
    COMMANDS = App.COMMANDS | {TaggerCommands}

    def __init__(
        self,
        store: Store,
        settings: Settings,
        reviewer: str,
        *,
        analyzer: Any = None,
        no_color: bool = False,
        refresh_interval: float = 2.0,
        offer_samples: bool = True,
        resume: bool = True,
    ) -> None:
        # Checked before anything starts, so a bad [keys] table stops with a ConfigError.
        self.keymap = Keymap(settings.taxonomy, settings.keys)
        super().__init__()
        if no_color and not self.no_color:
            # Same filters Textual applies for NO_COLOR, for the --no-color option.
            self.no_color = True
            self._filters.append(NoColor() if self.native_ansi_color else Monochrome())
        # Our bindings depend on the taxonomy and the config, so they are built per instance,
        # next to Textual's own (ctrl+p palette, ctrl+q quit).
        ours = BindingsMap(self.keymap.bindings("app"))
        self._bindings = BindingsMap.merge([self._bindings, ours])
        self.store = store
        self.settings = settings
        self.taxonomy = settings.taxonomy
        self.reviewer = reviewer
        self._analyzer = analyzer
        self.refresh_interval = refresh_interval
        self.offer_samples = offer_samples
        self.resume = resume
        self.model = ListModel(store, reviewer, self.taxonomy.names)
        self.marks: set[str] = set()
        self.current_article_id: str | None = None
        self._current_index: int | None = None
        self.view_done = 0
        self.session = SessionKeeper(self)
        self.init_queues()

    # --- collaborators -------------------------------------------------------------------
    def get_analyzer(self) -> Any:
        if self._analyzer is None:
            from tagger.nlp.base import get_analyzer

            self._analyzer = get_analyzer(self.settings.nlp_backend)
        return self._analyzer

    @property
    def list_screen(self) -> ListScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ListScreen):
                return screen
        return None

    # --- start-up ------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_keymap(self.keymap.textual_keymap("reading"))
        restored = self.session.restore() if self.resume else self.session.start_fresh()
        self.push_screen(ListScreen(self.keymap.bindings("list")))
        if restored.get("screen") == "reading" and self.current_article_id:
            self.open_reading()
        if self.refresh_interval > 0:
            self.set_interval(self.refresh_interval, self.poll_store)
        self.session.load_rate()
        # The first filter would otherwise build 100,000 query candidates while a key waits.
        self.run_worker(self.model.warm, thread=True, group="warm", exit_on_error=False)
        if self.offer_samples and self.store.article_count() == 0:
            self.offer_sample_import()

    # --- the current article -------------------------------------------------------------
    def set_current(self, article_id: str | None, index: int | None = None) -> None:
        self.current_article_id = article_id
        self._current_index = index
        self.session.changed()

    def current_index(self) -> int | None:
        i = self._current_index
        ids = self.model.ids
        if i is not None and 0 <= i < len(ids) and ids[i] == self.current_article_id:
            return i
        i = self.model.index_of(self.current_article_id)
        self._current_index = i
        return i

    def action_go(self, step: int) -> None:
        """Next or previous article of the current queue, in the list or the reading view."""
        ids = self.model.ids
        if not ids:
            self.notify("The queue is empty.", timeout=2)
            return
        i = self.current_index()
        target = 0 if i is None else i + step
        if not 0 <= target < len(ids):
            self.notify("End of the queue." if step > 0 else "Start of the queue.", timeout=2)
            return
        self.set_current(ids[target], target)
        listing = self.list_screen
        if listing is not None:
            listing.move_to_article(ids[target], target)
        reading = reading_screen_class()
        if reading is not None and isinstance(self.screen, reading):
            self.screen.show_article(ids[target])

    def open_reading(self) -> None:
        reading = reading_screen_class()
        if reading is None:
            self.notify("The reading view is not available in this build.", severity="warning")
            return
        if self.current_article_id is None:
            return
        if isinstance(self.screen, reading):
            self.screen.show_article(self.current_article_id)
        else:
            self.push_screen(reading(self.current_article_id))
        self.session.changed()

    def on_article_opened(self, event: ArticleOpened) -> None:
        if event.article_id != self.current_article_id:
            self.set_current(event.article_id)
            listing = self.list_screen
            if listing is not None:
                listing.move_to_article(event.article_id)

    def action_go_back(self) -> None:
        if isinstance(self.screen, ListScreen):
            self.screen.clear_marks()
        elif len(self.screen_stack) > 2:
            self.pop_screen()
            self.session.changed()

    def action_help(self) -> None:
        from tagger.ui.screens.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.keymap))

    def action_quit_app(self) -> None:
        self.session.save()
        self.exit()

    async def action_quit(self) -> None:
        # Textual's own quit (ctrl+q) also keeps the session.
        self.action_quit_app()

    # --- reporting -----------------------------------------------------------------------
    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications here quote article titles and file paths, so markup is off by default."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, TaggerError):
            self.notify(exc.message, title=exc.title, severity="error", timeout=8)
        else:
            self.notify(str(exc), title="Save failed", severity="error", timeout=8)

    def say(self, message: str) -> None:
        """A quiet confirmation: the progress line in the list, a short toast elsewhere."""
        if isinstance(self.screen, ListScreen):
            self.screen.show_progress(message)
        else:
            self.notify(message, timeout=1.5)

    def rate(self) -> float:
        return self.session.rate()


def create_app(
    store: Store,
    settings: Settings,
    reviewer: str,
    *,
    analyzer: Any = None,
    no_color: bool = False,
    **options: Any,
) -> TaggerApp:
    """The one way to build the app, shared by `tagger review` and the tests."""
    return TaggerApp(store, settings, reviewer, analyzer=analyzer, no_color=no_color, **options)
