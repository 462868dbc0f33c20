"""Article bodies in TinyDB shard files of 500, in import order, with a small summary index each.

Sharding by import order means an import batch rewrites only the last shard or two, never
the whole collection, and a tag save never touches articles at all. The summary files hold
what the list needs (id, title, source, date), so opening a store of 100k articles reads a
few megabytes of summaries, and a body is read from its shard only when asked for (the last
few shards read are kept in a small LRU).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from tagger.errors import NotFoundError
from tagger.models import Article, ArticleSummary
from tagger.storage import atomic_write, damaged, ensure_folder, file_signature, read_json

SHARD_SIZE = 500
LRU_SHARDS = 4
SUMMARY_FIELDS = ("id", "title", "source", "date", "imported_at")
REST = SUMMARY_FIELDS[1:]
HINT = (
    "Articles can be imported again from their files; the reviews, kept apart in "
    "reviews.json and journal.jsonl, are not affected."
)


class ArticleFiles:
    """The `articles/` folder: shard `N.json` (table articles) and `N.index.json` (summaries)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.summaries: list[ArticleSummary] = []
        self.number: dict[str, int] = {}  # article id -> position in import order
        self._tail_sig: tuple[Any, ...] | None = None
        self._lru: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def body_path(self, shard: int) -> Path:
        return self.folder / f"{shard:06d}.json"

    def index_path(self, shard: int) -> Path:
        return self.folder / f"{shard:06d}.index.json"

    # -- the summary index --------------------------------------------------------------
    def _tail_signature(self) -> tuple[Any, ...]:
        last = len(self.summaries) // SHARD_SIZE
        return (last, file_signature(self.index_path(last)), self.index_path(last + 1).exists())

    def changed(self) -> bool:
        return self._tail_signature() != self._tail_sig

    def sync(self) -> bool:
        """Read summaries other processes added since we last looked; True if any."""
        if not self.changed():
            return False
        before = len(self.summaries)
        shard = before // SHARD_SIZE
        while True:
            path = self.index_path(shard)
            if not path.exists():
                break
            self._load_index(shard, path)
            shard += 1
        self._tail_sig = self._tail_signature()
        return len(self.summaries) != before

    def _load_index(self, shard: int, path: Path) -> None:
        tables = read_json(path, HINT)
        try:
            docs = tables["summaries"]
            keys = sorted(int(k) for k in docs)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise damaged(path, "not a table of article summaries", HINT) from None
        first = shard * SHARD_SIZE
        del self.summaries[first:]
        for n in keys:
            if n != len(self.summaries) + 1:
                raise damaged(path, f"article number {n} is out of sequence", HINT)
            d = docs[str(n)]
            # Interned, as the review fold interns them: one string per id, shared by both.
            get = d.get
            summary = ArticleSummary(
                sys.intern(get("id", "")), get("title", ""), get("source", ""), get("date", ""),
                get("imported_at", ""),
            )
            self.number[summary.id] = n - 1
            self.summaries.append(summary)

    # -- bodies ---------------------------------------------------------------------------
    def _read_shard(self, shard: int) -> dict[str, Any]:
        path = self.body_path(shard)
        if not path.exists():
            return {}
        tables = read_json(path, HINT)
        docs = tables.get("articles") if isinstance(tables, dict) else None
        if not isinstance(docs, dict):
            raise damaged(path, "not a table of articles", HINT)
        return docs

    def _shard(self, shard: int, need: str) -> dict[str, Any]:
        docs = self._lru.get(shard)
        if docs is None or need not in docs:
            docs = self._read_shard(shard)
            self._lru[shard] = docs
            while len(self._lru) > LRU_SHARDS:
                self._lru.popitem(last=False)
        self._lru.move_to_end(shard)
        return docs

    def get(self, article_id: str) -> Article:
        n = self.number.get(article_id)
        if n is None:
            raise NotFoundError(f"There is no article {article_id} in the store.")
        key = str(n + 1)
        d = self._shard(n // SHARD_SIZE, key).get(key)
        if d is None:
            path = self.body_path(n // SHARD_SIZE)
            raise damaged(path, f"article {article_id} is listed but its text is missing", HINT)
        return Article.from_dict(d)

    def iter(self, ids: Iterable[str] | None) -> Iterator[Article]:
        if ids is None:
            count = len(self.summaries)
            for shard in range((count + SHARD_SIZE - 1) // SHARD_SIZE):
                docs = self._read_shard(shard)
                for n in range(shard * SHARD_SIZE, min(count, (shard + 1) * SHARD_SIZE)):
                    yield Article.from_dict(docs[str(n + 1)])
            return
        chunk: list[str] = []
        for aid in ids:
            chunk.append(aid)
            if len(chunk) >= 2000:
                yield from self._chunk(chunk)
                chunk = []
        yield from self._chunk(chunk)

    def _chunk(self, ids: list[str]) -> Iterator[Article]:
        """Articles in the order given, each needed shard read once per chunk."""
        numbers = []
        for aid in ids:
            n = self.number.get(aid)
            if n is None:
                raise NotFoundError(f"There is no article {aid} in the store.")
            numbers.append(n)
        shards = {n // SHARD_SIZE: {} for n in numbers}
        for shard in shards:
            shards[shard] = self._lru.get(shard) or self._read_shard(shard)
        for aid, n in zip(ids, numbers, strict=True):
            d = shards[n // SHARD_SIZE].get(str(n + 1))
            yield Article.from_dict(d) if d is not None else self.get(aid)

    # -- adding ---------------------------------------------------------------------------
    def add(self, articles: list[Article]) -> None:
        """Append new (already de-duplicated) articles; the caller holds the lock and synced."""
        ensure_folder(self.folder)
        start = len(self.summaries)
        pos = 0
        while pos < len(articles):
            n0 = start + pos
            shard = n0 // SHARD_SIZE
            room = (shard + 1) * SHARD_SIZE - n0
            part = articles[pos : pos + room]
            self._write_shard(shard, n0, part)
            pos += len(part)
        self._tail_sig = self._tail_signature()

    def _write_shard(self, shard: int, n0: int, part: list[Article]) -> None:
        first = shard * SHARD_SIZE
        # Keep only the articles the index lists: a crash between the two writes can
        # leave bodies the index never acknowledged, and their numbers are reused here.
        old = self._read_shard(shard)
        missing = [n for n in range(first, n0) if str(n + 1) not in old]
        if missing:
            path = self.body_path(shard)
            raise damaged(path, f"article number {missing[0] + 1} is listed but missing", HINT)
        docs = {str(n + 1): old[str(n + 1)] for n in range(first, n0)}
        summaries = {
            str(n + 1): {k: getattr(self.summaries[n], k) for k in SUMMARY_FIELDS}
            for n in range(first, n0)
        }
        for i, art in enumerate(part):
            key = str(n0 + i + 1)
            docs[key] = art.to_dict()
            summaries[key] = {k: getattr(art, k) for k in SUMMARY_FIELDS}
        atomic_write(self.body_path(shard), orjson.dumps({"articles": docs}))
        atomic_write(self.index_path(shard), orjson.dumps({"summaries": summaries}))
        self._lru.pop(shard, None)
        for i, art in enumerate(part):
            summary = ArticleSummary(sys.intern(art.id), *(getattr(art, k) for k in REST))
            self.number[summary.id] = n0 + i
            self.summaries.append(summary)
