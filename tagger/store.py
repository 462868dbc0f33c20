"""The store: articles, reviews, history, undo, caches and UI state in one folder of TinyDB files.

Layout and why (figures in /work/shared/notes/tinydb.md and bench/store_bench.py):
- `journal.jsonl` is the append-only history, one Change per line; a save appends a line
  or two and fdatasyncs (sub-millisecond at any size), so the journal is what makes a save
  durable. Rewriting a JSON file per save costs 1 s at 100k reviews with TinyDB's
  JSONStorage, and still 34 ms (6 ms at 10k) with TinyDB's Table API on a MemoryStorage,
  because every Table update copies the whole table twice; reviews are therefore held in
  memory as compact, frozen Review objects (`tagger.history.ReviewBook`) folded from the
  journal, and readers get those objects as they are (`tagger.review_reads`, with
  `iter_effective` for bulk reads; writes are in `tagger.review_writes`).
- `reviews.json` is a TinyDB snapshot of that fold (reviews + undo stacks), written
  atomically every CHECKPOINT_EVERY changes one review per line so it can be read back a
  line at a time (`tagger.snapshot`), with the previous one kept as `reviews.prev.json`;
  on open only the journal tail after it is replayed.
- `articles/` holds bodies in TinyDB shards apart from reviews (`tagger.article_files`);
  `state.json` and `annotations/` are small TinyDB files (`tagger.side_tables`).
- `lock` is flocked for every read-modify-write; before writing, whatever other processes
  appended is read and applied first, so two writers never lose each other's updates.
- `meta.json` holds the schema version (`tagger.store_meta`); a damaged file is reported,
  never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tagger.article_files import ArticleFiles
from tagger.config import Taxonomy
from tagger.errors import NotFoundError, StoreError, StoreLockedError, ValidationError
from tagger.history import ReviewBook, new_batch_id
from tagger.journal import Journal
from tagger.models import Article, ArticleSummary, Span, utc_now
from tagger.review_reads import EffectiveView, ReviewReads
from tagger.review_writes import ReviewWrites
from tagger.side_tables import AnnotationCache, UiState
from tagger.snapshot import read_snapshot, snapshot_chunks, upgrade_inline_steps
from tagger.storage import StoreLock, atomic_write, clean_temp_files, paused_gc
from tagger.store_meta import SCHEMA_VERSION, check_meta

CHECKPOINT_EVERY = 1000  # journal lines between snapshots
CLOSE_CHECKPOINT_AT = 100  # on close, snapshot when at least this many lines are new
ADD_BATCH = 2000  # articles written per shard pass in add_articles

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "new_batch_id"]


@dataclass(frozen=True, slots=True)
class AddResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


class Store(ReviewReads, ReviewWrites):
    """One store folder, opened by one process; other processes may open it too."""

    def __init__(self, path: Path, taxonomy: Taxonomy | None, lock_timeout: float) -> None:
        self.path = path
        self.taxonomy = taxonomy
        self.schema_version = 0
        self._lock = StoreLock(path / "lock", lock_timeout)
        self._meta = path / "meta.json"
        self._snapshot = path / "reviews.json"
        self._previous = path / "reviews.prev.json"
        self._journal = Journal(path / "journal.jsonl", self._journal_hint)
        self._book = ReviewBook()
        self._snapshot_seq = 0
        self._articles = ArticleFiles(path / "articles")
        self._annotations = AnnotationCache(path / "annotations")
        self._state: UiState | None = None
        self._views: dict[str | None, EffectiveView] = {}  # see tagger.review_reads
        self._closed = False
        self._checkpoint_every = CHECKPOINT_EVERY

    # -- opening and closing -----------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike, *, taxonomy: Taxonomy | None = None, lock_timeout: float = 10.0
    ) -> Store:
        folder = Path(path).expanduser()
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"{folder} is a file, not a store folder. Point --db at a folder.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the store folder {folder}: {exc.strerror}.") from exc
        try:
            store = cls(folder, taxonomy, lock_timeout)
        except OSError as exc:
            raise StoreError(f"Cannot open the store at {folder}: {exc.strerror or exc}.") from exc
        try:
            with store._lock.held():
                store._load()
        except BaseException:
            store._release()
            raise
        return store

    def _load(self) -> None:
        with paused_gc():
            self._load_all()

    def _load_all(self) -> None:
        self.schema_version = check_meta(self.path)
        clean_temp_files(self.path)
        if self._snapshot.exists():
            backup = (
                f"{self._journal.path} holds every change, so moving {self._snapshot.name} "
                "aside lets tagger rebuild it from the journal."
            )
            if self._previous.exists():
                backup += f" The previous checkpoint is in {self._previous}."
            self._book, seq, offset = read_snapshot(self._snapshot, backup)
            self._journal.check_offset(offset, seq)
            upgraded = upgrade_inline_steps(self._book, self._journal, offset)
            self._snapshot_seq = seq
        else:
            upgraded = 0
        for entry, span in self._journal.read_new(locked=True):
            self._book.apply(entry, span)
        if upgraded:
            try:
                self._checkpoint()  # so the next open need not scan the journal again
            except StoreError:
                pass  # a read-only store still opens; it upgrades in memory each time
        self._articles.sync()
        self._state = UiState(self.path / "state.json")
        self._state.db.storage.read()  # a damaged state file is reported now

    def _journal_hint(self) -> str:
        found = [str(p) for p in (self._snapshot, self._previous) if p.exists()]
        where = (
            f"Reviews as of the last checkpoints are in {' and '.join(found)}."
            if found else "There is no checkpoint of the reviews yet."
        )
        return (
            f"Every change before the damaged line is intact. {where} Copy the store folder "
            "aside before any repair."
        )

    def close(self) -> None:
        if self._closed:
            return
        try:
            if self._journal.seq - self._snapshot_seq >= CLOSE_CHECKPOINT_AT:
                with self._lock.held(timeout=1.0):
                    self._sync()
                    self._checkpoint()
        except StoreError:
            pass  # the journal already holds everything; the next open replays it
        finally:
            self._release()

    def _release(self) -> None:
        self._closed = True
        self._journal.close()
        self._annotations.close()
        if self._state:
            self._state.close()
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping up with other processes -------------------------------------------------
    def _sync(self) -> bool:
        """Apply what other processes wrote; call with the lock held."""
        changed = False
        for entry, span in self._journal.read_new(locked=True):
            self._book.apply(entry, span)
            changed = True
        changed |= self._articles.sync()
        if self._state is not None:
            changed |= self._state.refresh()
        return changed

    def refresh(self) -> bool:
        """Pick up other processes' writes; False when nothing changed or the store is busy."""
        if not (self._journal.has_news() or self._articles.changed()):
            if self._state is None or not self._state.db.storage.changed_on_disk():
                return False
        try:
            with self._lock.held(timeout=0.05):
                return self._sync()
        except StoreLockedError:
            return False

    def _checkpoint(self) -> None:
        point = {
            "seq": self._journal.seq,
            "journal_offset": self._journal.pos,
            "schema_version": self.schema_version,
            "written_at": utc_now(),
        }
        # The new snapshot is written and fsynced under a temp name first; only then does
        # the old one become reviews.prev.json. Between those two renames there is no
        # snapshot, and open would replay the whole journal, which holds everything.
        atomic_write(
            self._snapshot, snapshot_chunks(self._book, point), previous=self._previous
        )
        self._snapshot_seq = self._journal.seq

    # -- articles ------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Add new articles, in batches; an id already present is reported as a duplicate."""
        result = AddResult()
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= ADD_BATCH:
                self._add_batch(batch, result)
                batch = []
        if batch:
            self._add_batch(batch, result)
        return result

    def _add_batch(self, batch: list[Article], result: AddResult) -> None:
        now = utc_now()
        with self._lock.held():
            self._sync()
            fresh: list[Article] = []
            seen: set[str] = set()
            for art in batch:
                if art.id in self._articles.number or art.id in seen:
                    result.duplicates.append(art.id)
                    continue
                if not art.id or not art.title:
                    raise ValidationError("An article needs an id and a title.")
                seen.add(art.id)
                if not art.imported_at:
                    art = Article.from_dict({**art.to_dict(), "imported_at": now})
                fresh.append(art)
            if fresh:
                self._articles.add(fresh)
                result.added.extend(a.id for a in fresh)

    def has_article(self, article_id: str) -> bool:
        return article_id in self._articles.number

    def get_article(self, article_id: str) -> Article:
        with self._lock.thread:
            return self._articles.get(article_id)

    def summaries(self) -> list[ArticleSummary]:
        with self._lock.thread:
            return list(self._articles.summaries)

    def summary(self, article_id: str) -> ArticleSummary:
        n = self._articles.number.get(article_id)
        if n is None:
            raise NotFoundError(f"There is no article {article_id!r} in the store at {self.path}.")
        return self._articles.summaries[n]

    def article_count(self) -> int:
        return len(self._articles.summaries)

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stream articles (import order, or the order of `ids`) without loading them all."""
        return self._articles.iter(ids)

    def resolve_id(self, prefix: str) -> str:
        """The one article id starting with `prefix` (like git's short ids)."""
        prefix = prefix.strip()
        if prefix in self._articles.number:
            return prefix
        found = [i for i in self._articles.number if i.startswith(prefix)] if prefix else []
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError(f"There is no article {prefix!r} in the store at {self.path}.")
        raise NotFoundError(
            f"{prefix!r} matches {len(found)} articles ({', '.join(sorted(found)[:4])}...); "
            "give more characters."
        )

    def _require(self, article_id: str) -> None:
        if article_id not in self._articles.number:
            raise NotFoundError(f"There is no article {article_id!r} in the store at {self.path}.")

    # -- validation ----------------------------------------------------------------------
    @staticmethod
    def _reviewer(reviewer: str) -> str:
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise ValidationError("A reviewer name is needed (--reviewer or TAGGER_REVIEWER).")
        return reviewer.strip()

    def _group(self, group: str) -> str:
        if self.taxonomy is not None:
            return self.taxonomy.group(group).name
        if not isinstance(group, str) or not group.strip():
            raise ValidationError("A tag group name is needed.")
        return group.strip()

    def _labels(self, group: str, labels: Iterable[str] | str) -> list[str]:
        if isinstance(labels, str):
            labels = [labels]
        if self.taxonomy is not None:
            return list(self.taxonomy.validate(group, labels))
        out: list[str] = []
        for label in labels:
            if not isinstance(label, str) or not label.strip():
                raise ValidationError(f"An empty label was given for {group}.")
            if label.strip() not in out:
                out.append(label.strip())
        return out

    def _multi(self, group: str) -> bool:
        return self.taxonomy is None or self.taxonomy.group(group).multi

    # -- annotation cache ----------------------------------------------------------------
    def get_annotations(self, article_id: str, text_hash: str, pipeline_version: str) -> list[Span] | None:
        """Cached spans for this exact text and pipeline version, or None."""
        with self._lock.thread:
            return self._annotations.get(article_id, text_hash, pipeline_version)

    def put_annotations(
        self, article_id: str, text_hash: str, pipeline_version: str, spans: Iterable[Span]
    ) -> None:
        with self._lock.held():
            self._annotations.put(article_id, text_hash, pipeline_version, list(spans))

    # -- UI state ------------------------------------------------------------------------
    def _ui(self) -> UiState:
        if self._state is None or self._closed:
            raise StoreError("The store is closed.")
        return self._state

    def get_session(self, reviewer: str) -> dict:
        with self._lock.thread:
            self._ui().refresh()
            return self._ui().get_session(self._reviewer(reviewer))

    def put_session(self, reviewer: str, data: dict) -> None:
        reviewer = self._reviewer(reviewer)
        with self._lock.held():
            self._ui().refresh()
            self._ui().put_session(reviewer, data)

    def saved_filters(self) -> dict[str, str]:
        with self._lock.thread:
            self._ui().refresh()
            return self._ui().saved_filters()

    def save_filter(self, name: str, query: str) -> None:
        if not isinstance(name, str) or not name.strip():
            raise ValidationError("A saved filter needs a name.")
        with self._lock.held():
            self._ui().refresh()
            self._ui().save_filter(name.strip(), query)

    def delete_filter(self, name: str) -> None:
        with self._lock.held():
            self._ui().refresh()
            if not self._ui().delete_filter(name):
                raise NotFoundError(f"There is no saved filter named {name!r}.")
