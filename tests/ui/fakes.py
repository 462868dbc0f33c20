"""Test-only helpers for the list and flow tests: a fixed store and a stub analyzer.

The stub analyzer marks capitalised words as GPE and digit runs as CARDINAL, so tests never
depend on the real NLP pipeline; the store builder uses fixed timestamps and titles so
snapshots are stable.
"""

from __future__ import annotations

import re

from tagger.config import load_settings
from tagger.models import Article, Span, article_id
from tagger.store import Store

_WORD = re.compile(r"\b[A-Z][a-z]+\b|\b\d+\b")


class StubAnalyzer:
    """Capitalised words are places and digit runs are numbers; enough for the flow tests."""

    name = "stub"
    version = "1"

    def analyze(self, text: str) -> list[Span]:
        return [
            Span(m.start(), m.end(), "CARDINAL" if m.group().isdigit() else "GPE")
            for m in _WORD.finditer(text)
        ]


TITLES = [
    ("Floods close roads in Nairobi", "Daily Nation", "2025-03-01"),
    ("Kharkiv substation hit overnight", "Kyiv Independent", "2025-03-02"),
    ("Central bank holds rates at 5%", "Reuters", "2025-02-27"),
    ("Typhoon nears Da Nang coast", "VnExpress", "2025-03-03"),
    ("Cholera vaccination drive begins", "Daily Nation", "2025-02-25"),
    ("Carmaker profit beats forecasts", "Nikkei", "2025-02-28"),
    ("Satellite launch delayed by weather", "The Hindu", "2025-03-04"),
    ("Pipeline talks resume in Astana", "Reuters", "2025-02-26"),
]


def make_articles(n: int = len(TITLES)) -> list[Article]:
    out = []
    for i in range(n):
        title, source, date = TITLES[i % len(TITLES)]
        if i >= len(TITLES):
            title = f"{title} ({i})"
        body = f"{title}. Officials in Nairobi said 12 people were affected. Report number {i}."
        out.append(Article(
            id=article_id(title, body), title=title, body=body, source=source, date=date,
            origin=f"fixture/{i}.txt", imported_at=f"2025-03-05T10:00:{i % 60:02d}.000000Z",
        ))
    return out


def make_store(path, n: int = len(TITLES)) -> tuple[Store, list[Article]]:
    settings = load_settings()
    store = Store.open(path, taxonomy=settings.taxonomy)
    articles = make_articles(n)
    store.add_articles(articles)
    return store, articles


ME = "tester"


def fixed_store_path(tmp_path):
    """A closed store of the fixed articles, for an app to open."""
    store, _ = make_store(tmp_path / "store")
    store.close()
    return tmp_path / "store"


def build_app(path, **options):
    """The app as `tagger review` builds it, on the store at `path`, with the stub analyzer."""
    from tagger.ui.app import create_app

    settings = options.pop("settings", None) or load_settings()
    store = Store.open(path, taxonomy=settings.taxonomy)
    options.setdefault("refresh_interval", 0)
    return create_app(store, settings, ME, analyzer=StubAnalyzer(), **options)


def own_tags(app, aid) -> dict[str, tuple[str, ...]]:
    """The tester's non-empty tag groups for `aid`, read from the store."""
    review = app.store.get_review(aid, ME)
    return {g: tuple(v) for g, v in review.tags.items() if v} if review else {}
