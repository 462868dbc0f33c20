"""Small TinyDB files beside the reviews: UI sessions, saved filters, and the annotation cache.

They change rarely and are small, so each is a plain TinyDB document written atomically;
the annotation cache is split in 256 shards by article id so caching one article's spans
rewrites a few hundred entries, not all of them.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from tagger.models import Span
from tagger.storage import Query, TinyDB, ensure_folder, open_tinydb, refresh_tinydb

ANNOTATION_SHARDS = 256
STATE_HINT = "It holds only UI sessions and saved filters; the reviews and articles are not affected."
CACHE_HINT = "It is only a cache of annotations: moving it aside loses nothing but time."


class UiState:
    """`state.json`: a `sessions` table (one document per reviewer) and a `filters` table."""

    def __init__(self, path: Path) -> None:
        self.db = open_tinydb(path, STATE_HINT)

    def refresh(self) -> bool:
        return refresh_tinydb(self.db)

    def get_session(self, reviewer: str) -> dict:
        doc = self.db.table("sessions").get(Query().reviewer == reviewer)
        return dict(doc["data"]) if doc else {}

    def put_session(self, reviewer: str, data: dict) -> None:
        self.db.table("sessions").upsert(
            {"reviewer": reviewer, "data": dict(data)}, Query().reviewer == reviewer
        )

    def saved_filters(self) -> dict[str, str]:
        return {d["name"]: d["query"] for d in self.db.table("filters").all()}

    def save_filter(self, name: str, query: str) -> None:
        self.db.table("filters").upsert({"name": name, "query": query}, Query().name == name)

    def delete_filter(self, name: str) -> bool:
        return bool(self.db.table("filters").remove(Query().name == name))

    def close(self) -> None:
        self.db.close()


class AnnotationCache:
    """`annotations/NN.json`: spans keyed by article id, text hash and pipeline version."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._dbs: dict[int, TinyDB] = {}

    def _db(self, article_id: str) -> TinyDB:
        shard = zlib.crc32(article_id.encode("utf-8")) % ANNOTATION_SHARDS
        db = self._dbs.get(shard)
        if db is None:
            db = self._dbs[shard] = open_tinydb(self.folder / f"{shard:03d}.json", CACHE_HINT)
        else:
            refresh_tinydb(db)
        return db

    def get(self, article_id: str, text_hash: str, version: str) -> list[Span] | None:
        if not self.folder.exists():
            return None
        q = Query()
        doc = self._db(article_id).table("annotations").get(
            (q.article_id == article_id) & (q.text_hash == text_hash) & (q.version == version)
        )
        if doc is None:
            return None
        return [Span(s, e, label) for s, e, label in doc["spans"]]

    def put(self, article_id: str, text_hash: str, version: str, spans: list[Span]) -> None:
        ensure_folder(self.folder)
        q = Query()
        doc: dict[str, Any] = {
            "article_id": article_id,
            "text_hash": text_hash,
            "version": version,
            "spans": [[s.start, s.end, s.label] for s in spans],
        }
        # One entry per article and pipeline version: a new text hash replaces the old.
        self._db(article_id).table("annotations").upsert(
            doc, (q.article_id == article_id) & (q.version == version)
        )

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
