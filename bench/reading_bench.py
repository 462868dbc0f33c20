"""Time the reading view on short and long articles: first paint, highlights, and each key.

Drives ReadingScreen headless in a minimal host app over a temporary store with the offline
analyzer, and times the work each key does plus one full repaint of the visible lines
(Pilot's own per-key pauses would otherwise dominate the figures).

    .venv/bin/python bench/reading_bench.py [--paragraphs 1,40,400]

Target (issue 4): keys never wait for analysis; a key's work well under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402

from tagger.config import load_settings  # noqa: E402
from tagger.models import Article, article_id  # noqa: E402
from tagger.nlp.base import get_analyzer  # noqa: E402
from tagger.store import Store  # noqa: E402
from tagger.ui.screens.reading import ReadingScreen  # noqa: E402

PARAGRAPH = (
    "NAIROBI, Kenya — Kenya Airways said on Monday that 1,200 passengers were stranded at "
    "Jomo Kenyatta International Airport after a strike by 300 ground staff. The airline, "
    "which lost $45 million in 2023, said fares would rise by 12% next year, and President "
    "William Ruto met union leaders from Mombasa and Kisumu for three hours on Tuesday."
)
BOILERPLATE = "\n\nRelated topics\nSubscribe to our newsletter\nWatch: Kenya in 60 seconds"


class Host(App):
    """Provides what the real app provides to the reading view."""

    def __init__(self, store: Store, first: str) -> None:
        super().__init__()
        self.settings = load_settings(None)
        self.taxonomy = self.settings.taxonomy
        self.reviewer = "bench"
        self.store = store
        self.first = first
        self.current_article_id = first

    def get_analyzer(self):
        return get_analyzer("offline")

    def on_mount(self) -> None:
        self.push_screen(ReadingScreen(self.first))


def timed(action, repeat: int) -> str:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms"


async def wait_highlights(screen: ReadingScreen) -> float:
    start = time.perf_counter()
    while screen.highlights_pending:
        await asyncio.sleep(0.001)
    return (time.perf_counter() - start) * 1000


async def bench(paragraphs: int, folder: Path) -> None:
    main = "\n\n".join(PARAGRAPH for _ in range(paragraphs))
    body = main + BOILERPLATE
    article = Article(
        id=article_id(f"Bench {paragraphs}", body),
        title=f"Bench {paragraphs}",
        body=body,
        boilerplate_at=len(main) + 2,
    )
    other = Article(id=article_id("other", body + "."), title="Other", body=body + ".")
    store = Store.open(folder / f"store-{paragraphs}")
    store.add_articles([article, other])
    app = Host(store, other.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await wait_highlights(screen)  # the analyzer is built by now
        start = time.perf_counter()
        screen.show_article(article.id)
        shown = (time.perf_counter() - start) * 1000
        uncached = shown + await wait_highlights(screen)
        await pilot.pause()
        view = screen.view

        def paint() -> None:
            for y in range(view.size.height):
                view.render_line(y)

        print(f"\n{paragraphs} paragraphs: {len(body):,} chars, {len(view.spans):,} spans")
        start = time.perf_counter()
        screen.show_article(article.id)
        cached = (time.perf_counter() - start) * 1000 + await wait_highlights(screen)
        print(f"  body shown (sync)      {shown:8.2f} ms")
        print(f"  highlights, uncached   {uncached:8.1f} ms after show_article (worker)")
        print(f"  highlights, cached     {cached:8.1f} ms after show_article (worker)")
        print("  next entity + repaint  " + timed(lambda: (screen.action_step("entity", 1), paint()), 50))
        print("  prev number + repaint  " + timed(lambda: (screen.action_step("number", -1), paint()), 50))
        def page_down() -> None:
            view.scroll_to(y=view.scroll_offset.y + view.size.height, animate=False, immediate=True)
            paint()

        print("  page down + repaint    " + timed(page_down, 50))
        print("  toggle entities        " + timed(lambda: screen.action_toggle("entities"), 20))
        print("  fold/unfold            " + timed(lambda: screen.action_toggle("fold_boilerplate"), 20))
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", default="1,40,400", help="comma-separated sizes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.paragraphs.split(","):
            asyncio.run(bench(int(size), Path(folder)))


if __name__ == "__main__":
    main()
