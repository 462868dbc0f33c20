"""Article text with markup and terminal escapes is shown literally, with no effect."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from tagger.models import Article, article_id
from tagger.ui.sanitize import PLACEHOLDER
from tagger.ui.screens.reading import ReadingScreen
from tagger.ui.widgets.article_view import ArticleView
from tagger.ui.widgets.entity_panel import EntityPanel
from tagger.ui.widgets.tag_bar import TagBar
from tests.ui.reading_support import PhraseAnalyzer, ReadingHost, screen_text

MARKUP = ["[bold red]x[/]", "[link=https://x]y[/link]", "[@click=app.quit]z[/]"]
BODY = (
    f"Markup: {MARKUP[0]} {MARKUP[1]} {MARKUP[2]}.\n\n"
    "Escapes: \x1b[31mred\x1b[0m and \x1b]52;c;ZXZpbA==\x07 clipboard and \x1b]8;;https://x\x07link.\n\n"
    "[b]Evil[/b] Corp is in Nairobi."
)
TITLE = "[blink]Title[/blink] \x1b[5mwith escapes"


class MarkupAnalyzer(PhraseAnalyzer):
    def analyze(self, text):
        from tagger.models import Span

        start = text.index("[b]Evil[/b] Corp")
        nairobi = text.index("Nairobi")
        return [Span(start, start + 16, "ORGANIZATION"), Span(nairobi, nairobi + 7, "GPE")]


def hostile_article() -> Article:
    return Article(
        id=article_id(TITLE, BODY),
        title=TITLE,
        body=BODY,
        source="[i]Source[/i]",
        author="[@click=app.quit]Author[/]",
        url="https://x/[link=https://evil]u[/link]",
        date="2024-01-01",
    )


def own_segments(app):
    """Segments drawn by the reading view's own widgets (not the Footer's key buttons)."""
    strips = app.screen._compositor.render_strips()
    screen = app.screen
    widgets = [
        screen.query_one(ArticleView),
        screen.query_one(EntityPanel),
        screen.query_one(TagBar),
        *screen.query(Static).filter("#reading-title, #reading-meta, #reading-status"),
    ]
    for widget in widgets:
        region: Region = widget.region
        for y in range(region.y, region.bottom):
            yield from strips[y].crop(region.x, region.right)


async def test_markup_and_escapes_show_literally_and_harmlessly(tmp_path):
    article = hostile_article()
    # A store without a taxonomy accepts any label, as one filled from an import could hold.
    app = ReadingHost(tmp_path / "store", [article], MarkupAnalyzer(), validate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.store.set_tags(article.id, "tester", "topic", ["[red]hack[/red]"])
        app.screen.refresh_tags()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        for literal in MARKUP:
            assert literal in text
        assert f"[blink]Title[/blink] {PLACEHOLDER}[5mwith escapes" in text
        assert "[i]Source[/i]" in text and "[@click=app.quit]Author[/]" in text
        assert f"{PLACEHOLDER}[31mred{PLACEHOLDER}[0m" in text
        assert f"{PLACEHOLDER}]52;c;ZXZpbA=={PLACEHOLDER} clipboard" in text
        assert "[red]hack[/red]" in text  # a stored tag from an imported file
        assert "[b]Evil[/b] Corp ×1" in text  # the entity panel
        assert "[b]Evil[/b] Corp · ORGANIZATION · entity 1 of 2" in text  # the status line

        segments = list(own_segments(app))
        assert segments
        for segment in segments:
            assert "\x1b" not in segment.text and "\x07" not in segment.text
            style = segment.style
            if style is None:
                continue
            assert style.link is None
            assert not any(key.startswith("@") for key in (style.meta or {}))
            assert not style.blink
        x_cells = [s for s in segments if "[bold red]x[/]" in s.text]
        assert x_cells and not any(s.style.bold for s in x_cells if s.style)
        assert isinstance(app.screen, ReadingScreen) and app.is_running
