"""Synthetic articles as objects, for benchmarks that fill a store without going through files.

They come from make_corpus's templates, so every benchmark measures the same realistic text
(names, places, amounts, dates) that `make_corpus.py` writes to disk.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (str(ROOT), str(ROOT / "bench")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from make_corpus import Generator  # noqa: E402

from tagger.models import Article, article_id  # noqa: E402


def articles(n: int, seed: int = 7, start: int = 0) -> Iterator[Article]:
    """Articles number `start` to `n - 1`; the same seed always gives the same articles."""
    gen = Generator(seed)
    for _ in range(start):
        gen.article(messy=False)
    for i in range(start, n):
        d = gen.article(messy=False)
        title = f"{d['title']} ({i})"  # templates repeat; the number keeps ids distinct
        yield Article(
            id=article_id(title, d["body"]),
            title=title,
            body=d["body"],
            source=d["source"],
            date=d["date"],
            url=d["url"],
            author=d["author"],
            imported_at=f"2025-01-01T00:00:00.{i:06d}Z",
        )
