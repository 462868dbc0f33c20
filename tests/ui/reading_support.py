"""Test-only fixtures for the reading view: a fixed article, a phrase-list analyzer, a host app.

The analyzer finds exact phrases and simple numbers so tests and snapshots know every span in
advance; the host app provides what the real app provides (a real store, taxonomy, reviewer,
analyzer) and nothing else, so the screen is tested on its own.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path

from textual.app import App

from tagger.config import load_settings
from tagger.models import Article, Span, article_id
from tagger.store import Store
from tagger.ui.messages import ArticleOpened
from tagger.ui.screens.reading import ReadingScreen

PHRASES = [
    ("Daniel arap Moi", "PERSON"),
    ("Moi", "PERSON"),
    ("Nairobi", "GPE"),
    ("Kenya", "GPE"),
    ("Rift Valley", "LOCATION"),
    ("Jomo Kenyatta International Airport", "FACILITY"),
    ("Kenya Airways", "ORGANIZATION"),
    ("Kenyans", "NORP"),
]
_NUMBER = re.compile(r"\$\d[\d,.]*(?: (?:million|billion))?|\d[\d,.]*%|\b\d{4}\b|\b\d[\d,]*\b")


def _number_label(mention: str) -> str:
    if mention.startswith("$"):
        return "MONEY"
    if mention.endswith("%"):
        return "PERCENT"
    if len(mention) == 4 and mention.isdigit() and mention.startswith(("19", "20")):
        return "DATE"
    return "CARDINAL"


class PhraseAnalyzer:
    """Finds PHRASES (longest first, no overlaps) and plain numbers; optionally waits first."""

    name = "phrases"
    version = "1"

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.calls = 0

    def analyze(self, text: str) -> list[Span]:
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(10)
        taken = [False] * len(text)
        spans: list[Span] = []
        found = [
            (m.start(), m.end(), label)
            for phrase, label in sorted(PHRASES, key=lambda p: -len(p[0]))
            for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)
        ] + [(m.start(), m.end(), _number_label(m.group())) for m in _NUMBER.finditer(text)]
        for start, end, label in found:
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append(Span(start, end, label))
        return sorted(spans)


MAIN = (
    "NAIROBI, Kenya — Kenya Airways said on Monday that 1,200 passengers were stranded at "
    "Jomo Kenyatta International Airport in Nairobi after a strike by 300 ground staff.\n\n"
    "The airline, which lost $45 million in 2023, said fares would rise by 12% next year. "
    "Many Kenyans remember the airline's founding under Daniel arap Moi, and Moi's "
    "government kept a stake of 48% for two decades.\n\n"
    "Flights to the Rift Valley resumed at 6 p.m., the airline said. Kenya's transport "
    "minister said Kenya would review the 2019 contract."
)
BOILERPLATE = "\n\nRelated topics\nSubscribe to our newsletter\nWatch: Kenya in 60 seconds"


def sample_article(**changes) -> Article:
    body = MAIN + BOILERPLATE
    article = Article(
        id=article_id("Kenya Airways strike strands passengers", body),
        title="Kenya Airways strike strands passengers",
        body=body,
        source="Daily Wire Service",
        date="2024-03-04",
        url="https://news.example/kenya-airways-strike",
        author="A. Writer",
        boilerplate_at=len(MAIN) + 2,
    )
    return replace(article, **changes)


class ReadingHost(App):
    """The attributes the real app gives the reading screen, over a real store in `folder`."""

    def __init__(
        self,
        folder: Path,
        articles: list[Article],
        analyzer=None,
        reviewer: str = "tester",
        validate: bool = True,
    ) -> None:
        super().__init__()
        self.settings = load_settings(None)
        self.taxonomy = self.settings.taxonomy
        self.reviewer = reviewer
        self.store = Store.open(folder, taxonomy=self.taxonomy if validate else None)
        self.store.add_articles(articles)
        self.analyzer = analyzer or PhraseAnalyzer()
        self.first_id = articles[0].id
        self.current_article_id: str | None = None
        self.opened: list[str] = []

    def get_analyzer(self):
        return self.analyzer

    def on_mount(self) -> None:
        self.push_screen(ReadingScreen(self.first_id))

    def on_unmount(self) -> None:
        self.store.close()

    def on_article_opened(self, event: ArticleOpened) -> None:
        self.current_article_id = event.article_id
        self.opened.append(event.article_id)


def screen_text(app: App) -> str:
    """What the terminal shows, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def long_article() -> Article:
    """Forty paragraphs, so mentions lie far below the first screen."""
    paragraphs = [
        f"Paragraph {i}: officials in Nairobi met {i * 10} delegates from Kenya Airways."
        if i % 10 == 0
        else f"Paragraph {i} is filler text that only takes up room on the screen."
        for i in range(40)
    ]
    body = "\n\n".join(paragraphs)
    return Article(id=article_id("Long", body), title="Long", body=body, source="Test")
